// A page whose own module script, after the kit's, sets `authResponse`: the flow waits for it — the
// page's deferred and module scripts have all run once `DOMContentLoaded` fires — even when that
// script's file arrives late and the browser runs timers in between, instead of loading the SDK to
// learn who is signing in (and showing its first step only after that detour).
import { expect } from '@open-wc/testing';
import type { MfaStep } from '../../../src/types.js';
import { resetEmulator } from '../support/emulator.js';
import { passwordAnswer } from '../support/logins.js';
import '../support/network-guard.js';
import { frameLoaded, showPage } from '../support/test-page.js';
import { setSlow } from '../support/unreachable.js';
import { waitUntil } from '../support/wait.js';

const TOKEN = 'public-token-test-page-scripts';

type PageWindow = Window & { firstStepAt?: number; errors: string[] };

async function openPage(
  body: string,
  answerScript = '/test/browser/support/late-answer.ts',
): Promise<PageWindow> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<script>
  window.errors = [];
  document.addEventListener('mfa-step', () => (window.firstStepAt ??= performance.now()));
  document.addEventListener('mfa-error', (event) => window.errors.push(event.detail.code));
</script>
<script type="module" src="/src/elements/mfa-provider/mfa-provider.ts"></script>
<script type="module" src="/src/elements/mfa-flow/mfa-flow.ts"></script>
<script type="module" src="${answerScript}"></script>
</head><body>${body}</body></html>`;
  const frame = await showPage(html);
  await frameLoaded(frame);
  return frame.contentWindow as PageWindow;
}

const flowPage = (answer: unknown) => `<mfa-provider public-token="${TOKEN}" api-url="${location.origin}">
  <mfa-flow></mfa-flow>
</mfa-provider>
<script type="application/json" id="auth-response">${JSON.stringify(answer)}</script>`;

/** The SDK loads once the first step has painted (to be ready for the first call), not before it. */
function expectSdkAfterFirstStep(win: PageWindow): void {
  expect(win.firstStepAt, 'a step was shown').to.be.a('number');
  const sdk = win.performance.getEntriesByType('resource').find((entry) => entry.name.includes('vanilla-js'));
  if (sdk)
    expect(sdk.startTime, 'the SDK was not loaded to ask who is signing in').to.be.above(win.firstStepAt!);
}

/** Each test on a fresh emulator; after it, no slow path and no page left. */
function usePages(): void {
  beforeEach(() => resetEmulator());
  afterEach(async () => {
    await setSlow([], 0);
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  });
}

describe("the page's own scripts", () => {
  usePages();

  it('a later module script that sets authResponse is waited for, however late its file arrives', async () => {
    const answer = await passwordAnswer('sms@acme.test', TOKEN);
    await setSlow(['late-answer'], 1000);
    const win = await openPage(flowPage(answer));
    const flow = win.document.querySelector('mfa-flow') as Element & { step: MfaStep | null };
    await waitUntil(() => flow.step === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(win.errors).to.deep.equal([]);
    expectSdkAfterFirstStep(win);
  });

  it('a DOMContentLoaded listener of a later script, on the document, is heard before the flow goes on', async () => {
    const answer = await passwordAnswer('sms@acme.test', TOKEN);
    const win = await openPage(flowPage(answer), '/test/browser/support/late-answer.ts?on=dcl');
    const flow = win.document.querySelector('mfa-flow') as Element & { step: MfaStep | null };
    await waitUntil(() => flow.step === 'enter-sms-code', 'code entry', { timeout: 10_000 });
    expect(win.errors).to.deep.equal([]);
    expectSdkAfterFirstStep(win);
  });
});

describe('a clock too coarse to date DOMContentLoaded', () => {
  usePages();

  it('holds a flow made after the event only until the page loads, not 10 s', async () => {
    // A privacy mode rounds navigation timing (to 100 ms): an early DOMContentLoaded reads as 0 even
    // after it fired. The flow, made after it (no session, nothing said), is then told so by `load`.
    await setSlow(['coarse-clock-picture'], 4000); // outlasts the page's module loads
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<script>
  const entries = performance.getEntriesByType.bind(performance);
  performance.getEntriesByType = (type) =>
    type === 'navigation' ? [{ domContentLoadedEventStart: 0 }] : entries(type);
  window.errors = [];
  document.addEventListener('mfa-error', (event) => {
    window.errors.push(event.detail.code);
    window.errorAt ??= performance.now();
  });
  addEventListener('load', () => (window.loadAt = performance.now()));
  document.addEventListener('DOMContentLoaded', () =>
    setTimeout(() => {
      window.madeAt = performance.now();
      document.body.insertAdjacentHTML(
        'afterbegin',
        '<mfa-provider public-token="${TOKEN}" api-url="${location.origin}"><mfa-flow></mfa-flow></mfa-provider>',
      );
    }),
  );
</script>
<script type="module" src="/src/elements/mfa-provider/mfa-provider.ts"></script>
<script type="module" src="/src/elements/mfa-flow/mfa-flow.ts"></script>
</head><body><img alt="" src="/__test/coarse-clock-picture.png" /></body></html>`;
    const frame = await showPage(html); // not waited for: its picture holds `load`
    type Timed = PageWindow & { madeAt?: number; loadAt?: number; errorAt?: number };
    const win = () => frame.contentWindow as Timed;
    await waitUntil(() => win().madeAt !== undefined, 'the flow made after DOMContentLoaded');
    expect(win().document.readyState, 'the picture still loads').to.not.equal('complete');
    // Before, the flow went on only at its 10 s cap; now at `load` (then the SDK and one request).
    await waitUntil(() => win().errors.length > 0, 'the flow went on', { timeout: 15_000 });
    expect(win().errors).to.deep.equal(['no_session']);
    const { madeAt, loadAt, errorAt } = win() as Required<Timed>;
    expect(errorAt, 'not before the page loaded').to.be.at.least(loadAt);
    expect(errorAt - madeAt, 'well before the 10 s cap').to.be.below(8000);
    const flow = win().document.querySelector('mfa-flow')!;
    expect(flow.shadowRoot!.textContent).to.match(/sign in/i);
  });
});
