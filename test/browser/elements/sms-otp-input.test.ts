import { expect, fixture, html } from '@open-wc/testing';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { login, signOut, testClient } from '../support/client.js';
import {
  ORGANIZATION_IDS,
  advanceClock,
  injectFault,
  lastSmsCode,
  resetEmulator,
  smsOutbox,
} from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import { freshVisitor } from '../support/visitor.js';
import { requestedUrls } from '../support/network-guard.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import { deepActiveElement, inShadow, partText } from '../support/shadow.js';

const client = testClient();

describe('<sms-otp-input>', () => {
  const visitor = freshVisitor();

  it('enrolls a new member by SMS after a password login', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary} enrollment="enroll"></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-phone', 'phone entry shows');
    expect(el.getAttribute('step')).to.equal('enter-phone');
    expect(partText(el, 'submit-button')).to.equal('Send code');
    await expect(el).to.be.accessible();

    await phoneFieldReady(el);
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    expect(el.shadowRoot!.textContent).to.contain('+1•••••••123');
    expect(deepActiveElement()?.localName).to.equal('input');
    await expect(el).to.be.accessible();

    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await waitUntil(() => el.step === 'done', 'verified');
    expect(partText(el, 'status')).to.equal('Phone number verified.');
    await expect(el).to.be.accessible();

    expect(visitor.recorder.names()).to.deep.equal([
      'mfa-step:enter-phone',
      'mfa-sms-sent',
      'mfa-step:enter-sms-code',
      'mfa-enrolled',
      'mfa-authenticated',
      'mfa-step:done',
    ]);
    expect(visitor.recorder.of('mfa-sms-sent')[0]).to.deep.equal({
      phoneNumber: '+1•••••••123',
      resend: false,
    });
    const [authenticated] = visitor.recorder.of('mfa-authenticated');
    expect(authenticated!.method).to.equal('sms_otp');
    expect(authenticated!.member.mfa_enrolled).to.equal(true);
    expect(client.session.getSync()?.member_id).to.equal(primary.member_id);
    expect(await smsOutbox('+14155550123')).to.have.length(1);
  });
});

