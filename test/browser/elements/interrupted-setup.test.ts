// An authenticator setup left half-way (a reload, a closed tab after the QR code): the member who
// comes back is told when a new setup can start, may start again within minutes, and is offered
// every other method the organization allows meanwhile — with the browser SDK and through the
// host's server.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, testClient } from '../support/client.js';
import { advanceClock, ORGANIZATION_IDS } from '../support/emulator.js';
import { hostLogin } from '../support/logins.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepest, partText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const client = testClient();

async function sdkFlow(email: string, organizationId: string): Promise<() => Promise<MfaFlow>> {
  const primary = await login(email, organizationId);
  return () => fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
}

async function backendFlow(email: string, organizationId: string): Promise<() => Promise<MfaFlow>> {
  await hostLogin(email, organizationId);
  return async () =>
    (
      await fixture(html`<mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>`)
    ).querySelector('mfa-flow')!;
}

describe('an authenticator setup left half-way', () => {
  const visitor = freshVisitor();
  beforeEach(() => realFetch('/api/logout', { method: 'POST' }));
  const realFetch = window.fetch;

  for (const [mode, open] of [
    ['browser SDK', sdkFlow],
    ['backend mode', backendFlow],
  ] as const) {
    it(`${mode}: TOTP only (globex): told when, then a new setup within minutes`, async () => {
      const flow = await open('new@globex.test', ORGANIZATION_IDS.globex);
      const first = await flow();
      await waitUntil(() => first.step === 'scan-totp', 'the QR code');
      first.remove(); // the tab closed before the code

      const again = await flow();
      await waitUntil(
        () => visitor.recorder.of('mfa-error').some((e) => e.code === 'pending_totp_exists'),
        'the setup under way',
      );
      const setup = deepest(again, 'totp-setup')!;
      await waitUntil(() => partText(setup, 'error').includes('start again after'), 'when');
      expect(partText(setup, 'error')).to.match(/start again after \d{1,2}[:.]\d{2}/);
      expect(partText(setup, 'submit-button')).to.equal('Enter a code from my app');
      await expect(again).to.be.accessible();

      await advanceClock(6 * 60); // the half-way setup has expired; the sign-in (10 minutes) has not
      await press(deepest(again, '[part~="restart-button"]'));
      await waitUntil(() => again.step === 'scan-totp', 'a new QR code');
      await completeTotpSetup(again);
      await waitUntil(() => again.step === 'done', 'enrolled');
      expect(visitor.recorder.of('mfa-enrolled').map((e) => e.method)).to.deep.equal(['totp']);
    });

    it(`${mode}: every method allowed (acme): the member may text instead meanwhile`, async () => {
      const flow = await open('new@acme.test', ORGANIZATION_IDS.acme);
      const first = await flow();
      await waitUntil(() => first.step === 'select-method', 'the choice');
      await press(deepest(first, '[part~="method-option"]:last-of-type'));
      await waitUntil(() => first.step === 'scan-totp', 'the QR code');
      first.remove();

      const again = await flow();
      await waitUntil(() => again.step === 'select-method', 'the choice');
      await press(deepest(again, '[part~="method-option"]:last-of-type'));
      await waitUntil(
        () => visitor.recorder.of('mfa-error').some((e) => e.code === 'pending_totp_exists'),
        'the setup under way',
      );
      await waitUntil(() => deepest(again, '[part~="back-button"]'), 'a way back to the choice');
      await press(deepest(again, '[part~="back-button"]'));
      await waitUntil(() => deepest(again, '[part~="method-option"]'), 'the choice again');
      await press(deepest(again, '[part~="method-option"]'));
      await waitUntil(() => again.step === 'enter-phone', 'phone entry');
    });
  }
});
