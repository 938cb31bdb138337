// A step's code loads when the step shows. When the network fails that load, the member is told so
// (a recoverable `network` mfa-error) instead of being left with nothing.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { login, testClient } from '../support/client.js';
import { ORGANIZATION_IDS, smsOutbox } from '../support/emulator.js';
import '../support/network-guard.js';
import { deepest, visibleText } from '../support/shadow.js';
import { setUnreachable } from '../support/unreachable.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
const NETWORK = 'We could not reach the server. Check your connection and try again.';

async function flowFor(email: string) {
  const primary = await login(email, ORGANIZATION_IDS.acme);
  return fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
}

describe('a step whose code cannot load', () => {
  const visitor = freshVisitor();
  afterEach(() => setUnreachable([]));

  const expectNetworkFailure = async (el: MfaFlow) => {
    await waitUntil(() => visitor.recorder.of('mfa-error').length > 0, 'an mfa-error');
    expect(visitor.recorder.of('mfa-error')).to.deep.equal([
      { code: 'network', message: NETWORK, step: null, recoverable: true },
    ]);
    expect(deepest(el, '[role="alert"]')?.textContent?.trim()).to.equal(NETWORK);
    expect(el.step).to.equal(null);
    await expect(el).to.be.accessible();
  };

  it('returning TOTP: the code step fails to load, and the member is told', async () => {
    await setUnreachable(['/mfa-authenticate/code-steps']);
    const el = await flowFor('totp@acme.test');
    await expectNetworkFailure(el);
    expect(deepest(el, 'mfa-code-input')).to.equal(null);
  });

  it('returning SMS: <sms-otp-input> fails to load, and the member is told', async () => {
    await setUnreachable(['/sms-otp-input/']);
    const el = await flowFor('sms@acme.test');
    await expectNetworkFailure(el);
    expect(deepest(el, 'sms-otp-input')?.shadowRoot ?? null).to.equal(null);
    // Primary auth sent the one SMS; nothing else was sent.
    expect(await smsOutbox()).to.have.length(1);
  });

  it('enrollment: <mfa-enroll> fails to load, and <mfa-flow> says so', async () => {
    await setUnreachable(['/mfa-enroll/']);
    const el = await flowFor('new@acme.test');
    await expectNetworkFailure(el);
    expect(visibleText(el)).to.contain(NETWORK);
  });
});