describe('<sms-otp-input> when things go wrong', () => {
  const visitor = freshVisitor();

  /** A returning SMS member: primary auth already sent the code. */
  async function returningSms(cooldown = 30) {
    const primary = await login('sms@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        resend-cooldown=${cooldown}
      ></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    return el;
  }

  const codeField = (el: SmsOtpInput) => inShadow<any>(el, 'mfa-code-input');
  const resendButton = (el: SmsOtpInput) => inShadow<HTMLButtonElement>(el, '[part~="resend-button"]');

  it('starts at code entry when primary auth already sent the code, and sends no second SMS', async () => {
    const el = await returningSms();
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[part~="back-button"]')).to.equal(null);
    expect(resendButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(partText(el, 'resend-button')).to.match(/^Resend code in \d+ s$/);
    // The button says how long is left; the status part does not repeat it (it would go stale).
    expect(partText(el, 'status')).to.equal('');
    expect(visitor.recorder.names()).to.deep.equal(['mfa-step:enter-sms-code']);
  });

  it('announces once that a new code can be asked for, when it can, and never contradicts the button', async () => {
    const el = await returningSms(2);
    const said = new Set<string>();
    const status = inShadow<HTMLElement>(el, '[part~="status"]');
    const observer = new MutationObserver(() => said.add(status.textContent!.trim()));
    observer.observe(status, { subtree: true, characterData: true, childList: true });
    try {
      expect(partText(el, 'resend-button')).to.match(/^Resend code in [12] s$/);
      await waitUntil(() => partText(el, 'resend-button') === 'Resend code', 'the countdown ends');
      expect(resendButton(el).getAttribute('aria-disabled')).to.equal('false');
      expect(partText(el, 'status')).to.equal('You can ask for a new code now.');
      // While the button counted down, the live region changed once: when resending became possible.
      expect([...said]).to.deep.equal(['You can ask for a new code now.']);
    } finally {
      observer.disconnect();
    }
  });

  it('an incomplete code and Enter keeps the digits, says how many, and sends nothing', async () => {
    const el = await returningSms();
    codeField(el).focus();
    await sendKeys({ type: '123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => codeField(el).errorMessage !== '', 'the message shows');
    expect(codeField(el).errorMessage).to.equal('Enter all 6 digits.');
    expect(codeField(el).value).to.equal('123');
    expect(deepActiveElement()).to.equal(codeField(el).shadowRoot.querySelector('input'));
    expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['invalid_code']);
    await sendKeys({ type: '456' });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 2, 'the full code was sent');
    expect(visitor.recorder.of('mfa-error')[1]!.code).to.not.equal('invalid_code');
  });

  it('a wrong code, then Verify on the cleared field, keeps the real message and sends nothing more', async () => {
    const el = await returningSms();
    const right = await lastSmsCode('+14155550101');
    codeField(el).focus();
    await sendKeys({ type: right === '000000' ? '111111' : '000000' });
    await waitUntil(() => codeField(el).errorMessage !== '', 'the failure shows');
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await el.updateComplete;
    expect(codeField(el).errorMessage).to.equal('That code is not right. Check it and try again.');
    expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['otp_code_not_found']);
    await sendKeys({ type: right });
    await waitUntil(() => el.step === 'done', 'the right code works');
  });

  it('a wrong code keeps the step, clears the field and refocuses it', async () => {
    const el = await returningSms();
    const right = await lastSmsCode('+14155550101');
    await sendKeys({ type: right === '000000' ? '111111' : '000000' });
    await waitUntil(() => codeField(el).errorMessage !== '', 'the failure shows');
    expect(codeField(el).errorMessage).to.equal('That code is not right. Check it and try again.');
    expect(codeField(el).value).to.equal('');
    expect(el.step).to.equal('enter-sms-code');
    expect(deepActiveElement()).to.equal(codeField(el).shadowRoot.querySelector('input'));
    expect(visitor.recorder.of('mfa-error')).to.deep.equal([
      {
        code: 'otp_code_not_found',
        message: 'That code is not right. Check it and try again.',
        step: 'enter-sms-code',
        recoverable: true,
      },
    ]);
    await expect(el).to.be.accessible();

    await sendKeys({ type: right });
    await waitUntil(() => el.step === 'done', 'the right code still works');
  });

  it('an expired code offers a resend at once, and the new code works', async () => {
    const el = await returningSms();
    const old = await lastSmsCode('+14155550101');
    await advanceClock(121);
    await sendKeys({ type: old });
    await waitUntil(() => codeField(el).errorMessage !== '', 'the failure shows');
    expect(codeField(el).errorMessage).to.equal(
      'That code has expired or was already used. Send a new code.',
    );
    expect(resendButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(partText(el, 'resend-button')).to.equal('Resend code');
    expect(partText(el, 'status')).to.equal('You can ask for a new code now.');

    resendButton(el).click();
    await waitUntil(async () => (await smsOutbox('+14155550101')).length === 2, 'a second SMS');
    expect(visitor.recorder.of('mfa-sms-sent')).to.deep.equal([
      { phoneNumber: '+1•••••••101', resend: true },
    ]);
    codeField(el).focus();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => el.step === 'done', 'verified');
  });

  it('says when to retry after too many SMS sends', async () => {
    const el = await returningSms(0);
    for (let sent = 1; sent < 5; sent++) {
      resendButton(el).click();
      await waitUntil(async () => (await smsOutbox('+14155550101')).length === sent + 1, `SMS ${sent + 1}`);
      await waitUntil(() => resendButton(el).getAttribute('aria-disabled') === 'false', 'resend ready');
    }
    resendButton(el).click();
    await waitUntil(() => partText(el, 'error') !== '', 'the rate limit shows');
    expect(partText(el, 'error')).to.match(/^Too many attempts\. Try again in \d+ seconds\.$/);
    expect(resendButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['too_many_requests']);
    expect(await smsOutbox('+14155550101')).to.have.length(5);
  });

  it('a dropped connection keeps the typed code and allows a retry', async () => {
    const el = await returningSms();
    await injectFault({ path: '/b2b/otps/sms/authenticate', drop: true });
    const code = await lastSmsCode('+14155550101');
    await sendKeys({ type: code });
    await waitUntil(() => partText(el, 'error') !== '', 'the failure shows');
    expect(partText(el, 'error')).to.equal(
      'We could not reach the server. Check your connection and try again.',
    );
    expect(codeField(el).value).to.equal(code);
    expect(visitor.recorder.of('mfa-error')[0]).to.include({ code: 'network', recoverable: true });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'the retry verified');
  });

  it('an expired sign-in is not recoverable', async () => {
    const el = await returningSms();
    await advanceClock(11 * 60);
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => partText(el, 'error') !== '', 'the failure shows');
    expect(partText(el, 'error')).to.equal('Your sign-in has expired. Sign in again to continue.');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'intermediate_session_not_found',
      recoverable: false,
    });
  });

  it('catches an invalid phone number before any request, keeping what was typed', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary}></sms-otp-input>`,
    );
    await phoneFieldReady(el);
    const requestsBefore = requestedUrls().length;
    await sendKeys({ type: '415555' });
    await sendKeys({ press: 'Enter' });
    const phone = inShadow<any>(el, 'mfa-phone-input');
    await waitUntil(() => partText(phone, 'error') !== '', 'the message shows');
    expect(partText(phone, 'error')).to.equal('Enter a valid phone number for the country you chose.');
    expect(phone.shadowRoot.querySelector('input').value).to.equal('(415) 555');
    expect(el.step).to.equal('enter-phone');
    expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['invalid_phone_number']);
    expect(
      requestedUrls()
        .slice(requestsBefore)
        .filter((url) => url.includes('/b2b/otps/')),
    ).to.deep.equal([]);
    expect(await smsOutbox()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a number Stytch refuses shows its message until the member changes the number', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary}></sms-otp-input>`,
    );
    await phoneFieldReady(el);
    inShadow<any>(el, 'mfa-phone-input').focus();
    await sendKeys({ type: '+33 6 12 34 56 78' }); // valid, but the project sends SMS to +1 only
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partText(el, 'error') !== '', 'the refusal shows');
    expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal([
      'invalid_phone_number_country_code',
    ]);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(partText(el, 'error')).to.equal('');
  });

  it('sends one SMS for a double click, and lets the member use a different number', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary} resend-cooldown="60"></sms-otp-input>`,
    );
    await phoneFieldReady(el);
    await sendKeys({ type: '4155550123' });
    const send = inShadow<HTMLButtonElement>(el, '[part~="submit-button"]');
    send.click();
    send.click();
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    expect(await smsOutbox()).to.have.length(1);

    inShadow<HTMLButtonElement>(el, '[part~="back-button"]').click();
    await waitUntil(() => el.step === 'enter-phone', 'back to phone entry');
    const input = inShadow<any>(el, 'mfa-phone-input').shadowRoot.querySelector('input');
    expect(input.value).to.equal('(415) 555-0123');
    input.select();
    await sendKeys({ type: '4155550199' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await smsOutbox('+14155550199')).length === 1, 'sent to the new number');
    // The emulator keeps the text before the page has read its answer: wait for the step it leads to.
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry for the new number');
    expect(visitor.recorder.names()).to.deep.equal([
      'mfa-step:enter-phone',
      'mfa-sms-sent',
      'mfa-step:enter-sms-code',
      'mfa-step:enter-phone',
      'mfa-sms-sent',
      'mfa-step:enter-sms-code',
    ]);
  });

  it('lets a member whose number was never verified change it', async () => {
    const first = await login('new@acme.test');
    await client.otps.sms.send({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: first.member_id,
      mfa_phone_number: '+14155550150',
    });
    await signOut();
    const again = await login('new@acme.test');
    expect(again.mfa_required?.secondary_auth_initiated).to.equal('sms_otp');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${again} enrollment="enroll"></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    inShadow<HTMLButtonElement>(el, '[part~="back-button"]').click();
    await waitUntil(() => el.step === 'enter-phone', 'phone entry shows');
    const input = inShadow<any>(el, 'mfa-phone-input').shadowRoot.querySelector('input');
    await waitUntil(() => input.value === '(415) 555-0150', 'the old number is kept to edit');
    input.select();
    await sendKeys({ type: '4155550151' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await smsOutbox('+14155550151')).length === 1, 'sent to the new number');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    await sendKeys({ type: await lastSmsCode('+14155550151') });
    await waitUntil(() => el.step === 'done', 'verified');
    expect(visitor.recorder.of('mfa-enrolled')[0]!.member.mfa_phone_number).to.equal('+14155550151');
  });

  it('with phone-number, skips entry and sends once', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        phone-number="+14155550142"
      ></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    expect(await smsOutbox('+14155550142')).to.have.length(1);
    expect(visitor.recorder.names()).to.deep.equal(['mfa-sms-sent', 'mfa-step:enter-sms-code']);
  });

  it('with phone-number, a first send that fails shows no code entry, and Try again sends', async () => {
    const primary = await login('new@acme.test');
    await injectFault({ path: '/b2b/otps/sms/send', status: 500, error_type: 'internal_server_error' });
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        phone-number="+14155550142"
      ></sms-otp-input>`,
    );
    await waitUntil(() => partText(el, 'error') !== '', 'the failure');
    expect(partText(el, 'error')).to.equal('Something went wrong on our side. Try again.');
    expect(el.step).to.equal(null);
    expect(el.shadowRoot!.querySelector('mfa-code-input')).to.equal(null);
    expect(partText(el, 'submit-button')).to.equal('Try again');
    await expect(el).to.be.accessible();
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry, once a code is on its way');
    expect(await smsOutbox('+14155550142')).to.have.length(1);
    expect(partText(el, 'error')).to.equal('');
  });
});

