// Backend mode: <mfa-flow> through the host's own server — the README's Express host with
// createMfaHandler and the official stytch package, against the emulator. The page never holds a token.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import {
  advanceClock,
  emulatorNowMs,
  lastSmsCode,
  MEMBER_IDS,
  ORGANIZATION_IDS,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
  smsOutbox,
} from '../support/emulator.js';
import { hostLogin } from '../support/logins.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepAll, deepest, visibleText } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const TOKEN_FIELDS = ['session_token', 'session_jwt', 'intermediate_session_token'];

/** Every body the page receives from the host's /api, read as the page reads it. */
const received: { url: string; body: string }[] = [];
const realFetch = window.fetch;

const signIn = (email: string, organizationId?: string) => hostLogin(email, organizationId);

async function backendFlow(email: string, organizationId?: string): Promise<MfaFlow> {
  await signIn(email, organizationId);
  const provider = await fixture(
    html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`,
  );
  return provider.querySelector('mfa-flow')!;
}

/** No token in any answer, nor a cookie the page can read: the host's session cookie is HttpOnly. */
function expectNoTokens(): void {
  expect(received.length).to.be.greaterThan(0);
  for (const { url, body } of received) {
    const parsed = JSON.parse(body) as Record<string, unknown> | null;
    for (const field of TOKEN_FIELDS) {
      const value = parsed?.[field];
      expect(value === undefined || value === '', `${field} in ${url}`).to.equal(true);
    }
    expect(body).to.not.match(/"(session_token|session_jwt|intermediate_session_token)":"[^"]/);
  }
  expect(document.cookie).to.not.contain('app_session');
  expect(document.cookie).to.not.contain('stytch_session');
}

describe('backend mode: <mfa-provider backend-url> + createMfaHandler', () => {
  const visitor = freshVisitor();

  beforeEach(async () => {
    await realFetch('/api/logout', { method: 'POST' });
    received.length = 0;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (new URL(url, location.href).pathname.startsWith('/api/')) {
        received.push({ url, body: await response.clone().text() });
      }
      return response;
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('new@acme.test: required enrollment by SMS', async () => {
    const el = await backendFlow('new@acme.test');
    await waitUntil(() => el.step === 'select-method', 'the choice shows');
    await expect(el).to.be.accessible();
    await press(deepest(el, '[part~="method-option"]'));
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    await phoneFieldReady(el);
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await waitUntil(() => el.step === 'done', 'done');
    const enrolled = visitor.recorder.of('mfa-enrolled');
    expect(enrolled).to.have.length(1);
    expect(enrolled[0]!.method).to.equal('sms_otp');
    expect(enrolled[0]!.member.mfa_phone_number_verified).to.equal(true);
    expect(visitor.recorder.of('mfa-authenticated')[0]!.memberSession.member_id).to.equal(MEMBER_IDS.newAcme);
    expectNoTokens();
  });

  it('new@globex.test: required enrollment by TOTP, with recovery codes', async () => {
    const el = await backendFlow('new@globex.test', ORGANIZATION_IDS.globex);
    await waitUntil(() => el.step === 'scan-totp', 'straight to the QR code');
    const secret = await completeTotpSetup(el);
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.of('mfa-enrolled')[0]!.method).to.equal('totp');
    // The step that needs the secret and the codes had them; no other answer did.
    expect(received.filter((r) => r.body.includes(secret)).map((r) => r.url)).to.deep.equal([
      '/api/mfa/totp/create',
    ]);
    expectNoTokens();
  });

  it('sms@acme.test: returning SMS uses the code the login sent — one SMS, not two', async () => {
    const el = await backendFlow('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => el.step === 'done', 'done');
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('sms_otp');
    // One request per thing done: who is signing in, once; then the code.
    expect(received.map((r) => r.url)).to.deep.equal([
      '/api/login',
      '/api/mfa/state',
      '/api/mfa/sms/authenticate',
    ]);
    expectNoTokens();
  });

  it('sms@acme.test: the page gets the number masked, shows it so, and a resend reaches it', async () => {
    const el = await backendFlow('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const old = await lastSmsCode('+14155550101');
    await advanceClock(121); // the code expires: a resend is offered at once
    await sendKeys({ type: old });
    const resend = () => deepest(el, '[part~="resend-button"]')!;
    await waitUntil(() => resend().getAttribute('aria-disabled') === 'false', 'resend offered');
    resend().click();
    await waitUntil(async () => (await smsOutbox('+14155550101')).length === 2, 'a second SMS');
    expect(visitor.recorder.of('mfa-sms-sent')).to.deep.equal([
      { phoneNumber: '+1•••••••101', resend: true },
    ]);
    await waitUntil(() => visibleText(el).includes('+1•••••••101'), 'the resend names the number');
    deepest(el, 'mfa-code-input')!.focus();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.member.mfa_phone_number).to.equal('+1•••••••101');
    for (const { url, body } of received) expect(body, url).to.not.contain('4155550101');
    expectNoTokens();
  });

  it('totp@acme.test: returning TOTP, then a reload finds the full session', async () => {
    const el = await backendFlow('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    await sendKeys({ type: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('totp');

    // As after a reload: a new provider asks the server, which now holds a full session.
    visitor.recorder.stop();
    const again = await fixture(
      html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`,
    );
    const flow = again.querySelector('mfa-flow')!;
    await waitUntil(() => flow.step === 'done', 'done at once');
    expectNoTokens();
  });

  it('totp@acme.test: a recovery code, and how many are left', async () => {
    const el = await backendFlow('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    await press(deepest(el, '[part~="switch-method"]'));
    await waitUntil(() => el.step === 'enter-recovery-code', 'recovery code entry');
    deepest(el, '[part~="recovery-code-input"]')!.focus();
    await sendKeys({ type: SEED_RECOVERY_CODES[0]! });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visibleText(el)).to.contain('Signed in. You have 9 recovery codes left.');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('recovery_code');
    expectNoTokens();
  });

  it('shows a wrong code as the browser SDK does, and keeps the step', async () => {
    const el = await backendFlow('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const right = await lastSmsCode('+14155550101');
    await expect(el).to.be.accessible();
    await sendKeys({ type: right === '000000' ? '111111' : '000000' });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    expect(visitor.recorder.of('mfa-error')[0]!.code).to.equal('otp_code_not_found');
    expect(el.step).to.equal('enter-sms-code');
    expect(visibleText(el)).to.contain(visitor.recorder.of('mfa-error')[0]!.message);
  });

  it('without a session on the server, says to sign in first', async () => {
    const provider = await fixture(
      html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`,
    );
    const el = provider.querySelector('mfa-flow')!;
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the error');
    expect(visitor.recorder.of('mfa-error')[0]!.code).to.equal('no_session');
    expect(visibleText(el)).to.contain(visitor.recorder.of('mfa-error')[0]!.message);
  });

  it('an expired sign-in: the link of sign-in-url, and the dead step disabled', async () => {
    await signIn('sms@acme.test');
    const provider = await fixture(
      html`<mfa-provider backend-url="/api/mfa"><mfa-flow sign-in-url="/sign-in"></mfa-flow></mfa-provider>`,
    );
    const el = provider.querySelector('mfa-flow')!;
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await advanceClock(11 * 60); // the intermediate session lives 10 minutes
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({ recoverable: false });
    await waitUntil(() => deepest(el, '[part~="sign-in-link"]'), 'the way on');
    expect(deepest(el, '[part~="sign-in-link"]')!.getAttribute('href')).to.equal('/sign-in');
    for (const control of deepAll(el, '[part~="submit-button"], [part~="resend-button"]')) {
      expect(control.matches(':disabled')).to.equal(true);
    }
    await expect(el).to.be.accessible();
  });

  it('after an expired sign-in, the next load is clean: no one is signed in, and the way on shows', async () => {
    await signIn('sms@acme.test');
    const first = await fixture(
      html`<mfa-provider backend-url="/api/mfa"><mfa-flow sign-in-url="/sign-in"></mfa-flow></mfa-provider>`,
    );
    const el = first.querySelector('mfa-flow')!;
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await advanceClock(11 * 60);
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    first.remove();
    visitor.recorder.events.length = 0;

    // As after a reload: the handler cleared the dead session, so the server says no one is signing in.
    const again = await fixture(
      html`<mfa-provider backend-url="/api/mfa"><mfa-flow sign-in-url="/sign-in"></mfa-flow></mfa-provider>`,
    );
    const flow = again.querySelector('mfa-flow')!;
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'no one signed in');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({ code: 'no_session', recoverable: false });
    expect(flow.step).to.equal(null);
    expect(deepest(flow, '[part~="sign-in-link"]')!.getAttribute('href')).to.equal('/sign-in');
  });

  it('logged out: /state answers "no one" without an error status (no 401 in the console)', async () => {
    const statuses: number[] = [];
    const recording = window.fetch;
    window.fetch = async (input, init) => {
      const response = await recording(input, init);
      if (String(input).endsWith('/api/mfa/state')) statuses.push(response.status);
      return response;
    };
    let provider: HTMLElement;
    try {
      provider = await fixture(
        html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`,
      );
      await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'no one signed in');
    } finally {
      window.fetch = recording;
    }
    expect(visitor.recorder.of('mfa-error')[0]!.code).to.equal('no_session');
    expect(statuses.length).to.be.greaterThan(0);
    expect(statuses.filter((status) => status !== 200)).to.deep.equal([]);
    expect(provider.querySelector('mfa-flow')!.step).to.equal(null);
  });
});
