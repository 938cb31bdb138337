import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/totp-setup/totp-setup.js';
import type { TotpSetup } from '../../../src/elements/totp-setup/totp-setup.js';
import { signOut, testClient } from '../support/client.js';
import { emulatorClock, ORGANIZATION_IDS, resetEmulator, SEED_PASSWORD } from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { readQr } from '../support/qr.js';
import { inShadow, partText } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';

const client = testClient();

function login(email: string, organizationId: string = ORGANIZATION_IDS.acme) {
  return client.passwords.authenticate({
    organization_id: organizationId,
    email_address: email,
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });
}

async function emulatorNowMs(): Promise<number> {
  return Date.parse((await emulatorClock()).now);
}

describe('<totp-setup>', () => {
  let recorder: ReturnType<typeof recordEvents>;

  beforeEach(async () => {
    await signOut();
    await resetEmulator();
    recorder = recordEvents();
  });

  afterEach(() => recorder.stop());

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
    expect(el.shadowRoot!.innerHTML).to.not.contain(secret.slice(0, 8) + secret.slice(8, 16));
    await expect(el).to.be.accessible();
    await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });

    await waitUntil(() => el.step === 'save-recovery-codes', 'the recovery codes show');
    const codesEl = inShadow<any>(el, 'mfa-recovery-codes');
    await waitUntil(
      () => codesEl.shadowRoot?.querySelectorAll('[part~="code-list"] li').length === 10,
      'ten codes',
    );
    expect(el.shadowRoot!.innerHTML).to.not.contain('qr-code');
    await expect(el).to.be.accessible();
    const codes = [...codesEl.shadowRoot.querySelectorAll('[part~="code-list"] li')].map((li: Element) =>
      li.textContent!.trim(),
    );

    inShadow<HTMLInputElement>(codesEl, '[part~="acknowledge"]').focus();
    await sendKeys({ press: 'Space' });
    inShadow<HTMLButtonElement>(codesEl, '[part~="submit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
    expect(partText(el, 'status')).to.equal('Authenticator app added.');
    await expect(el).to.be.accessible();

    expect(recorder.names()).to.deep.equal([
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
      JSON.stringify(recorder.events) + el.shadowRoot!.innerHTML + codesEl.shadowRoot!.innerHTML;
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
