// What the first step needs is asked for as soon as it is known, not once the elements before it
// have started and rendered: the route's step when <mfa-flow> is handed an answer (in a bundled app
// each step is a chunk of its own), and in backend mode who is signing in, as the provider connects.
// This file imports the flow and the provider only: the steps load when asked, as on a page.
import { expect } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import { resetEmulator } from '../support/emulator.js';
import { hostLogin, passwordAnswer } from '../support/logins.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { waitUntil } from '../support/wait.js';

// The test server serves hundreds of modules: keep every resource entry, the steps' included.
performance.setResourceTimingBufferSize(100_000);

/** When the module at `path` (from the sources' root) started loading; undefined if it has not. */
const requestedAt = (path: string): number | undefined =>
  performance
    .getEntriesByType('resource')
    .find((entry) => new URL(entry.name).pathname.replace(/\.ts$/, '.js').endsWith(path))?.startTime;

/** When an element named `tag` first appears in `root` (now, if it is there). */
function appearance(root: ShadowRoot, tag: string): Promise<number> {
  return new Promise((resolve) => {
    const seen = () => root.querySelector(tag) && (observer.disconnect(), resolve(performance.now()));
    const observer = new MutationObserver(seen);
    observer.observe(root, { childList: true, subtree: true });
    seen();
  });
}

/**
 * The paths of the host's handler the page fetches from now on, as they are asked (`restore()` ends
 * it). Only the handler's: an SDK a test before this one loaded may still be asking for its bootstrap.
 */
function spyOnFetch(): string[] & { restore(): void } {
  const realFetch = window.fetch;
  const asked = Object.assign([] as string[], { restore: () => void (window.fetch = realFetch) });
  window.fetch = (input, init) => {
    const path = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
    if (path.startsWith('/api/mfa/')) asked.push(path);
    return realFetch(input, init);
  };
  return asked;
}

/** Who is signing in, as the host's `mfaStateScript()` writes it into the page. */
function stateElement(json: string): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.dataset.mfaState = '';
  script.textContent = json;
  return script;
}

