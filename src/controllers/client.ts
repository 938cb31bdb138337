import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { clientContext, type ClientSource } from '../stytch/context.js';
import type { StytchClient } from '../stytch/types.js';

export interface ClientHost extends ReactiveElement {
  client?: StytchClient | null;
}

function closestAcrossShadows(element: Element, selector: string): Element | null {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.parentElement?.closest(selector) ?? null;
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
    if (node?.matches(selector)) return node;
  }
  return null;
}

/**
 * Finds the Stytch client for an element: its own `client` property, else the nearest provider's
 * (Lit context, across shadow roots). An `<mfa-provider>` that is not defined yet is waited for.
 */
export class ClientController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof clientContext, ClientHost>;

  constructor(private readonly host: ClientHost) {
    this.consumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  /** Where the client comes from now, without creating it: the element's own, or a provider. */
  get source(): ClientSource | null {
    const own = this.host.client;
    if (own) return { client: own, getClient: () => Promise.resolve(own) };
    return this.consumer.value ?? null;
  }

  /**
   * Where the client comes from, once an ancestor `<mfa-provider>` is defined; null when there is none.
   * Reading the source's `client` creates it, so elements do that only when they make a call.
   */
  async resolve(): Promise<ClientSource | null> {
    if (this.source) return this.source;
    const provider = closestAcrossShadows(this.host, 'mfa-provider');
    if (!provider) return null;
    await customElements.whenDefined('mfa-provider');
    return this.source ?? (provider as unknown as ClientSource);
  }
}
