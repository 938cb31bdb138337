import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/totp-setup/totp-setup.js';
import type { TotpSetup } from '../../../src/elements/totp-setup/totp-setup.js';
import { login, signOut, testClient } from '../support/client.js';
import { emulatorNowMs, injectFault, ORGANIZATION_IDS } from '../support/emulator.js';
import { freshVisitor } from '../support/visitor.js';
import '../support/network-guard.js';
import { readQr } from '../support/qr.js';
import { inShadow, partText, secretReadable } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';

const client = testClient();

/**
 * Whether `secret` is anywhere in what an element holds: its own fields and the objects they reach
 * (its controllers, a pending registration), not through DOM nodes (see `secretReadable`) or getters.
 */
function heldBy(el: Element, secret: string): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value === 'string') return value.includes(secret);
    if (!value || typeof value !== 'object' || seen.has(value)) return false;
    seen.add(value);
    if (value instanceof Node && value !== el) return false;
    const values =
      value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set ? [...value] : [];
    // Every own key, symbols too: Lit keeps a reactive property's value under a symbol.
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if ('value' in descriptor) values.push(descriptor.value);
    }
    return values.some(visit);
  };
  return visit(el);
}

describe('<totp-setup>', () => {
  const visitor = freshVisitor();

  it('enrolls by TOTP: the QR code scans, the code from it works, the codes are saved', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    expect(primary.mfa_required?.member_options).to.equal(null);
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary} enrollment="enroll"></totp-setup>`,
    );
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    await expect(el).to.be.accessible();

    const uri = new URL(
      await readQr(inShadow<SVGSVGElement>(el, '[part~="qr-code"]') as unknown as SVGSVGElement),
    );
    expect(uri.protocol).to.equal('otpauth:');
    expect(uri.host).to.equal('totp');
    expect(decodeURIComponent(uri.pathname)).to.equal('/Globex:new@globex.test');
    expect(uri.searchParams.get('issuer')).to.equal('Globex');
    expect(uri.searchParams.get('algorithm')).to.equal('SHA1');
    expect(uri.searchParams.get('digits')).to.equal('6');
    expect(uri.searchParams.get('period')).to.equal('30');
    const secret = uri.searchParams.get('secret')!;
    expect(secret).to.match(/^[A-Z2-7]{32}$/);
    expect(partText(el, 'secret').replace(/ /g, '')).to.equal(secret);
    expect(partText(el, 'secret')).to.match(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry shows');
    expect(secretReadable(el, secret), 'the key left with the scan step').to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });

    await waitUntil(() => el.step === 'save-recovery-codes', 'the recovery codes show');
    const codesEl = inShadow<any>(el, 'mfa-recovery-codes');
    await waitUntil(
      () => codesEl.shadowRoot?.querySelectorAll('[part~="code-list"] li').length === 10,
      'ten codes',
    );
    expect(el.shadowRoot!.querySelector('[part~="qr-code"]')).to.equal(null);
    await expect(el).to.be.accessible();
    const codes = [...codesEl.shadowRoot.querySelectorAll('[part~="code-list"] li')].map((li: Element) =>
      li.textContent!.trim(),
    );

    inShadow<HTMLInputElement>(codesEl, '[part~="acknowledge"]').focus();
    await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
    inShadow<HTMLButtonElement>(codesEl, '[part~="submit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(partText(el, 'status')).to.equal('Authenticator app added.');
    await expect(el).to.be.accessible();

    expect(visitor.recorder.names()).to.deep.equal([
      'mfa-totp-created',
      'mfa-step:scan-totp',
      'mfa-step:enter-totp-code',
      'mfa-step:save-recovery-codes',
      'mfa-recovery-codes-saved',
      'mfa-enrolled',
      'mfa-authenticated',
      'mfa-step:done',
    ]);
    const everything =
      JSON.stringify(visitor.recorder.events) + el.shadowRoot!.innerHTML + codesEl.shadowRoot!.innerHTML;
    expect(everything).to.not.contain(secret);
    for (const code of codes) expect(everything).to.not.contain(code);
    expect(client.session.getSync()?.member_id).to.equal(primary.member_id);

    // A later login with a recovery code works once, and is refused the second time.
    await signOut();
    await login('new@globex.test', ORGANIZATION_IDS.globex);
    const recovered = await client.recoveryCodes.recover({
      organization_id: ORGANIZATION_IDS.globex,
      member_id: primary.member_id,
      recovery_code: codes[3]!,
      session_duration_minutes: 60,
    });
    expect(recovered.recovery_codes_remaining).to.equal(9);
    await signOut();
    await login('new@globex.test', ORGANIZATION_IDS.globex);
    const again = await client.recoveryCodes
      .recover({
        organization_id: ORGANIZATION_IDS.globex,
        member_id: primary.member_id,
        recovery_code: codes[3]!,
        session_duration_minutes: 60,
      })
      .then(
        () => 'accepted',
        (error: { error_type?: string }) => error.error_type,
      );
    expect(again).to.equal('unable_to_authenticate_recovery_code');
  });
});

describe('<totp-setup> when things go wrong', () => {
  const visitor = freshVisitor();

  async function toCodeStep(el: TotpSetup) {
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry shows');
    inShadow<HTMLElement>(el, 'mfa-code-input').focus();
  }

  it('a wrong code keeps the step, clears the field and says so', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary}></totp-setup>`,
    );
    await toCodeStep(el);
    await sendKeys({ type: '000000' });
    const field = inShadow<any>(el, 'mfa-code-input');
    await waitUntil(() => field.errorMessage !== '', 'the failure shows');
    expect(field.errorMessage).to.equal('That code is not right. Check it and try again.');
    expect(field.value).to.equal('');
    expect(el.step).to.equal('enter-totp-code');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'unable_to_authenticate_totp',
      recoverable: true,
    });
    await expect(el).to.be.accessible();
  });

  it('"Key copied." is about the scan step: it is gone at code entry', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary} enrollment="enroll"></totp-setup>`,
    );
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    inShadow<HTMLButtonElement>(el, '[part~="copy-button"]').click();
    await waitUntil(() => partText(el, 'status') !== '', 'copied (or said why not)');
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry shows');
    expect(partText(el, 'status')).to.equal('');
  });

  it('explains a setup already under way, and finishes it with a code from the app', async () => {
    const primary = await login('new@acme.test');
    const earlier = await client.totp.create({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: primary.member_id,
    });
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary} enrollment="enroll"></totp-setup>`,
    );
    await waitUntil(() => partText(el, 'error') !== '', 'the explanation shows');
    expect(partText(el, 'error')).to.match(
      /^An authenticator setup was started for your account and not finished\./,
    );
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'pending_totp_exists',
      recoverable: true,
    });
    await expect(el).to.be.accessible();

    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry shows');
    expect(el.shadowRoot!.querySelector('[part~="back-button"]')).to.equal(null);
    inShadow<HTMLElement>(el, 'mfa-code-input').focus();
    await sendKeys({ type: totpCode(earlier.secret, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
    const codesEl = inShadow<any>(el, 'mfa-recovery-codes');
    await waitUntil(
      () => codesEl.shadowRoot?.querySelectorAll('li').length === 10,
      'fetched with the new session',
    );
    const shown = [...codesEl.shadowRoot.querySelectorAll('li')].map((li: Element) => li.textContent!.trim());
    expect(shown).to.deep.equal(earlier.recovery_codes);
  });

  it('an authenticator already active is not recoverable here', async () => {
    const primary = await login('totp@acme.test');
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary}></totp-setup>`,
    );
    await waitUntil(() => partText(el, 'error') !== '', 'the explanation shows');
    expect(partText(el, 'error')).to.match(/^You already have an authenticator app set up\./);
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'active_totp_exists',
      recoverable: false,
    });
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('a RESTRICTED organization that forbids TOTP says so', async () => {
    // Acme allows everything; make a request the emulator refuses as Stytch would for a forbidden method.
    const primary = await login('new@acme.test');
    await injectFault({
      path: '/b2b/totp',
      status: 403,
      error_type: 'operation_restricted_by_organization_mfa_methods',
    });
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary}></totp-setup>`,
    );
    await waitUntil(() => partText(el, 'error') !== '', 'the explanation shows');
    expect(partText(el, 'error')).to.equal('Your organization does not allow this verification method.');
  });

  it('forgets the secret when removed', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary}></totp-setup>`,
    );
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    const secret = partText(el, 'secret').replace(/ /g, '');
    expect(secret).to.have.length(32);
    el.remove();
    await el.updateComplete;
    expect(secretReadable(el, secret), 'the key left with the element').to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="qr-code"]')).to.equal(null);
  });

  it('lets go of the secret once the code is verified, before the codes are saved', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<TotpSetup>(
      html`<totp-setup .client=${client} .authResponse=${primary}></totp-setup>`,
    );
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    const secret = partText(el, 'secret').replace(/ /g, '');
    expect(heldBy(el, secret), 'the element holds the key it shows').to.equal(true);
    await toCodeStep(el);
    await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });
    await waitUntil(() => el.step === 'save-recovery-codes', 'the recovery codes show');
    expect(secretReadable(el, secret), 'the DOM').to.equal(false);
    expect(heldBy(el, secret), 'the element').to.equal(false);
  });

  it('takes its issuer and account name from attributes', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<TotpSetup>(
      html`<totp-setup
        .client=${client}
        .authResponse=${primary}
        issuer="Acme Cloud"
        account-name="nadia"
      ></totp-setup>`,
    );
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    const uri = new URL(await readQr(inShadow(el, '[part~="qr-code"]') as unknown as SVGSVGElement));
    expect(decodeURIComponent(uri.pathname)).to.equal('/Acme Cloud:nadia');
    expect(uri.searchParams.get('issuer')).to.equal('Acme Cloud');
  });
});