describe('the first step is asked for as soon as it is known', () => {
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(async () => {
    await resetEmulator();
    recorder = recordEvents();
  });
  afterEach(() => {
    recorder.stop();
    document.querySelector('mfa-provider')?.remove();
  });

  it('handed an answer that routes to SMS, the flow loads the SMS step before it renders <mfa-authenticate>', async () => {
    expect(requestedAt('/sms-otp-input/sms-otp-input.js')).to.equal(undefined);
    const answer = await passwordAnswer('sms@acme.test', 'public-token-test-first-step');
    const provider = document.createElement('mfa-provider');
    provider.setAttribute('public-token', 'public-token-test-first-step');
    provider.setAttribute('api-url', location.origin);
    const flow = document.createElement('mfa-flow');
    provider.append(flow);
    document.body.append(provider);
    flow.authResponse = answer; // as a host sets it, in the task that placed the flow
    const authenticateAt = appearance(flow.shadowRoot!, 'mfa-authenticate');
    await waitUntil(() => flow.step === 'enter-sms-code', 'code entry');
    await expect(flow).to.be.accessible();
    const smsAt = requestedAt('/sms-otp-input/sms-otp-input.js');
    expect(smsAt, 'the SMS step was requested').to.be.a('number');
    // Before: requested by <mfa-authenticate> once it had rendered and started.
    expect(smsAt).to.be.below(await authenticateAt);
    expect(recorder.of('mfa-error')).to.deep.equal([]);
  });

  it('in backend mode, the provider asks who is signing in as it connects, and the flow uses that answer', async () => {
    await fetch('/api/logout', { method: 'POST' });
    await hostLogin('sms@acme.test');
    const asked = spyOnFetch();
    try {
      const provider = document.createElement('mfa-provider');
      provider.setAttribute('backend-url', '/api/mfa');
      const flow = document.createElement('mfa-flow');
      provider.append(flow);
      document.body.append(provider);
      // Asked in the task that connected it (once its microtasks ran), before the flow starts.
      await Promise.resolve();
      expect(asked).to.deep.equal(['/api/mfa/state']);
      await waitUntil(() => flow.step === 'enter-sms-code', 'code entry');
      await expect(flow).to.be.accessible();
      // The flow took that answer: who is signing in was asked once.
      expect(asked).to.deep.equal(['/api/mfa/state']);
      // Moved (removed and added again), the provider asks no more: once per page.
      provider.remove();
      document.body.append(provider);
      await Promise.resolve();
      expect(asked).to.deep.equal(['/api/mfa/state']);
      expect(recorder.of('mfa-error')).to.deep.equal([]);
    } finally {
      asked.restore();
    }
  });

  it('in backend mode, the provider takes who is signing in from the page, when the host wrote it there, and asks nothing', async () => {
    await fetch('/api/logout', { method: 'POST' });
    await hostLogin('sms@acme.test');
    // What the host's mfaStateScript() writes: the handler's own `state` answer.
    const state = await (
      await fetch('/api/mfa/state', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
    ).text();
    expect(JSON.parse(state).member.email_address).to.equal('sms@acme.test');
    const asked = spyOnFetch();
    try {
      const provider = document.createElement('mfa-provider');
      provider.setAttribute('backend-url', '/api/mfa');
      const script = stateElement(state);
      const flow = document.createElement('mfa-flow');
      provider.append(script, flow);
      document.body.append(provider);
      await waitUntil(() => flow.step === 'enter-sms-code', 'code entry');
      await expect(flow).to.be.accessible();
      expect(asked, 'no request: the page said').to.deep.equal([]);
      expect(provider.querySelector('script'), 'taken, and gone from the page').to.equal(null);
      expect(recorder.of('mfa-error')).to.deep.equal([]);
      // Taken once: the flow, started again, asks the host's server.
      flow.authResponse = null;
      await waitUntil(() => asked.length > 0, 'asked again');
      expect(asked[0]).to.equal('/api/mfa/state');
    } finally {
      asked.restore();
    }
  });

  it('unreadable JSON in the page is asked for instead; a nested provider takes its own', async () => {
    await fetch('/api/logout', { method: 'POST' });
    await hostLogin('sms@acme.test');
    const asked = spyOnFetch();
    try {
      // The outer provider must leave the inner one's state and flow alone (it asks nothing early);
      // the inner one's state is not JSON, so its flow asks, once.
      const outer = document.createElement('mfa-provider');
      outer.setAttribute('backend-url', '/api/mfa//'); // the same handler, under a URL not asked yet
      const inner = document.createElement('mfa-provider');
      inner.setAttribute('backend-url', `${location.origin}/api/mfa`); // the same handler, a URL of its own
      const script = stateElement('{"member": ');
      const flow = document.createElement('mfa-flow');
      inner.append(script, flow);
      outer.append(inner);
      document.body.append(outer);
      await waitUntil(() => flow.step === 'enter-sms-code', 'code entry');
      expect(recorder.of('mfa-error')).to.deep.equal([]);
      expect(asked.filter((path) => path === '/api/mfa/state')).to.have.length(1);
      expect(inner.querySelector('script'), 'taken by the provider it is in').to.equal(null);
    } finally {
      asked.restore();
    }
  });

  it('an early answer no one took is not given after another call (which may change the session)', async () => {
    await fetch('/api/logout', { method: 'POST' });
    await hostLogin('sms@acme.test');
    const { askStateEarly } = await import('../../../src/stytch/backend-post.js');
    const { createBackendClient } = await import('../../../src/stytch/backend-client.js');
    const url = '/api/mfa/'; // the same handler, under a URL this page has not asked early yet
    const asked = spyOnFetch();
    try {
      askStateEarly(url);
      const client = createBackendClient({ url });
      // Any other call (this one refused: the login still needs MFA) may change the session.
      const refused = await client.organization.get().catch((error: Error) => error);
      expect(refused).to.be.an('error');
      const answer = await client.getAuthResponse();
      expect(answer?.member?.email_address).to.equal('sms@acme.test');
      expect(asked).to.deep.equal(['/api/mfa/state', '/api/mfa/organization/get', '/api/mfa/state']);
    } finally {
      asked.restore();
    }
  });
});
