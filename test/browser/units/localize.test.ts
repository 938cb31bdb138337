// `LocalizeController` alone: which words an element shows for a key, in which language, and that
// it shows them again when the language changes. A minimal LitElement host; no SDK, no emulator.
// The locales registered here have made-up tags, so no other test's language changes.
import { expect, fixture } from '@open-wc/testing';
import { html, LitElement, type TemplateResult } from 'lit';
import { LocalizeController, type LocalizedHost } from '../../../src/controllers/localize.js';
import type { MfaStrings } from '../../../src/strings/en.js';
import { registerLocale } from '../../../src/strings/locales.js';
import { deferred, mount, tagFor } from './host.js';

const english = {
  authVerify: 'Verify',
  errorWrongCode: '',
  errorGeneric: 'Something went wrong. Try again.',
  smsResendIn: 'Resend in {seconds} s',
} satisfies Partial<MfaStrings>;

class LocalizeHost extends LitElement implements LocalizedHost {
  static override properties = { strings: { attribute: false } };
  strings?: Partial<MfaStrings>;
  readonly localize = new LocalizeController(this, english);
  override render(): TemplateResult {
    return html`<button>${this.localize.t('authVerify')}</button>`;
  }
}
const tag = tagFor('localize');
customElements.define(tag, LocalizeHost);

const shown = (el: LocalizeHost) => el.shadowRoot!.querySelector('button')!.textContent!.trim();

describe('LocalizeController (the words an element shows)', () => {
  it('shows its own English when nothing else is given', async () => {
    const el = await mount<LocalizeHost>(tag);
    expect(shown(el)).to.equal('Verify');
    expect(el.localize.lang).to.equal('en');
  });

  it('shows an override before the language, and a blank override falls through', async () => {
    registerLocale('zz', { authVerify: 'Zverify' });
    const el = await fixture<LocalizeHost>(`<div lang="zz"><${tag}></${tag}></div>`).then(
      (div) => div.firstElementChild as LocalizeHost,
    );
    expect(shown(el), 'the language table').to.equal('Zverify');
    el.strings = { authVerify: 'Check it' };
    await el.updateComplete;
    expect(shown(el), 'the element override').to.equal('Check it');
    el.strings = { authVerify: '   ' };
    await el.updateComplete;
    expect(shown(el), 'a blank override hides nothing').to.equal('Zverify');
  });

  it('reads an error with no words of its own as the generic error', async () => {
    const el = await mount<LocalizeHost>(tag);
    expect(el.localize.t('errorWrongCode')).to.equal('Something went wrong. Try again.');
  });

  it('fills placeholders, writing numbers as the language writes them', async () => {
    const el = await fixture<LocalizeHost>(`<div lang="ar-EG"><${tag}></${tag}></div>`).then(
      (div) => div.firstElementChild as LocalizeHost,
    );
    expect(el.localize.t('smsResendIn', { seconds: 6 })).to.equal('Resend in ٦ s');
  });

  it('takes the lang of the nearest ancestor, across a shadow root, best match by prefix', async () => {
    registerLocale('zy', { authVerify: 'Yverify' });
    const outer = await fixture<HTMLElement>(html`<section lang="zy-QQ"></section>`);
    const root = outer.attachShadow({ mode: 'open' });
    const el = document.createElement(tag) as LocalizeHost;
    root.append(el);
    await el.updateComplete;
    expect(el.localize.lang).to.equal('zy');
    expect(shown(el)).to.equal('Yverify');
  });

  it('shows the new language when a lang attribute changes, without being told', async () => {
    registerLocale('zx', { authVerify: 'Xverify' });
    const div = await fixture<HTMLElement>(`<div lang="en"><${tag}></${tag}></div>`);
    const el = div.firstElementChild as LocalizeHost;
    expect(shown(el)).to.equal('Verify');
    div.lang = 'zx';
    await new Promise<void>((resolve) => {
      const check = () => (shown(el) === 'Xverify' ? resolve() : requestAnimationFrame(check));
      check();
    });
    expect(shown(el)).to.equal('Xverify');
  });

  it('shows English until a lazily loaded language arrives, then that language', async () => {
    const table = deferred<Partial<MfaStrings>>();
    registerLocale('zw', () => table.promise);
    const div = await fixture<HTMLElement>(`<div lang="zw"><${tag}></${tag}></div>`);
    const el = div.firstElementChild as LocalizeHost;
    expect(shown(el), 'while it loads').to.equal('Verify');
    table.resolve({ authVerify: 'Wverify' });
    await table.promise;
    await Promise.resolve();
    await el.updateComplete;
    expect(shown(el), 'once it arrived').to.equal('Wverify');
  });

  it('stops listening when removed: a later language change renders nothing', async () => {
    const div = await fixture<HTMLElement>(`<div><${tag}></${tag}></div>`);
    const el = div.firstElementChild as LocalizeHost;
    el.remove();
    let updates = 0;
    const original = el.requestUpdate.bind(el);
    el.requestUpdate = (...args: Parameters<LitElement['requestUpdate']>) => {
      updates += 1;
      original(...args);
    };
    registerLocale('zv', { authVerify: 'Vverify' });
    expect(updates).to.equal(0);
  });
});