describe('<sms-otp-input> setup', () => {
  beforeEach(async () => {
    await signOut();
    await resetEmulator();
  });

  it('without a client, says so and fires mfa-error no_client', async () => {
    const recorder = recordEvents();
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        organization-id=${ORGANIZATION_IDS.acme}
        member-id="member-test-x"
      ></sms-otp-input>`,
    );
    await waitUntil(() => recorder.events.length > 0, 'an event');
    recorder.stop();
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'no_client', recoverable: false, step: null });
    expect(partText(el, 'error')).to.match(/^Multi-factor authentication is not configured/);
    await expect(el).to.be.accessible();
  });

  it('finds the client of an <mfa-provider> across shadow roots', async () => {
    const primary = await login('sms@acme.test');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = wrapper.attachShadow({ mode: 'open' });
    const provider = document.createElement('mfa-provider');
    provider.client = client;
    const inner = document.createElement('div');
    const innerShadow = inner.attachShadow({ mode: 'open' });
    const el = document.createElement('sms-otp-input');
    el.authResponse = primary;
    innerShadow.append(el);
    provider.append(inner);
    shadow.append(provider);
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry shows');
    expect(provider.client).to.equal(client);
  });

  it('takes any string from `strings`, and French from lang="fr"', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        .strings=${{ smsSend: 'Text me a code' }}
      ></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-phone', 'phone entry shows');
    expect(partText(el, 'submit-button')).to.equal('Text me a code');

    el.setAttribute('lang', 'fr');
    el.strings = {};
    await waitUntil(() => partText(el, 'submit-button') === 'Envoyer le code', 'French strings');
    expect(el.shadowRoot!.textContent).to.contain('Ajouter un numéro de téléphone');
    const select = inShadow<any>(el, 'mfa-phone-input').shadowRoot.querySelector('select');
    await waitUntil(
      () => select.selectedOptions[0]?.textContent.includes('États-Unis'),
      'country names in French',
    );
  });
});
