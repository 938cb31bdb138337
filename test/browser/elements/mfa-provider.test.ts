import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import type { MfaProvider } from '../../../src/elements/mfa-provider/mfa-provider.js';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { testClient } from '../support/client.js';
import { resetEmulator } from '../support/emulator.js';
import '../support/network-guard.js';

describe('<mfa-provider>', () => {
  beforeEach(() => resetEmulator());

  it('renders its children in place', async () => {
    const provider = await fixture<MfaProvider>(html`<mfa-provider><p>child</p></mfa-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('returns the client it was given', async () => {
    const client = testClient();
    const provider = await fixture<MfaProvider>(html`<mfa-provider .client=${client}></mfa-provider>`);
    expect(provider.client).to.equal(client);
  });

  it('creates its client once an element inside shows a step, not before', async () => {
    const provider = await fixture<MfaProvider>(
      html`<mfa-provider
        public-token="public-token-test-provider-warm"
        api-url=${location.origin}
      ></mfa-provider>`,
    );
    // Frames pass with nothing shown: the SDK's setup must not compete with a first step.
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
    expect(provider.client).to.equal(null);
    const field = document.createElement('sms-otp-input');
    field.setAttribute('organization-id', 'organization-test-none');
    field.setAttribute('member-id', 'member-test-none');
    field.setAttribute('phone-number', '+14155550101');
    field.toggleAttribute('sms-sent', true);
    provider.append(field);
    await waitUntil(() => field.step === 'enter-sms-code', 'the code step is shown');
    await waitUntil(() => provider.client !== null, 'the client is created after the step is shown');
  });

  it('creates one client from public-token and api-url that reaches the API, and provides it', async () => {
    const provider = await fixture<MfaProvider>(
      html`<mfa-provider public-token="public-token-test-provider-made" api-url=${location.origin}>
        <sms-otp-input organization-id="organization-test-none" member-id="member-test-none"></sms-otp-input>
      </mfa-provider>`,
    );
    // Created after the first render (the SDK loads then), or on request.
    const client = await provider.getClient();
    expect(client).to.not.equal(null);
    expect(provider.client).to.equal(client);
    expect(await provider.getClient()).to.equal(client);
    const { organization } = await client!.organization.getBySlug({ organization_slug: 'initech' });
    expect(organization?.organization_name).to.equal('Initech');
    // The child has no client of its own: it shows phone entry (not the no-client message)
    // because it found the provider's.
    const child = provider.querySelector<SmsOtpInput>('sms-otp-input')!;
    await waitUntil(() => child.step === 'enter-phone', 'the child shows phone entry');
    expect(child.client).to.equal(null);
  });

  describe('getClient() always settles', () => {
    /** How a promise settled: its value, or the message it was rejected with. */
    const settled = <T>(promise: Promise<T>) =>
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      );

    it('a public-token set after the call: resolves with the client made from it', async () => {
      const provider = await fixture<MfaProvider>(html`<mfa-provider></mfa-provider>`);
      const asked = settled(provider.getClient());
      provider.setAttribute('public-token', 'public-token-test-provider-late');
      provider.apiUrl = location.origin;
      const outcome = await asked;
      expect(outcome).to.have.property('value').that.is.not.equal(null);
      expect((outcome as { value: unknown }).value).to.equal(provider.client);
      const { organization } = await provider.client!.organization.getBySlug({
        organization_slug: 'initech',
      });
      expect(organization?.organization_name).to.equal('Initech');
    });

    it('a client given after the call: resolves with it', async () => {
      const provider = await fixture<MfaProvider>(html`<mfa-provider></mfa-provider>`);
      const asked = settled(provider.getClient());
      const client = testClient();
      provider.client = client;
      expect(await asked).to.deep.equal({ value: client });
    });

    it('removed from the page with nothing to make a client from: rejects, saying why', async () => {
      const provider = await fixture<MfaProvider>(html`<mfa-provider></mfa-provider>`);
      const asked = settled(provider.getClient());
      provider.remove();
      const outcome = await asked;
      expect(outcome)
        .to.have.property('error')
        .that.matches(/mfa-provider.*removed.*public-token/);
    });

    it('moved within the page meanwhile: still waits, then resolves', async () => {
      const provider = await fixture<MfaProvider>(html`<mfa-provider></mfa-provider>`);
      const asked = settled(provider.getClient());
      document.body.append(provider); // a move: disconnected and connected again at once
      const client = testClient();
      provider.client = client;
      expect(await asked).to.deep.equal({ value: client });
      provider.remove();
    });

    it('never given a public-token, client or backend-url (never on a page): rejects after 10 s', async () => {
      const provider = document.createElement('mfa-provider');
      const started = performance.now();
      const outcome = await settled(provider.getClient());
      expect(outcome)
        .to.have.property('error')
        .that.matches(/mfa-provider.*public-token.*10 s/);
      expect(performance.now() - started).to.be.within(9_500, 13_000);
    });
  });
});
