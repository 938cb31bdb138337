import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { signOut, testClient } from '../support/client.js';
import {
  ORGANIZATION_IDS,
  SEED_PASSWORD,
  lastSmsCode,
  resetEmulator,
  smsOutbox,
} from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { deepActiveElement, inShadow, partText } from '../support/shadow.js';

const client = testClient();

function login(email: string, organizationId: string = ORGANIZATION_IDS.acme) {
  return client.passwords.authenticate({
    organization_id: organizationId,
    email_address: email,
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });
}

describe('<sms-otp-input>', () => {
  let recorder: ReturnType<typeof recordEvents>;

  beforeEach(async () => {
    await signOut();
    await resetEmulator();
    recorder = recordEvents();
  });

  afterEach(() => recorder.stop());

  it('enrolls a new member by SMS after a password login', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary} enrollment="enroll"></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-phone', 'phone entry shows');
    expect(el.getAttribute('step')).to.equal('enter-phone');
    expect(partText(el, 'submit-button')).to.equal('Send code');
    await expect(el).to.be.accessible();

    await waitUntil(() => inShadow<any>(el, 'mfa-phone-input').ready, 'the phone library loaded');
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

    expect(recorder.names()).to.deep.equal([
      'mfa-step:enter-phone',
      'mfa-sms-sent',
      'mfa-step:enter-sms-code',
      'mfa-enrolled',
      'mfa-authenticated',
      'mfa-step:done',
    ]);
    expect(recorder.of('mfa-sms-sent')[0]).to.deep.equal({ phoneNumber: '+1•••••••123', resend: false });
    const [authenticated] = recorder.of('mfa-authenticated');
    expect(authenticated!.method).to.equal('sms_otp');
    expect(authenticated!.member.mfa_enrolled).to.equal(true);
    expect(client.session.getSync()?.member_id).to.equal(primary.member_id);
    expect(await smsOutbox('+14155550123')).to.have.length(1);
  });
});
