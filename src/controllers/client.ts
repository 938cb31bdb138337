import type { ReactiveController, ReactiveElement } from 'lit';
import { clientContext, type ClientSource } from '../stytch/context.js';
import { resolveWho, sessionAnswer, type AuthResponse, type Who } from '../stytch/member.js';
import { loadErrorTypes } from '../stytch/errors.js';
import type { MfaClient } from '../stytch/types.js';

export interface ClientHost extends ReactiveElement {
  client?: MfaClient | null;
  authResponse?: AuthResponse | null;
  organizationId?: string;
  memberId?: string;
}

/** Where an element's calls go and for whom, once it has started. */
export interface CallContext {
  readonly who: Who;
  /** The client, loading the SDK and creating it on first use. */
  api(): Promise<MfaClient>;
  /** The client if it exists already (to hand to an inner element), else null. */
  readonly client: MfaClient | null;
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
 * A `context-request` event of the community context protocol (what `@lit/context` providers answer),
 * written out here so consumers need not load `@lit/context` for one subscription.
 */
class ContextRequest extends Event {
  constructor(
    readonly context: typeof clientContext,
    readonly contextTarget: Element,
    readonly callback: (value: ClientSource | undefined, unsubscribe?: () => void) => void,
    readonly subscribe = true,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

/**
 * Resolves once a page's scripts that run after the kit's (a module script that sets `authResponse`)
 * have run, so the SDK is not loaded to learn what the page was about to say: at `DOMContentLoaded`
 * (fired once every deferred and module script of the page's markup has run), heard on the window,
 * so after the page's own listeners on the document; one task from now if it has fired. One task
 * alone is not enough: a browser may run a timer between two of the page's module scripts. Nor is a
 * task after the event: it may wait behind a frame, painted without the step. A clock too coarse to
 * date the event (a privacy mode rounds navigation timing to 100 ms, so an early `DOMContentLoaded`
 * reads as 0) cannot tell it has fired: the page's `load` event ends that wait. At most 10 s: a
 * document whose listeners `document.open()` erased goes on.
 */
export const afterPageScripts = (): Promise<unknown> =>
  new Promise((resolve) => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const pending = document.readyState != 'complete' && navigation?.domContentLoadedEventStart == 0;
    if (pending) {
      addEventListener('DOMContentLoaded', resolve);
      addEventListener('load', resolve);
    }
    setTimeout(resolve, pending ? 10_000 : 0);
  });

/**
 * Resolves once the page has loaded (its `load` event: its scripts have run, module scripts
 * included); true when it had to wait for it.
 */
export function pageLoaded(): Promise<boolean> {
  if (document.readyState === 'complete') return Promise.resolve(false);
  return new Promise((resolve) => addEventListener('load', () => resolve(true), { once: true }));
}

/**
 * A source for a client the page gave. A backend client (`createBackendClient`) that does not know
 * the member yet asks the host's server first, so that `self.getSync()` does.
 */
export function sourceOf(client: MfaClient): ClientSource {
  const backend = client as MfaClient & { getAuthResponse?: () => Promise<AuthResponse | null> };
  if (!backend.getAuthResponse) {
    return {
      client,
      getClient: () => Promise.resolve(client),
      getAuthResponse: () => Promise.resolve(sessionAnswer(client)),
    };
  }
  const getAuthResponse = () => backend.getAuthResponse!();
  return {
    client,
    getAuthResponse,
    // Once the member is known (an earlier answer), calls need not ask the server who it is.
    getClient: () =>
      client.self.getSync()
        ? Promise.resolve(client)
        : getAuthResponse().then(
            () => client,
            () => client, // the first call will meet the same failure and show it
          ),
  };
}

/**
 * Finds the Stytch client for an element: its own `client` property, else the nearest provider's
 * (the context protocol, across shadow roots). An `<mfa-provider>` that is not defined yet is waited for.
 */
export class ClientController implements ReactiveController {
  private provided: ClientSource | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ClientHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(
      new ContextRequest(clientContext, this.host, (value, unsubscribe) => {
        // A different unsubscribe means a different provider: leave the old one.
        if (this.unsubscribe !== unsubscribe) this.unsubscribe?.();
        this.provided = value;
        this.unsubscribe = unsubscribe;
        this.host.requestUpdate();
      }),
    );
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Where the client comes from now, without creating it: the element's own, or a provider. */
  get source(): ClientSource | null {
    const own = this.host.client;
    if (own) return sourceOf(own);
    return this.provided ?? null;
  }

  /**
   * Where the client comes from, once an ancestor `<mfa-provider>` is defined; null when there is none.
   * The source's `client` is null until `getClient()` creates it, which elements call only when they
   * make a call (or must read a signed-in member).
   */
  async resolve(): Promise<ClientSource | null> {
    if (this.source) return this.source;
    const provider = closestAcrossShadows(this.host, 'mfa-provider');
    if (!provider) return null;
    await customElements.whenDefined('mfa-provider');
    return this.source ?? (provider as unknown as { source: ClientSource }).source;
  }

  /**
   * Where calls go and for whom, or why not (`no_client`, `no_session`). The client is created here
   * only if the member must be read from it (a signed-in member); otherwise on the first call, so
   * the first step paints without waiting for the SDK.
   */
  async context(): Promise<CallContext | 'no_client' | 'no_session'> {
    const source = await this.resolve();
    if (!source) return 'no_client';
    const host = this.host;
    const attrs = { organizationId: host.organizationId ?? '', memberId: host.memberId ?? '' };
    let who = resolveWho(attrs, host.authResponse, null);
    if (!who.organizationId || !who.memberId) {
      await afterPageScripts(); // (a later change of the IDs starts the element again)
      who = resolveWho(attrs, host.authResponse, await source.getClient());
    }
    if (!who.organizationId || !who.memberId) return 'no_session';
    return {
      who,
      async api(): Promise<MfaClient> {
        void loadErrorTypes().catch(() => undefined); // so a failure can be described at once
        const client = await source.getClient();
        if (!client) throw new Error('mfa-provider: no public-token or client');
        return client;
      },
      get client() {
        return source.client;
      },
    };
  }
}
