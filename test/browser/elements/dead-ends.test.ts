// No member is left without a way on: an enrollment left half-way, the end of a flow on a page
// without script, and a reload once signed in.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-enroll/mfa-enroll.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, signOut, testClient } from '../support/client.js';
import { advanceClock, lastSmsCode, MEMBER_IDS, ORGANIZATION_IDS, smsOutbox } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepAll, deepest, partText, visibleText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';

const client = testClient();

async function flowFor(email: string, extra: { redirectUrl?: string } = {}): Promise<MfaFlow> {
  const primary = await login(email);
  return fixture<MfaFlow>(
    html`<mfa-flow
      .client=${client}
      .authResponse=${primary}
      redirect-url=${extra.redirectUrl ?? ''}
    ></mfa-flow>`,
  );
}

describe('dead ends', () => {
  const visitor = freshVisitor();
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('a number sent a code but never verified: the next sign-in enrolls again, and the number can change', async () => {
    const first = await flowFor('new@acme.test');
    await waitUntil(() => first.step === 'select-method', 'the choice');
    await press(deepest(first, '[part~="method-option"]'));
    await waitUntil(() => first.step === 'enter-phone', 'phone entry');
    await phoneFieldReady(first);
    deepest(first, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => first.step === 'enter-sms-code', 'a code sent');
    first.remove(); // the member leaves without typing it
    await signOut();

    const next = await flowFor('new@acme.test');
    // The login sent a code to that number again (Stytch does, verified or not), but this is no
    // enrollment yet: the member chooses again, and may change the number.
    await waitUntil(() => next.step === 'select-method', 'the choice again, not a dead-end code step');
    expect(await smsOutbox('+14155550123')).to.have.length(2);
    await press(deepest(next, '[part~="method-option"]'));
    await waitUntil(() => next.step === 'enter-sms-code', 'the code the login sent');
    const sms = deepest(next, 'sms-otp-input')!;
    expect(partText(sms, 'back-button')).to.equal('Use a different number');
    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await waitUntil(() => next.step === 'done', 'enrolled');
    expect(visitor.recorder.of('mfa-enrolled').map((e) => e.method)).to.deep.equal(['sms_otp']);
  });

  it('no method to offer (the page asks for SMS, the organization allows only TOTP): it says so', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = await fixture<HTMLElement>(
      html`<mfa-enroll methods="sms_otp" .client=${client} .authResponse=${primary}></mfa-enroll>`,
    );
    // The message loads with Stytch's error messages, not with the element.
    await waitUntil(() => visitor.recorder.of('mfa-error').length > 0, 'the failure');
    const [failure] = visitor.recorder.of('mfa-error');
    expect(failure).to.include({ code: 'no_allowed_method', recoverable: false });
    expect(failure!.message).to.equal('Your organization allows no verification method this page offers.');
    expect(partText(el, 'error')).to.equal(failure!.message);
  });

  it('redirect-url: goes there after mfa-authenticated', async () => {
    const el = await flowFor('sms@acme.test', { redirectUrl: '#signed-in' });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => location.hash === '#signed-in', 'it went to redirect-url');
  });

  it('redirect-url: a listener that calls preventDefault() keeps the page', async () => {
    const el = await flowFor('sms@acme.test', { redirectUrl: '#signed-in' });
    let prevented = false;
    el.addEventListener('mfa-authenticated', (event) => {
      event.preventDefault();
      prevented = event.defaultPrevented;
    });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => prevented, 'the event was cancelable and prevented');
    await new Promise((resolve) => queueMicrotask(() => resolve(null))); // after the flow's own check
    expect(location.hash).to.equal('');
  });

  it('a reload once signed in: the flow is done at once, not "Sign in first"', async () => {
    const el = await flowFor('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => el.step === 'done', 'signed in');
    el.remove();
    visitor.recorder.events.length = 0;

    // A new flow, as after a reload: no response given, only the client with its session.
    const again = await fixture<MfaFlow>(html`<mfa-flow .client=${client}></mfa-flow>`);
    await waitUntil(() => again.step === 'done', 'done at once');
    expect(visibleText(again)).to.contain('You are signed in.');
    expect(visibleText(again)).to.not.contain('Sign in first');
    const [authenticated] = visitor.recorder.of('mfa-authenticated');
    expect(authenticated!.method).to.equal(null);
    expect(authenticated!.member.member_id).to.equal(MEMBER_IDS.smsAcme);
    await expect(again).to.be.accessible();
  });

  it('an expired sign-in: the message, a link to sign in again (sign-in-url), and nothing left to click', async () => {
    const primary = await login('sms@acme.test');
    const el = await fixture<MfaFlow>(
      html`<mfa-flow .client=${client} .authResponse=${primary} sign-in-url="/sign-in"></mfa-flow>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await advanceClock(11 * 60); // the intermediate session lives 10 minutes
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    const [failure] = visitor.recorder.of('mfa-error');
    expect(failure).to.include({ recoverable: false });
    expect(failure!.message).to.equal('Your sign-in has expired. Sign in again to continue.');
    await waitUntil(() => deepest(el, '[part~="sign-in-link"]'), 'the way on');
    const links = deepAll(el, '[part~="sign-in-link"]');
    expect(links).to.have.length(1);
    expect(links[0]!.getAttribute('href')).to.equal('/sign-in');
    expect(links[0]!.textContent!.trim()).to.equal('Go to sign-in');
    for (const part of ['submit-button', 'resend-button', 'back-button', 'code-input']) {
      for (const control of deepAll(el, `[part~="${part}"]`)) {
        expect(control.matches(':disabled'), `${part} is disabled`).to.equal(true);
      }
    }
    expect(deepAll(el, '[part~="submit-button"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('no session: "Sign in first" and the link of sign-in-url', async () => {
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} sign-in-url="/sign-in"></mfa-flow>`);
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({ code: 'no_session', recoverable: false });
    await waitUntil(() => deepest(el, '[part~="sign-in-link"]'), 'the way on');
    expect(deepest(el, '[part~="sign-in-link"]')!.getAttribute('href')).to.equal('/sign-in');
    await expect(el).to.be.accessible();
  });
});
