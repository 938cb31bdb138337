// <mfa-settings>: a signed-in member's methods, with the real SDK against the emulator.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-settings/mfa-settings.js';
import type { MfaSettings } from '../../../src/elements/mfa-settings/mfa-settings.js';
import { login, testClient } from '../support/client.js';
import {
  emulatorNowMs,
  lastSmsCode,
  ORGANIZATION_IDS,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
} from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepActiveElement, deepest, partText, visibleText } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';
import { readQr } from '../support/qr.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const client = testClient();
const SMS_PHONE = '+14155550101';

/** Signs a seeded member in with a full session (primary auth, then their second step if any). */
async function signIn(email: string, organizationId: string = ORGANIZATION_IDS.acme): Promise<void> {
  const primary = await login(email, organizationId);
  if (primary.member_authenticated) return;
  const ids = { organization_id: organizationId, member_id: primary.member_id, session_duration_minutes: 60 };
  if (email.startsWith('sms@')) {
    await client.otps.sms.authenticate({ ...ids, code: await lastSmsCode(SMS_PHONE) });
  } else {
    await client.totp.authenticate({ ...ids, code: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()) });
  }
}

async function settingsFor(email: string, organizationId?: string): Promise<MfaSettings> {
  await signIn(email, organizationId);
  const el = await fixture<MfaSettings>(html`<mfa-settings .client=${client}></mfa-settings>`);
  await waitUntil(() => el.step === 'select-method', 'the overview');
  return el;
}

