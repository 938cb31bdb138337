// The context request alone: how an element finds its Stytch client — its own `client` first, else
// the nearest provider that answers the `context-request` event (across shadow roots), following
// that provider's changes and leaving it when it moves under another. A minimal provider element
// (Lit's own ContextProvider over the kit's `clientContext`) and a minimal consumer; no SDK, no
// emulator: the "clients" are plain objects the test compares by identity.
import { ContextProvider } from '@lit/context';
import { expect, fixture } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { ClientController, type ClientHost } from '../../../src/controllers/client.js';
import { clientContext, type ClientSource } from '../../../src/stytch/context.js';
import type { MfaClient } from '../../../src/stytch/types.js';
import { tagFor } from './host.js';

const source = (name: string): ClientSource & { name: string } => ({
  name,
  client: null,
  getClient: () => Promise.resolve(null),
});

class ProviderHost extends LitElement {
  readonly provider = new ContextProvider(this, { context: clientContext, initialValue: source('first') });
  override render() {
    return html`<slot></slot>`;
  }
}
const providerTag = tagFor('context-provider');
customElements.define(providerTag, ProviderHost);

class ConsumerHost extends LitElement implements ClientHost {
  static override properties = { client: { attribute: false } };
  client?: MfaClient | null;
  renders = 0;
  readonly clients = new ClientController(this);
  override render() {
    this.renders += 1;
    return html``;
  }
}
const consumerTag = tagFor('context-consumer');
customElements.define(consumerTag, ConsumerHost);

const nameOf = (el: ConsumerHost) => (el.clients.source as { name?: string } | null)?.name ?? null;

describe('the context request (where an element finds its client)', () => {
  it('gets the nearest provider’s source', async () => {
    const provider = await fixture<ProviderHost>(
      `<${providerTag}><${consumerTag}></${consumerTag}></${providerTag}>`,
    );
    const el = provider.querySelector<ConsumerHost>(consumerTag)!;
    expect(nameOf(el)).to.equal('first');
    expect(await el.clients.resolve()).to.equal(el.clients.source);
  });

  it('finds a provider across a shadow root', async () => {
    const provider = await fixture<ProviderHost>(`<${providerTag}><div></div></${providerTag}>`);
    const root = provider.querySelector('div')!.attachShadow({ mode: 'open' });
    const el = document.createElement(consumerTag) as ConsumerHost;
    root.append(el);
    await el.updateComplete;
    expect(nameOf(el)).to.equal('first');
  });

  it('follows the provider’s new value and renders again', async () => {
    const provider = await fixture<ProviderHost>(
      `<${providerTag}><${consumerTag}></${consumerTag}></${providerTag}>`,
    );
    const el = provider.querySelector<ConsumerHost>(consumerTag)!;
    await el.updateComplete;
    const before = el.renders;
    provider.provider.setValue(source('second'));
    await el.updateComplete;
    expect(nameOf(el)).to.equal('second');
    expect(el.renders).to.be.greaterThan(before);
  });

  it('prefers its own client to the provider’s', async () => {
    const provider = await fixture<ProviderHost>(
      `<${providerTag}><${consumerTag}></${consumerTag}></${providerTag}>`,
    );
    const el = provider.querySelector<ConsumerHost>(consumerTag)!;
    const own = { self: { getSync: () => null } } as unknown as MfaClient;
    el.client = own;
    expect(el.clients.source?.client).to.equal(own);
  });

  it('leaves its old provider when moved under another', async () => {
    const box = await fixture<HTMLElement>(
      `<div><${providerTag} id="a"><${consumerTag}></${consumerTag}></${providerTag}><${providerTag} id="b"></${providerTag}></div>`,
    );
    const [a, b] = [...box.querySelectorAll<ProviderHost>(providerTag)] as [ProviderHost, ProviderHost];
    b.provider.setValue(source('b'));
    const el = a.querySelector<ConsumerHost>(consumerTag)!;
    b.append(el);
    await el.updateComplete;
    expect(nameOf(el)).to.equal('b');
    a.provider.setValue(source('a again'));
    await el.updateComplete;
    expect(nameOf(el), 'the old provider’s change no longer reaches it').to.equal('b');
  });

  it('with no provider and no client of its own, has none', async () => {
    const el = await fixture<ConsumerHost>(html`<div></div>`).then((div) => {
      const consumer = document.createElement(consumerTag) as ConsumerHost;
      div.append(consumer);
      return consumer;
    });
    expect(el.clients.source).to.equal(null);
    expect(await el.clients.resolve()).to.equal(null);
  });
});
