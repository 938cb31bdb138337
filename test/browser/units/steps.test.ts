// `Steps` alone: the step is reflected and announced once per change, focus goes where a step
// begins, and an inner element's steps become the host's. A minimal LitElement host.
import { expect } from '@open-wc/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { Steps } from '../../../src/controllers/steps.js';
import { recordEvents } from '../support/events.js';
import { deepActiveElement } from '../support/shadow.js';
import { mount, tagFor } from './host.js';

class StepsHost extends LitElement {
  readonly steps = new Steps(this);
  override render(): TemplateResult {
    return this.steps.current === 'enter-totp-code'
      ? html`<input aria-label="Code" part="code" />`
      : html`<button type="button" part="next">Next</button>`;
  }
}
const tag = tagFor('steps');
customElements.define(tag, StepsHost);

describe('Steps (the step shown, announced, focused, relayed)', () => {
  let el: StepsHost;
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(async () => {
    el = await mount<StepsHost>(tag);
    recorder = recordEvents();
  });
  afterEach(() => recorder.stop());

  it('reflects the step and fires mfa-step once per change', () => {
    el.steps.go('scan-totp', 'totp');
    el.steps.go('scan-totp', 'totp');
    el.steps.go('enter-totp-code', 'totp');
    expect(el.getAttribute('step')).to.equal('enter-totp-code');
    expect(recorder.of('mfa-step')).to.deep.equal([
      { step: 'scan-totp', method: 'totp' },
      { step: 'enter-totp-code', method: 'totp' },
    ]);
  });

  it('focuses a field the new step renders, once it has rendered', async () => {
    el.steps.go('enter-totp-code', 'totp');
    await el.steps.focus('[part="code"]');
    expect(deepActiveElement() === el.shadowRoot!.querySelector('[part="code"]')).to.equal(true);
  });

  it("relays an inner element's step as the host's own, and never its own", async () => {
    const inner = document.createElement('div');
    el.append(inner);
    el.addEventListener('mfa-step', el.steps.relay as EventListener);
    const heard: unknown[] = [];
    inner.addEventListener('mfa-step', (e) => heard.push((e as CustomEvent).detail));
    inner.dispatchEvent(
      new CustomEvent('mfa-step', {
        detail: { step: 'save-recovery-codes', method: 'recovery_code' },
        bubbles: true,
        composed: true,
      }),
    );
    expect(el.steps.current).to.equal('save-recovery-codes');
    // The page hears one stream of steps: the host's, not the inner element's as well.
    expect(recorder.of('mfa-step')).to.deep.equal([{ step: 'save-recovery-codes', method: 'recovery_code' }]);
    expect(heard).to.have.length(1);
  });
});
