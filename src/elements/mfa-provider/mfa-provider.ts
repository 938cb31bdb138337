import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, type ClientSource } from '../../stytch/context.js';
import { createClient } from '../../stytch/create-client.js';
import type { StytchClient } from '../../stytch/types.js';

/**
 * Creates (or is given) the Stytch client and provides it to every descendant element, across
 * shadow roots. Its children render in place (`display: contents`).
 *
 * The client is created after the first render — its constructor costs a noticeable moment on a
 * fresh page — or as soon as something asks for it.
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

  /** A Stytch public token (`public-token-test-…` or `public-token-live-…`). */
  @property({ attribute: 'public-token' }) publicToken = '';

  /** Base URL of a Stytch-compatible API (the emulator, or a proxy); the SDK's default when empty. */
  @property({ attribute: 'api-url' }) apiUrl = '';

  private given: StytchClient | null = null;
  private created: StytchClient | null = null;

  private readonly provider = new ContextProvider(this, { context: clientContext, initialValue: this });

  /**
   * The client in use. Set it to use an existing `StytchB2BHeadlessClient`; read it to share the
   * provider's client with your own primary-login code.
   */
  @property({ attribute: false })
  get client(): StytchClient | null {
    if (this.given) return this.given;
    if (!this.created && this.publicToken)
      this.created = createClient(this.publicToken, this.apiUrl || undefined);
    return this.created;
  }

  set client(value: StytchClient | null) {
    const old = this.given;
    this.given = value;
    this.requestUpdate('client', old);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('publicToken') || changed.has('apiUrl')) this.created = null;
    if (changed.size) this.provider.setValue(this, true);
  }

  protected override firstUpdated(): void {
    // After the first paint, create the client so the first call does not wait for it.
    requestAnimationFrame(() => setTimeout(() => void this.client));
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('mfa-provider')) customElements.define('mfa-provider', MfaProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-provider': MfaProvider;
  }
}
