// Hosts set properties at any moment (frameworks set them late): before the kit loads, in the same
// task, while the client loads, or later. The element ends at the step the latest values call for.
// This file imports neither the kit nor the SDK up front: the first test needs the SDK still to
// load, the second sets properties on an element that is not defined yet.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import type { MfaAuthenticate } from '../../../src/elements/mfa-authenticate/mfa-authenticate.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaProvider } from '../../../src/elements/mfa-provider/mfa-provider.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { TotpSetup } from '../../../src/elements/totp-setup/totp-setup.js';
import { MEMBER_IDS, ORGANIZATION_IDS, resetEmulator, smsOutbox } from '../support/emulator.js';
import { passwordAnswer } from '../support/logins.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { visibleText } from '../support/shadow.js';
import { setSlow } from '../support/unreachable.js';
import { waitUntil } from '../support/wait.js';

const SIGN_IN_FIRST = 'Sign in first';
const support = () => import('../support/client.js');

describe('properties set late', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(async () => {
    if (customElements.get('mfa-flow')) await (await support()).signOut();
    await resetEmulator();
    recorder = recordEvents();
  });
  afterEach(() => recorder.stop());

  it("while the provider's client loads (the SDK on a slow network), a response arrives", async () => {
    expect(customElements.get('mfa-flow')).to.equal(undefined);
    // The primary login as the host's own code made it (here without the SDK, which must not load yet).
    const data = await passwordAnswer('sms@acme.test', 'public-token-test-late-properties');
    await setSlow(['b2b/index.headless.mjs'], 1500);
    try {
      await import('../../../src/elements/mfa-provider/mfa-provider.js');
      await import('../../../src/elements/mfa-flow/mfa-flow.js');
      const provider = await fixture<MfaProvider>(
        html`<mfa-provider public-token="public-token-test-late-properties" api-url=${location.origin}>
          <mfa-flow></mfa-flow>
        </mfa-provider>`,
      );
      const flow = provider.querySelector('mfa-flow')!;
      // A moment well inside the 1.5 s the SDK takes to arrive: the flow is waiting for its client.
      // (A chosen moment, not a wait for a condition: nothing on the page marks "still loading".)
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(provider.client).to.equal(null);
      flow.authResponse = data;
      await waitUntil(() => flow.step === 'enter-sms-code', 'code entry');
      expect(visibleText(flow)).to.not.contain(SIGN_IN_FIRST);
      expect(recorder.of('mfa-error')).to.deep.equal([]);
    } finally {
      await setSlow([], 0);
    }
  });

  it('before the kit loads: a <totp-setup> given its client and response before it is defined', async () => {
    expect(customElements.get('totp-setup')).to.equal(undefined);
    const { login, testClient } = await support();
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = document.createElement('totp-setup') as TotpSetup;
    el.client = testClient();
    el.authResponse = primary;
    document.body.append(el);
    try {
      await import('../../../src/elements/totp-setup/totp-setup.js');
      await waitUntil(() => el.step === 'scan-totp', 'the QR code');
      expect(recorder.of('mfa-error')).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('in the same task as it connects', async () => {
    const { login, testClient } = await support();
    const client = testClient();
    const primary = await login('sms@acme.test');
    const el = document.createElement('mfa-flow');
    document.body.append(el);
    el.authResponse = primary;
    el.client = client;
    try {
      await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
      expect(recorder.of('mfa-error')).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('later: after "Sign in first" shows, a response replaces it', async () => {
    const { login, testClient } = await support();
    const client = testClient();
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client}></mfa-flow>`);
    await waitUntil(() => visibleText(el).includes(SIGN_IN_FIRST), 'the setup message');
    el.authResponse = await login('sms@acme.test');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(visibleText(el)).to.not.contain(SIGN_IN_FIRST);
  });

  it('a client given after the no-client message', async () => {
    const { login, testClient } = await support();
    const client = testClient();
    const primary = await login('sms@acme.test');
    const el = await fixture<MfaFlow>(html`<mfa-flow .authResponse=${primary}></mfa-flow>`);
    await waitUntil(() => recorder.of('mfa-error').some((e) => e.code === 'no_client'), 'no client');
    el.client = client;
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(visibleText(el)).to.not.contain(recorder.of('mfa-error')[0]!.message);
  });

  it('organization-id and member-id, then phone-number and sms-sent, set on <mfa-authenticate> later', async () => {
    await import('../../../src/elements/mfa-authenticate/mfa-authenticate.js');
    const { login, testClient } = await support();
    const client = testClient();
    await login('sms@acme.test'); // sends the code; the client holds the intermediate session
    const el = await fixture<MfaAuthenticate>(html`<mfa-authenticate .client=${client}></mfa-authenticate>`);
    await waitUntil(() => recorder.of('mfa-error').some((e) => e.code === 'no_session'), 'no member');
    el.setAttribute('organization-id', ORGANIZATION_IDS.acme);
    el.setAttribute('member-id', MEMBER_IDS.smsAcme);
    el.setAttribute('phone-number', '+14155550101');
    el.setAttribute('sms-sent', '');
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(await smsOutbox('+14155550101')).to.have.length(1); // the login's code, not another
  });

  it('<mfa-authenticate> handed an answer that sent no code after one that did: it sends one', async () => {
    await import('../../../src/elements/mfa-authenticate/mfa-authenticate.js');
    const { login, testClient } = await support();
    const client = testClient();
    const primary = await login('sms@acme.test'); // the login texted a code
    const el = await fixture<MfaAuthenticate>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(await smsOutbox('+14155550101')).to.have.length(1); // the login's code, not another
    // The page's next answer for the member says no code went out (a primary login that sends none):
    // code entry must not wait for a code that was never sent.
    el.authResponse = {
      ...primary,
      mfa_required: { ...primary.mfa_required!, secondary_auth_initiated: null },
    };
    await waitUntil(async () => (await smsOutbox('+14155550101')).length === 2, 'a code sent');
    expect(el.step).to.equal('enter-sms-code');
    expect(recorder.of('mfa-error')).to.deep.equal([]);
  });

  it('phone-number set on <sms-otp-input> after phone entry showed: the code goes to that number', async () => {
    await import('../../../src/elements/sms-otp-input/sms-otp-input.js');
    const { login, testClient } = await support();
    const client = testClient();
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary} enrollment="enroll"></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    el.phoneNumber = '+14155550177';
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    expect(await smsOutbox('+14155550177')).to.have.length(1);
    // The same values again (a framework re-rendering with an equal object) start nothing over.
    el.authResponse = { ...primary };
    el.phoneNumber = '+14155550177';
    await el.updateComplete;
    (el.shadowRoot!.querySelector('mfa-code-input') as HTMLElement).focus();
    await sendKeys({ type: (await smsOutbox('+14155550177'))[0]!.code });
    await waitUntil(() => el.step === 'done', 'the first code still works');
    expect(await smsOutbox('+14155550177')).to.have.length(1);
  });
});