/** A method's row, and a control in it (null while a factor's panel is shown instead). */
const row = (el: MfaSettings, method: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-method="${method}"]`);
const control = (el: MfaSettings, method: string, part: string) =>
  row(el, method)?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<mfa-settings>', () => {
  const visitor = freshVisitor();

  it("shows a member's methods, and that their organization requires a second step", async () => {
    const el = await settingsFor('sms@acme.test');
    await expect(el).to.be.accessible();
    expect(text(row(el, 'sms_otp')))
      .to.contain('Text message')
      .and.contain('+1•••••••101 · Default');
    expect(text(row(el, 'totp')))
      .to.contain('Authenticator app')
      .and.contain('Not set up');
    expect(visibleText(el)).to.contain('Your organization asks for a second step at every sign-in.');
    expect(el.shadowRoot!.querySelector('[part~="toggle-button"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="recovery-codes-button"]')).to.equal(null);
    expect(visitor.recorder.names()).to.deep.equal(['mfa-step:select-method']);
  });

  it('removes a method only once the member confirms, and says when it is the last', async () => {
    const el = await settingsFor('sms@acme.test');
    await press(control(el, 'sms_otp', 'remove-button'));
    await waitUntil(() => control(el, 'sms_otp', 'confirm-button') !== null, 'the confirmation');
    expect(text(row(el, 'sms_otp')))
      .to.contain('Remove Text message?')
      .and.contain('your only method');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('cancel-button');
    // The destructive button looks it: filled in the error colour, unlike the primary buttons.
    const confirm = getComputedStyle(control(el, 'sms_otp', 'confirm-button')!).backgroundColor;
    const add = getComputedStyle(control(el, 'totp', 'add-button')!).borderColor;
    expect(confirm).to.equal(getComputedStyle(el.shadowRoot!.querySelector('[part~="error"]')!).color);
    expect(confirm).not.to.equal(add);
    await expect(el).to.be.accessible();

    await press(control(el, 'sms_otp', 'cancel-button'));
    await waitUntil(() => control(el, 'sms_otp', 'remove-button') !== null, 'kept');
    expect((await client.self.get())!.mfa_phone_number).to.equal(SMS_PHONE);

    await press(control(el, 'sms_otp', 'remove-button'));
    await waitUntil(() => control(el, 'sms_otp', 'confirm-button') !== null, 'the confirmation');
    await press(control(el, 'sms_otp', 'confirm-button'));
    await waitUntil(() => control(el, 'sms_otp', 'add-button') !== null, 'removed');
    expect(partText(el, 'status')).to.equal('Text message removed.');
    expect(text(row(el, 'sms_otp'))).to.contain('Not set up');
    const [unenrolled] = visitor.recorder.of('mfa-unenrolled');
    expect(unenrolled!.method).to.equal('sms_otp');
    expect(unenrolled!.member.mfa_phone_number).to.equal('');
    expect((await client.self.get())!.mfa_phone_number).to.equal('');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('add-button');
  });

  it('adds an authenticator app with the keyboard, then makes it the default', async () => {
    const el = await settingsFor('sms@acme.test');
    await press(control(el, 'totp', 'add-button'));
    await waitUntil(() => el.step === 'scan-totp', 'the QR code');
    await expect(el).to.be.accessible();
    const secret = await completeTotpSetup(el);
    await waitUntil(() => el.step === 'select-method', 'back to the overview');
    await waitUntil(() => control(el, 'totp', 'default-button') !== null, 'the app listed');
    expect(partText(el, 'status')).to.equal('Authenticator app added.');
    // The setup is gone, and the secret with it.
    expect(deepest(el, 'totp-setup')).to.equal(null);
    expect(visibleText(el).replace(/ /g, '')).not.to.contain(secret);
    expect(visitor.recorder.names().filter((n) => n.startsWith('mfa-step'))).to.deep.equal([
      'mfa-step:select-method',
      'mfa-step:scan-totp',
      'mfa-step:enter-totp-code',
      'mfa-step:save-recovery-codes',
      'mfa-step:select-method',
    ]);

    await press(control(el, 'totp', 'default-button'));
    await waitUntil(() => partText(el, 'status') === 'Authenticator app is now your default.', 'default');
    expect(text(row(el, 'totp'))).to.contain('Default');
    expect(control(el, 'sms_otp', 'default-button')).not.to.equal(null);
    expect((await client.self.get())!.default_mfa_method).to.equal('totp');
    await expect(el).to.be.accessible();
  });

  it("adding an authenticator: the QR code names the organization and the member's email, and it fires mfa-enrolled", async () => {
    const el = await settingsFor('sms@acme.test');
    await press(control(el, 'totp', 'add-button'));
    await waitUntil(() => el.step === 'scan-totp', 'the QR code');
    const uri = await readQr(deepest(el, '[part~="qr-code"]') as unknown as SVGSVGElement);
    const [label, query] = uri.split('?');
    expect(decodeURIComponent(label!)).to.equal('otpauth://totp/Acme Corp:sms@acme.test');
    expect(new URLSearchParams(query).get('issuer')).to.equal('Acme Corp');
    await completeTotpSetup(el, {
      atStep: async (step) => {
        if (step === 'enter-totp-code') {
          expect(visibleText(el)).to.contain('your authenticator app shows for Acme Corp.');
        }
      },
    });
    await waitUntil(() => el.step === 'select-method', 'back to the overview');
    await waitUntil(() => visitor.recorder.of('mfa-enrolled').length === 1, 'mfa-enrolled');
    const [enrolled] = visitor.recorder.of('mfa-enrolled');
    expect(enrolled!.method).to.equal('totp');
    expect(enrolled!.member.totp_registration_id).to.not.equal('');
    expect(enrolled!.organization.organization_name).to.equal('Acme Corp');
  });

  it('turns the second step on and off where the organization leaves it to the member', async () => {
    const el = await settingsFor('user@initech.test', ORGANIZATION_IDS.initech);
    const toggle = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="toggle-button"]')!;
    const state = () => toggle().querySelector('[part~="toggle-state"]')!;
    // The state is said in words, not by colour alone; assistive technology hears aria-pressed.
    expect(toggle().getAttribute('aria-pressed')).to.equal('false');
    expect(state().textContent).to.equal('Off');
    expect(state().getAttribute('aria-hidden')).to.equal('true');
    expect(toggle().getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(el)).to.contain('Add a method first.');
    await expect(el).to.be.accessible();

    await press(control(el, 'sms_otp', 'add-button'));
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    await phoneFieldReady(el);
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550144' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await sendKeys({ type: await lastSmsCode('+14155550144') });
    await waitUntil(() => control(el, 'sms_otp', 'remove-button') !== null, 'the phone listed');
    expect((await client.self.get())!.mfa_enrolled).to.equal(false);

    expect(toggle().getAttribute('aria-disabled')).to.equal('false');
    await press(toggle());
    await waitUntil(() => toggle().getAttribute('aria-pressed') === 'true', 'on');
    expect(state().textContent).to.equal('On');
    expect(partText(el, 'status')).to.equal('A second step will be asked for at every sign-in.');
    expect(visitor.recorder.of('mfa-enrolled')[0]!.method).to.equal('sms_otp');
    expect((await client.self.get())!.mfa_enrolled).to.equal(true);

    await press(toggle());
    await waitUntil(() => toggle().getAttribute('aria-pressed') === 'false', 'off');
    expect(visitor.recorder.of('mfa-unenrolled')[0]!.method).to.equal('sms_otp');
    expect((await client.self.get())!.mfa_enrolled).to.equal(false);
  });

  it('shows the recovery codes, and returns to the overview', async () => {
    const el = await settingsFor('totp@acme.test');
    await press(el.shadowRoot!.querySelector('[part~="recovery-codes-button"]'));
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes');
    await waitUntil(() => visibleText(el).includes(SEED_RECOVERY_CODES[9]!), 'the codes listed');
    await expect(el).to.be.accessible();
    await press(el.shadowRoot!.querySelector('[part~="back-button"]'));
    await waitUntil(() => el.step === 'select-method', 'the overview');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('recovery-codes-button');
    expect(visibleText(el)).not.to.contain(SEED_RECOVERY_CODES[0]!);
  });

  it('speaks French with lang="fr", and any string can be replaced', async () => {
    await signIn('sms@acme.test');
    const el = await fixture<MfaSettings>(
      html`<mfa-settings
        lang="fr"
        .client=${client}
        .strings=${{ settingsRemove: 'Retirer' }}
      ></mfa-settings>`,
    );
    await waitUntil(() => visibleText(el).includes('Vérification en deux étapes'), 'French');
    expect(text(row(el, 'totp'))).to.contain('Non configurée');
    expect(text(control(el, 'sms_otp', 'remove-button'))).to.equal('Retirer');
  });

  it('without a session, says so', async () => {
    const el = await fixture<MfaSettings>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await waitUntil(() => visitor.recorder.of('mfa-error').length > 0, 'an mfa-error');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({ code: 'no_session', recoverable: false });
    expect(el.step).to.equal(null);
  });
});
