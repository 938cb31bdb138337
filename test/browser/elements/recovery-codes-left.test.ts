// A member who signs in with a recovery code learns how many are left where it will be read: in
// `mfa-authenticated`'s detail (`recoveryCodesRemaining`) for the page, and — when few are left —
// on a step shown before the element reports success, as an alert at 0–2.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, signOut, testClient } from '../support/client.js';
import { ORGANIZATION_IDS, SEED_RECOVERY_CODES } from '../support/emulator.js';
import { hostLogin } from '../support/logins.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepest, partText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
const realFetch = window.fetch;

/** Uses the first `count` seeded recovery codes, each in a sign-in of its own. */
async function useCodes(mode: 'sdk' | 'backend', count: number): Promise<void> {
  for (const code of SEED_RECOVERY_CODES.slice(0, count)) {
    if (mode === 'sdk') {
      const primary = await login('totp@acme.test');
      await client.recoveryCodes.recover({
        organization_id: ORGANIZATION_IDS.acme,
        member_id: primary.member_id,
        recovery_code: code,
        session_duration_minutes: 60,
      });
      await signOut();
    } else {
      await hostLogin('totp@acme.test', ORGANIZATION_IDS.acme, realFetch);
      const answer = await realFetch('/api/mfa/recovery_codes/recover', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ recovery_code: code }),
      });
      expect(answer.status).to.equal(200);
    }
  }
}

async function openFlow(mode: 'sdk' | 'backend'): Promise<MfaFlow> {
  if (mode === 'sdk') {
    const primary = await login('totp@acme.test');
    return fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
  }
  await hostLogin('totp@acme.test', ORGANIZATION_IDS.acme, realFetch);
  const provider = await fixture(
    html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`,
  );
  return provider.querySelector('mfa-flow')!;
}

async function signInWithRecoveryCode(el: MfaFlow, code: string): Promise<void> {
  await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
  await press(deepest(el, '[part~="switch-method"]:last-of-type'));
  await waitUntil(() => el.step === 'enter-recovery-code', 'recovery code entry');
  deepest(el, '[part~="recovery-code-input"]')!.focus();
  await sendKeys({ type: code });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.step === 'done', 'done');
}

describe('recovery codes left', () => {
  const visitor = freshVisitor();
  beforeEach(() => realFetch('/api/logout', { method: 'POST' }));

  it('mfa-authenticated carries recoveryCodesRemaining', async () => {
    const el = await openFlow('sdk');
    await signInWithRecoveryCode(el, SEED_RECOVERY_CODES[0]!);
    await waitUntil(() => visitor.recorder.of('mfa-authenticated').length === 1, 'signed in');
    expect(visitor.recorder.of('mfa-authenticated')[0]).to.include({
      method: 'recovery_code',
      recoveryCodesRemaining: 9,
    });
  });

  for (const mode of ['sdk', 'backend'] as const) {
    it(`${mode}: two left — an alert before success, which waits for Continue`, async () => {
      await useCodes(mode, 7);
      const el = await openFlow(mode);
      await signInWithRecoveryCode(el, SEED_RECOVERY_CODES[7]!);
      const authenticate = deepest(el, 'mfa-authenticate')!;
      const status = authenticate.shadowRoot!.querySelector('[part~="status"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(partText(authenticate, 'status')).to.equal(
        'Signed in. Only 2 recovery codes are left: create new ones in your security settings before you run out.',
      );
      expect(visitor.recorder.of('mfa-authenticated')).to.deep.equal([]);
      await expect(el).to.be.accessible();
      await press(deepest(el, '[part~="submit-button"]'));
      await waitUntil(() => visitor.recorder.of('mfa-authenticated').length === 1, 'signed in');
      expect(visitor.recorder.of('mfa-authenticated')[0]!.recoveryCodesRemaining).to.equal(2);
    });
  }
});
