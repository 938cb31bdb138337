import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type TemplateResult, type PropertyDeclarations } from 'lit';
import { sourceOf } from '../../controllers/client.js';
import type { BackendClient } from '../../stytch/backend-client.js';
import { askStateEarly } from '../../stytch/backend-post.js';
import { clientContext, type ClientSource } from '../../stytch/context.js';
import { createClient, existingClient, loadSdk } from '../../stytch/create-client.js';
import { sessionAnswer, type AuthResponse } from '../../stytch/member.js';
import type { MfaClient, StytchClient } from '../../stytch/types.js';

/** How long `getClient()` waits for a `public-token`, `client` or `backend-url` to be set. */
const CONFIGURE_WAIT_MS = 10_000;

/** A source whose `client` is read when asked (it is created later). */
function sourceFrom(current: () => MfaClient | null, rest: Omit<ClientSource, 'client'>): ClientSource {
  return {
    get client() {
      return current();
    },
    ...rest,
  };
}

/**
 * Creates (or is given) the Stytch client and provides it to every descendant element, across
 * shadow roots. Its children render in place (`display: contents`).
 *
 * The SDK loads and the client is created once an element inside has painted its first step — the
 * SDK is the largest part of the page and its constructor costs a noticeable moment — or as soon as
 * something asks for it (`await provider.getClient()`).
 *
 * With `backend-url` the elements make their calls through the host's own server instead
 * (`createMfaHandler` from `stytch-mfa-elements/server`), which keeps the member's session; the SDK
 * is not loaded, and `<mfa-flow>` asks the server who is signing in — unless the server wrote that
 * into the page, inside the provider (`mfaStateScript(answer)`: a `<script type="application/json"
 * data-mfa-state>`), which the provider takes, once, when its children are parsed.
 *
 * @summary Provides the Stytch B2B client to the elements inside it.
 * @slot - The elements that use the client.
 */
export class MfaProvider extends LitElement implements ClientSource {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override get properties(): PropertyDeclarations {
    return {
      publicToken: { attribute: 'public-token' },
      apiUrl: { attribute: 'api-url' },
      backendUrl: { attribute: 'backend-url' },
      client: { attribute: false },
    };
  }

  /** A Stytch public token (`public-token-test-…` or `public-token-live-…`). */
  publicToken = '';

  /** Base URL of a Stytch-compatible API (the emulator, or a proxy); the SDK's default when empty. */
  apiUrl = '';

  /**
   * Where the host mounted `createMfaHandler` (`/api/mfa`): the elements' calls go there instead of
   * to Stytch, and no Stytch token reaches the page.
   */
  backendUrl = '';

  private given: StytchClient | null = null;
  private backend: BackendClient | null = null;

  /**
   * The page asked for the client (`getClient()`): it signs the member in itself, so an element
   * without a member waits for it instead of reporting `no_session`.
   */
  private lent = false;

  /** `getClient()` calls waiting for something to make the client from; each checks again when called. */
  private readonly waiting = new Set<(removed: boolean) => void>();

  /** What the elements use: the same client, without counting as the page's own use of it. @internal */
  readonly source: ClientSource = sourceFrom(() => this.current, {
    getClient: () => this.clientNow(),
    getAuthResponse: () => this.getAuthResponse(),
    pageSignsIn: () => this.lent,
  });

  private readonly provider = new ContextProvider(this, {
    context: clientContext,
    initialValue: this.source,
  });

  /**
   * The client in use (null until it is created, just after the first step is shown). Set it to use an
   * existing `StytchB2BHeadlessClient`; read it to share the provider's client with your own
   * primary-login code — or `await getClient()`, which creates it if need be.
   */
  get client(): StytchClient | null {
    return this.current;
  }

  private get current(): StytchClient | null {
    if (this.given) return this.given;
    // In backend mode, the backend client: it has only the calls the elements make (MfaClient).
    if (this.backendUrl) return this.backend as unknown as StytchClient | null;
    return this.publicToken ? existingClient(this.publicToken, this.apiUrl || undefined) : null;
  }

  set client(value: StytchClient | null) {
    const old = this.given;
    this.given = value;
    this.requestUpdate('client', old);
  }

  /**
   * The client, loading the SDK and creating it first if need be (in backend mode, the client that
   * calls your server). It always settles:
   * - with `public-token`, `client` or `backend-url` set, it resolves once the client is made (it
   *   rejects if the SDK cannot load);
   * - with none of them yet, it waits for one to be set (a framework may set them just after the
   *   element connects), and rejects with an `Error` saying so if none is within 10 seconds, or if
   *   the provider is removed from the page meanwhile (a move within the page is not a removal).
   *
   * Asking for it tells the elements inside that the page signs the member in itself: one without a
   * member waits quietly for `authResponse` (or the attributes) instead of firing `mfa-error`
   * `no_session`. Call it once the element is defined (`await customElements.whenDefined('mfa-provider')`
   * if the kit may load after your script).
   */
  async getClient(): Promise<StytchClient> {
    this.lent = true;
    await this.configured();
    const client = await this.clientNow();
    if (!client)
      throw new Error('mfa-provider: no public-token, client or backend-url to make a client from.');
    return client;
  }

