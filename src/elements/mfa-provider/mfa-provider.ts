import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type TemplateResult, type PropertyDeclarations } from 'lit';
import { sourceOf } from '../../controllers/client.js';
import type { BackendClient } from '../../stytch/backend-client.js';
import { clientContext, type ClientSource } from '../../stytch/context.js';
import { createClient, existingClient } from '../../stytch/create-client.js';
import { sessionAnswer, type AuthResponse } from '../../stytch/member.js';
import type { MfaClient, StytchClient } from '../../stytch/types.js';

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
 * is not loaded, and `<mfa-flow>` asks the server who is signing in.
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
   * The client, loading the SDK and creating it first if need be; null without `public-token` or
   * `client`. Asking for it tells the elements inside that the page signs the member in itself: one
   * without a member waits quietly for `authResponse` (or the attributes) instead of firing
   * `mfa-error` `no_session`.
   */
  getClient(): Promise<StytchClient | null> {
    this.lent = true;
    return this.clientNow();
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

declare global {
  interface HTMLElementTagNameMap {
    'mfa-provider': MfaProvider;
  }
}
