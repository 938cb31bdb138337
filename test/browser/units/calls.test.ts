// `Calls` alone: one call at a time, failures shown and heard. A minimal LitElement host, no SDK,
// no emulator: the tasks are the test's own promises.
import { expect } from '@open-wc/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { Calls, type CallHost } from '../../../src/controllers/calls.js';
import { LocalizeController, wordsNow, type Words } from '../../../src/controllers/localize.js';
import { shared } from '../../../src/strings/en/shared.js';
import type { MfaStep } from '../../../src/types.js';
import { recordEvents } from '../support/events.js';
import { deferred, mount, tagFor } from './host.js';

class CallsHost extends LitElement implements CallHost {
  static override properties = { ended: { state: true } };
  ended = false;
  step: MfaStep | null = 'enter-totp-code';
  private words: Words = '';
  get errorMessage(): string {
    return wordsNow(this.words);
  }
  set errorMessage(words: Words) {
    this.words = words;
    this.requestUpdate();
  }
  readonly localize = new LocalizeController(this, shared);
  readonly calls = new Calls(this, this.localize);
  override render(): TemplateResult {
    return html`<p part="error">${this.errorMessage}</p>
      <p part="pending">${this.calls.pending ?? ''}</p>`;
  }
}
const tag = tagFor('calls');
customElements.define(tag, CallsHost);

const text = (el: CallsHost, part: string) =>
  el.shadowRoot!.querySelector(`[part="${part}"]`)!.textContent!.trim();
/** A failure as the SDK throws it when the network is down. */
const offline = () => new TypeError('Failed to fetch');

describe('Calls (one call at a time, failures shown and heard)', () => {
  let el: CallsHost;
  let recorder: ReturnType<typeof recordEvents>;
  beforeEach(async () => {
    el = await mount<CallsHost>(tag);
    recorder = recordEvents();
  });
  afterEach(() => recorder.stop());

  it('refuses a second call while one is pending, without running it', async () => {
    const first = deferred<string>();
    let secondRan = false;
    const one = el.calls.attempt('send', () => first.promise);
    const two = el.calls.attempt('verify', async () => {
      secondRan = true;
      return 'second';
    });
    expect(await two).to.equal(null);
    expect(secondRan, 'the refused task never ran').to.equal(false);
    await el.updateComplete;
    expect(text(el, 'pending'), 'the host rendered the call in flight').to.equal('send');

    first.resolve('first');
    expect(await one).to.deep.equal({ value: 'first' });
    await el.updateComplete;
    expect(text(el, 'pending')).to.equal('');
    expect(await el.calls.attempt('verify', async () => 'third')).to.deep.equal({ value: 'third' });
    expect(recorder.events).to.deep.equal([]);
  });

  it('takes calls again once a pending one failed', async () => {
    const first = deferred<string>();
    const one = el.calls.attempt('send', () => first.promise);
    first.reject(offline());
    expect(await one).to.equal(null);
    expect(el.calls.pending).to.equal(null);
    expect(await el.calls.attempt('send', async () => 'again')).to.deep.equal({ value: 'again' });
  });

  it('shows a failure in the error part, fires it as mfa-error, then hands it on', async () => {
    const handed: string[] = [];
    const result = await el.calls.attempt(
      'send',
      () => Promise.reject(offline()),
      (failure) => handed.push(failure.code),
    );
    expect(result).to.equal(null);
    await el.updateComplete;
    expect(text(el, 'error')).to.equal(shared.errorNetwork);
    expect(handed).to.deep.equal(['network']);
    expect(recorder.of('mfa-error')).to.deep.equal([
      { code: 'network', message: shared.errorNetwork, step: 'enter-totp-code', recoverable: true },
    ]);
    expect(el.ended).to.equal(false);
  });

  it('shows and fires a failure when the caller gave no onFailure', async () => {
    expect(await el.calls.attempt('load', () => Promise.reject(offline()))).to.equal(null);
    await el.updateComplete;
    expect(text(el, 'error')).to.equal(shared.errorNetwork);
    expect(recorder.of('mfa-error')).to.have.length(1);
  });

  it('puts the message where the caller says instead, still firing mfa-error', async () => {
    let shown = '';
    const result = await el.calls.attempt('send', () => Promise.reject(offline()), undefined, {
      show: (words) => (shown = wordsNow(words)),
    });
    expect(result).to.equal(null);
    await el.updateComplete;
    expect(shown).to.equal(shared.errorNetwork);
    expect(text(el, 'error')).to.equal('');
    expect(recorder.of('mfa-error')).to.have.length(1);
  });

  it('ends the sign-in on an expired session, not on a recoverable failure', async () => {
    el.calls.fail({ code: 'invalid_code', key: 'errorNetwork', recoverable: true });
    expect(el.ended).to.equal(false);
    el.calls.fail({ code: 'session_not_found', key: 'errorSessionExpired', recoverable: false });
    expect(el.ended).to.equal(true);
    expect(recorder.of('mfa-error').map((e) => e.recoverable)).to.deep.equal([true, false]);
  });

  it('reports a module that failed to load as the network, and resolves with null', async () => {
    expect(await el.calls.loaded(Promise.resolve('module'))).to.equal('module');
    expect(await el.calls.loaded(Promise.reject(new Error('503')))).to.equal(null);
    await el.updateComplete;
    expect(text(el, 'error')).to.equal(shared.errorNetwork);
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'network', recoverable: true });
  });
});