  /**
   * Starts loading the SDK now, without creating the client: for a magic link's landing, which needs
   * it before anything else (not in backend mode, nor with a client given). @internal
   */
  preload(): void {
    if (this.publicToken && !this.backendUrl && !this.given) void loadSdk().catch(() => undefined);
  }

  private hasWayToClient(): boolean {
    return Boolean(this.given || this.backendUrl || this.publicToken);
  }

  /** Resolves once a client can be made; rejects after {@link CONFIGURE_WAIT_MS}, or on removal. */
  private configured(): Promise<void> {
    if (this.hasWayToClient()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const stop = (error?: Error) => {
        clearTimeout(timer);
        this.waiting.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = (removed: boolean) => {
        if (this.hasWayToClient()) stop();
        else if (removed)
          stop(
            new Error(
              'mfa-provider: removed from the page before a public-token, client or backend-url was set.',
            ),
          );
      };
      const timer = setTimeout(() => {
        const seconds = CONFIGURE_WAIT_MS / 1000;
        stop(
          new Error(
            `mfa-provider: no public-token, client or backend-url was set within ${seconds} s of getClient().`,
          ),
        );
      }, CONFIGURE_WAIT_MS);
      this.waiting.add(check);
    });
  }

  // Any property set (an attribute, `client`) may be what a waiting getClient() needs.
  override requestUpdate(name?: PropertyKey, oldValue?: unknown): void {
    super.requestUpdate(name, oldValue);
    for (const check of [...(this.waiting ?? [])]) check(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Still off the page once the current task's DOM changes are done: removed, not moved.
    queueMicrotask(() => {
      if (!this.isConnected) for (const check of [...this.waiting]) check(true);
    });
  }

  private async clientNow(): Promise<StytchClient | null> {
    if (this.given) return this.given;
    if (this.backendUrl) {
      const backend = await this.backendClient();
      await sourceOf(backend).getClient();
      return backend as unknown as StytchClient;
    }
    if (!this.publicToken) return null;
    const client = await createClient(this.publicToken, this.apiUrl || undefined);
    this.requestUpdate('client');
    return client;
  }

  /**
   * Who is signing in when no primary-auth answer was given: in backend mode, from the host's
   * session; with the browser SDK, the client's own session (as after a reload), or null.
   */
  async getAuthResponse(): Promise<AuthResponse | null> {
    if (this.given) return sourceOf(this.given).getAuthResponse?.() ?? null;
    if (this.backendUrl) return (await this.backendClient()).getAuthResponse();
    const client = await this.clientNow();
    return client && sessionAnswer(client);
  }

  private async backendClient(): Promise<BackendClient> {
    const { backendClientFor } = await import('../../stytch/backend-client.js');
    const backend = backendClientFor(this.backendUrl);
    if (backend !== this.backend) {
      this.backend = backend;
      this.requestUpdate('client');
    }
    return backend;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const url = this.backendUrl;
    if (!url) return;
    queueMicrotask(() => this.early(url));
    void import('../../stytch/backend-client.js').catch(() => undefined);
  }

  /**
   * Backend mode with an <mfa-flow> in the page's markup, defined with the provider (the same
   * script): it will ask the host's server who is signing in as it starts; ask now, so the answer
   * travels while the kit renders, not after. (A flow defined later asks itself: the session may
   * have changed by then.) The host's server may have written that answer into the page
   * (`mfaStateScript`): taken instead, once. The backend client's module, a chunk of a bundled app,
   * loads beside it.
   */
  private early(url: string): void {
    // Once the provider's children have all been parsed (a classic script in <head> defines it at
    // its start tag), and before the flow, which waits for the page's scripts, asks.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.early(url), { once: true });
      return;
    }
    if (!this.isConnected) return;
    const given = this.own('script[data-mfa-state]');
    given?.remove();
    if (given) askStateEarly(url, given.textContent ?? '');
    else if (customElements.get('mfa-flow') && this.own('mfa-flow')) askStateEarly(url);
  }

  /** The first element inside this provider that matches `selector`, not inside a nested provider. */
  private own(selector: string): Element | undefined {
    return [...this.querySelectorAll(selector)].find((element) => element.closest('mfa-provider') === this);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.size) this.provider.setValue(this.source, true);
  }

  protected override firstUpdated(): void {
    // Once an element inside shows its first step (and that frame is painted), load the SDK and
    // create the client, so the first call need not wait. Not sooner: creating it costs tens of
    // milliseconds of script that would delay that first step. (In backend mode, only the small
    // client: who is signing in is asked when an element needs it.)
    const warm = () =>
      requestAnimationFrame(() =>
        setTimeout(() => void (this.backendUrl ? this.backendClient() : this.clientNow())),
      );
    this.addEventListener('mfa-step', warm, { once: true });
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-provider'`.
export type { StytchClient } from '../../stytch/types.js';

if (!customElements.get('mfa-provider')) customElements.define('mfa-provider', MfaProvider);

// A magic link's landing in the page's markup needs the SDK before anything else: start loading it
// as this module runs, before the rest of the kit's code has (the flow asks again as it connects).
if (
  new URLSearchParams(location.search).has('token') &&
  document.querySelector('mfa-provider[public-token]:not([backend-url]) mfa-flow[handle-redirect]')
)
  void loadSdk().catch(() => undefined);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-provider': MfaProvider;
  }
}
