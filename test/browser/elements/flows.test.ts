// The flows, for every seeded member, with the real SDK against the emulator.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, signOut, signInWithTotp, testClient } from '../support/client.js';
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
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepActiveElement, deepest, partText, visibleText } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const client = testClient();

async function flowFor(email: string, organizationId: string = ORGANIZATION_IDS.acme) {
  const primary = await login(email, organizationId);
  const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
  return { el, primary };
}

describe('<mfa-flow>', () => {
  const visitor = freshVisitor();

  it('new@acme.test: required enrollment by SMS, chosen with the keyboard', async () => {
    const { el } = await flowFor('new@acme.test');
    await waitUntil(() => el.step === 'select-method', 'the choice shows');
    await expect(el).to.be.accessible();
    expect(deepActiveElement()?.textContent).to.contain('Text message');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    await phoneFieldReady(el);
    await expect(el).to.be.accessible();
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await waitUntil(() => el.step === 'done', 'done');
    await expect(el).to.be.accessible();
    expect(visitor.recorder.names()).to.deep.equal([
      'mfa-step:select-method',
      'mfa-step:enter-phone',
      'mfa-sms-sent',
      'mfa-step:enter-sms-code',
      'mfa-enrolled',
      'mfa-authenticated',
      'mfa-step:done',
    ]);
  });

  it('new@acme.test: back to the choice and on to TOTP again, which resumes the same setup and enrolls', async () => {
    const { el } = await flowFor('new@acme.test');
    await waitUntil(() => el.step === 'select-method', 'the choice shows');
    await press(deepest(el, '[part~="method-option"]:nth-of-type(2)'));
    await waitUntil(() => el.step === 'scan-totp', 'the QR code');
    const secret = partText(deepest(el, 'totp-setup')!, 'secret').replace(/ /g, '');
    await press(deepest(el, '[part~="back-button"]'));
    await waitUntil(() => el.step === 'select-method', 'back to the choice');
    await expect(el).to.be.accessible();
    await press(deepest(el, '[part~="method-option"]:nth-of-type(2)'));
    await waitUntil(() => el.step === 'scan-totp', 'the same QR code again');
    expect(partText(deepest(el, 'totp-setup')!, 'secret').replace(/ /g, '')).to.equal(secret);
    expect(visitor.recorder.of('mfa-totp-created')).to.have.length(1);

    await press(deepest(el, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    deepest(el, 'mfa-code-input')!.focus();
    await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'save-recovery-codes', 'codes');
    (deepest(el, '[part~="acknowledge"]') as HTMLInputElement).focus();
    await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
    (
      deepest(el, 'mfa-recovery-codes')!.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLElement
    ).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.names().filter((n) => n.startsWith('mfa-step'))).to.deep.equal([
      'mfa-step:select-method',
      'mfa-step:scan-totp',
      'mfa-step:select-method',
      'mfa-step:scan-totp',
      'mfa-step:enter-totp-code',
      'mfa-step:save-recovery-codes',
      'mfa-step:done',
    ]);
    expect(visitor.recorder.of('mfa-enrolled')[0]!.method).to.equal('totp');
    expect(client.session.getSync()?.member_id).to.equal(MEMBER_IDS.newAcme);
  });

  it('new@globex.test: a RESTRICTED organization offers TOTP alone, and it enrolls', async () => {
    const { el } = await flowFor('new@globex.test', ORGANIZATION_IDS.globex);
    await waitUntil(() => el.step === 'scan-totp', 'straight to the QR code');
    await expect(el).to.be.accessible();
    await completeTotpSetup(el, { accessible: true });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.names().filter((n) => n.startsWith('mfa-step'))).to.deep.equal([
      'mfa-step:scan-totp',
      'mfa-step:enter-totp-code',
      'mfa-step:save-recovery-codes',
      'mfa-step:done',
    ]);
    expect(visitor.recorder.of('mfa-enrolled')[0]!.method).to.equal('totp');
  });

  it('sms@acme.test: returning SMS goes straight to the code the login sent — one SMS, not two', async () => {
    const { el } = await flowFor('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    await expect(el).to.be.accessible();
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => el.step === 'done', 'done');
    expect(await smsOutbox('+14155550101')).to.have.length(1);
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('sms_otp');
    expect(client.session.getSync()?.member_id).to.equal(MEMBER_IDS.smsAcme);
  });

  it('totp@acme.test: returning TOTP', async () => {
    const { el } = await flowFor('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    await expect(el).to.be.accessible();
    expect(deepActiveElement()?.localName).to.equal('input');
    await sendKeys({ type: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'done', 'done');
    await expect(el).to.be.accessible();
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('totp');
    expect(visitor.recorder.of('mfa-sms-sent')).to.deep.equal([]);
  });

  it('totp@acme.test: a recovery code, and how many are left', async () => {
    const { el } = await flowFor('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    await press(deepest(el, '[part~="switch-method"]'));
    await waitUntil(() => el.step === 'enter-recovery-code', 'recovery code entry');
    await expect(el).to.be.accessible();
    // The step's styles arrive with it, beside the element's own (kept).
    expect(getComputedStyle(deepest(el, '[part~="recovery-code-input"]')!).fontFamily).to.contain(
      'monospace',
    );
    expect(getComputedStyle(deepest(el, '[part~="submit-button"]')!).cursor).to.equal('pointer');
    deepest(el, '[part~="recovery-code-input"]')!.focus();
    await sendKeys({ type: SEED_RECOVERY_CODES[0]! });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visibleText(el)).to.contain('Signed in. You have 9 recovery codes left.');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('recovery_code');
  });

  it('warns when few recovery codes are left', async () => {
    // Use seven codes up front (three left after the one typed below).
    for (const code of SEED_RECOVERY_CODES.slice(0, 6)) {
      await login('totp@acme.test');
      await client.recoveryCodes.recover({
        organization_id: ORGANIZATION_IDS.acme,
        member_id: MEMBER_IDS.totpAcme,
        recovery_code: code,
        session_duration_minutes: 60,
      });
      await signOut();
    }
    const { el } = await flowFor('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    const recoverySwitch = [
      ...el
        .shadowRoot!.querySelector('mfa-authenticate')!
        .shadowRoot!.querySelectorAll<HTMLElement>('[part~="switch-method"]'),
    ].find((b) => b.textContent!.includes('recovery'))!;
    await press(recoverySwitch);
    await waitUntil(() => el.step === 'enter-recovery-code', 'recovery code entry');
    deepest(el, '[part~="recovery-code-input"]')!.focus();
    await sendKeys({ type: SEED_RECOVERY_CODES[6]! });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visibleText(el)).to.contain('Only 3 recovery codes are left');
    await expect(el).to.be.accessible();
  });

  it('switching to SMS sends a code only when the member asks', async () => {
    // Give the TOTP member a phone too.
    await signInWithTotp();
    await client.self.update({ mfa_phone_number: '+14155550177' });
    await signOut();
    await advanceClock(60); // the next TOTP step, so the code below is fresh

    const { el } = await flowFor('totp@acme.test');
    await waitUntil(() => el.step === 'enter-totp-code', 'TOTP first (the default)');
    expect(await smsOutbox()).to.have.length(0);
    const toSms = [
      ...el
        .shadowRoot!.querySelector('mfa-authenticate')!
        .shadowRoot!.querySelectorAll<HTMLElement>('[part~="switch-method"]'),
    ].find((b) => b.textContent!.includes('Text a code'))!;
    expect(toSms.textContent).to.contain('+1•••••••177');
    await press(toSms);
    await waitUntil(() => el.step === 'enter-sms-code', 'SMS code entry');
    expect(await smsOutbox('+14155550177')).to.have.length(1);
    deepest(el, 'mfa-code-input')!.focus();
    await sendKeys({ type: await lastSmsCode('+14155550177') });
    await waitUntil(() => el.step === 'done', 'done');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('sms_otp');
  });

  it('user@initech.test: no MFA needed — mfa-authenticated at once with method null', async () => {
    const primary = await login('user@initech.test', ORGANIZATION_IDS.initech);
    expect(primary.member_authenticated).to.equal(true);
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await waitUntil(() => el.step === 'done', 'done');
    const [authenticated] = visitor.recorder.of('mfa-authenticated');
    expect(authenticated!.method).to.equal(null);
    expect(authenticated!.member.email_address).to.equal('user@initech.test');
  });

  it('an expired sign-in says so and is not recoverable', async () => {
    const { el } = await flowFor('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    await advanceClock(11 * 60);
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await waitUntil(() => visitor.recorder.of('mfa-error').length > 0, 'the failure');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'intermediate_session_not_found',
      recoverable: false,
    });
    expect(visibleText(el)).to.contain('Your sign-in has expired. Sign in again to continue.');
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-authenticate> step-up with a session', () => {
  const visitor = freshVisitor();

  it('reads the signed-in member from the client and adds a factor to the session', async () => {
    await signInWithTotp();
    const sessionId = client.session.getSync()!.member_session_id;
    await advanceClock(30); // a fresh TOTP step: a code is not accepted twice

    await import('../../../src/elements/mfa-authenticate/mfa-authenticate.js');
    const el = await fixture<HTMLElement & { step: string | null }>(
      html`<mfa-authenticate .client=${client}></mfa-authenticate>`,
    );
    await waitUntil(() => el.step === 'enter-totp-code', 'TOTP code entry');
    await sendKeys({ type: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'done', 'done');
    const [authenticated] = visitor.recorder.of('mfa-authenticated');
    expect(authenticated!.method).to.equal('totp');
    expect(authenticated!.memberSession.member_session_id).to.equal(sessionId);
  });
});
