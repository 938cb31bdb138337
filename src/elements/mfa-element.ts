import type { PropertyDeclarations } from 'lit';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Calls } from '../controllers/calls.js';
import { ClientController, pageLoaded, type CallContext } from '../controllers/client.js';
import { Restarter } from '../controllers/restart.js';
import { LocalizeController, wordsNow, type Words } from '../controllers/localize.js';
import { Steps } from '../controllers/steps.js';
import { emit } from '../events.js';
import { shared } from '../strings/en/shared.js';
import type { MfaStrings, StringKey } from '../strings/locales.js';
import { loadErrorTypes } from '../stytch/errors.js';
import type { AuthResponse } from '../stytch/member.js';
import type { MfaClient } from '../stytch/types.js';
import { base } from '../styles/base.js';
import { tokens } from '../styles/tokens.js';
import type { MfaStep } from '../types.js';

export type { CallContext };

/**
 * Every part of the kit's elements that others render (fields, factors, recovery codes, enroll and
 * authenticate), for their `exportparts`: the page styles what the member sees from the element it
 * placed (`mfa-flow::part(error)` reaches the message under a code field three elements down). A
 * name the inner element lacks costs nothing. (Here, not in a module of its own: every element that
 * nests another extends `MfaElement`, so it ships with it rather than as a chunk of its own.)
 */
export const FORWARDED_PARTS =
  'acknowledge,back-button,cancel-button,code-input,code-list,confirm-button,copy-button,country-select,download-button,error,input,label,method-option,open-app,phone-input,print-button,qr-code,recovery-code-input,recovery-codes,resend-button,restart-button,rotate-button,secret,sign-in-link,sms-otp-input,status,submit-button,switch-method,title,totp-setup';

/**
 * What every element that calls Stytch shares: its inputs (the client, who is authenticating,
 * strings), starting — again when an input changes — and the frame around a step. Calls and their
 * failures go through `calls` (controllers/calls.ts), steps and focus through `steps`
 * (controllers/steps.ts). Elements extend it; it is not registered itself.
 *
 * The `--mfa-` custom properties below style every element (each inherits them in the manifest).
 *
 * @cssprop --mfa-color-primary - Accent color.
 * @cssprop --mfa-color-on-primary - Text on the accent color.
 * @cssprop --mfa-color-text - Text color.
 * @cssprop --mfa-color-muted - Secondary text color.
 * @cssprop --mfa-color-surface - Field background.
 * @cssprop --mfa-color-border - Field border.
 * @cssprop --mfa-color-error - Error color.
 * @cssprop --mfa-color-success - Success color.
 * @cssprop --mfa-focus-ring - Focus ring (a box-shadow).
 * @cssprop --mfa-radius - Corner radius.
 * @cssprop --mfa-spacing - Gap between parts.
 * @cssprop --mfa-font-family - Font.
 * @cssprop --mfa-font-size - Base font size.
 * @cssprop --mfa-color-scheme - `light` or `dark` to fix the scheme; by default the member's system setting.
 * @slot heading - Your own heading, above every step (hide the kit's with `::part(title)`; pick per
 *   step with the host's `step` attribute).
 * @slot help - Your own help text, below every step (a contact, a link to a guide).
 * @csspart title - Each step's title: restyle it, or hide it when you slot your own heading.
 * @csspart sign-in-link - With `sign-in-url`, once the sign-in ended (expired, or none): the link
 *   to sign in again.
 */
export abstract class MfaElement extends LitElement {
  static override styles = [tokens, base];

  /** The element's English: the last fallback of its strings (a subclass adds its own part). */
  static english: Partial<MfaStrings> = shared;

  /**
   * Declared here, not with decorators (their helpers cost ~1 KB on every first render); a getter for
   * lit-analyzer; `attribute: false` beside `state: true` keeps states out of the manifest's attributes.
   */
  static override get properties(): PropertyDeclarations {
    return {
      client: { attribute: false },
      authResponse: { attribute: false },
      organizationId: { attribute: 'organization-id' },
      memberId: { attribute: 'member-id' },
      sessionDurationMinutes: { type: Number, attribute: 'session-duration-minutes' },
      strings: { attribute: false },
      signInUrl: { attribute: 'sign-in-url' },
      ended: { state: true, attribute: false },
    };
  }

  /** The Stytch client to use; without one, the nearest `<mfa-provider>`'s. */
  client: MfaClient | null = null;
  /** What the primary `authenticate()` call returned (password, magic link, SSO, OAuth, discovery…). */
  authResponse: AuthResponse | null = null;
  /** The organization, when not read from `authResponse` or the session. */
  organizationId = '';
  /** The member, when not read from `authResponse` or the session. */
  memberId = '';
  /** Length of the session created on success. */
  sessionDurationMinutes = 60;
  /** Overrides of any of the element's strings. */
  strings: Partial<MfaStrings> = {};
  /**
   * Where the member signs in again when the sign-in ends here (`recoverable: false`: it expired, or
   * there is none): shown as a link (`part="sign-in-link"`) under the message.
   */
  signInUrl = '';
  /**
   * The sign-in ended here or inside (an unrecoverable failure): the step's controls are disabled
   * until the element starts again (new `authResponse`, `client`…). @internal
   */
  ended = false;

  /**
   * The messages on screen, kept as what words them (see `Words`) so a `lang` that changes, or a
   * locale that arrives, reaches a message already shown.
   */
  private readonly words = { setup: '' as Words, error: '' as Words, status: '' as Words };

  /** A message about the element's setup (no client, no member) shown instead of a step. */
  protected get setupMessage(): string {
    return wordsNow(this.words.setup);
  }
  protected set setupMessage(words: Words) {
    this.words.setup = words;
    this.requestUpdate();
  }

  /** The message of the last failure, shown in the `error` part. @internal */
  get errorMessage(): string {
    return wordsNow(this.words.error);
  }
  /** @internal */
  set errorMessage(words: Words) {
    this.words.error = words;
    this.requestUpdate();
  }

  /** What the `status` part announces politely. */
  protected get status(): string {
    return wordsNow(this.words.status);
  }
  protected set status(words: Words) {
    this.words.status = words;
    this.requestUpdate();
  }

  /** A message by its key, worded at each render (for `errorMessage`, `status`…). */
  protected say(key: StringKey, values?: Record<string, string | number>): Words {
    return () => this.t(key, values);
  }
  /** Where calls go and for whom, once the element has started. @internal */
  context: CallContext | null = null;

  /** What the element starts from: a new value starts it again (see `Restarter`). */
  protected static restartOn: readonly string[] = ['client', 'authResponse', 'organizationId', 'memberId'];

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof MfaElement).english);
  /** Finds the client: the element's own, else the nearest provider's. */
  protected readonly finder = new ClientController(this);
  /** Makes the element's calls and reports their failures. @internal */
  readonly calls = new Calls(this, this.localize);
  private readonly starts = new Restarter(
    this,
    (this.constructor as typeof MfaElement).restartOn,
    (restart) => this.startOnce(restart),
  );
  /** @internal */
  readonly steps = new Steps(this);
  /** The step shown now (reflected to the `step` attribute). */
  get step(): MfaStep | null {
    return this.steps.current;
  }

  protected get t() {
    return this.localize.t.bind(this.localize);
  }

  constructor() {
    super();
    // An element inside whose sign-in ended (it fires first) ends this one's controls too.
    this.addEventListener('mfa-error', (event) => {
      const from = event.composedPath()[0] as Partial<MfaElement>;
      if (!event.detail.recoverable && from.ended) this.ended = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.start());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forget();
  }

  protected override updated(changed: PropertyValues): void {
    this.starts.changed(changed);
  }

  /** Finds the client and the member, then `begin`s (again when `restartOn` values change). */
  protected start(): Promise<void> {
    if (this.context && !this.setupMessage && this.starts.unchanged) return Promise.resolve();
    return this.starts.run();
  }

  private async startOnce(restart: boolean): Promise<void> {
    if (restart) {
      this.errorMessage = this.status = '';
      this.ended = false;
    }
    const go = await this.prepare();
    this.starts.read();
    if (!go) return;
    const context = await this.ready();
    if (context) this.setupMessage = '';
    if (!this.isConnected) return; // removed while starting: nothing may start; connecting starts again
    this.context = context;
    if (!this.starts.again && context) await this.begin(context);
  }

  /**
   * What an element does before it looks for the client and the member (`<mfa-flow>` completes a
   * redirect login there). False when it has shown why it cannot go on, or needs nothing more.
   */
  protected prepare(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** The element's first step, once it has a client and knows the member. */
  protected abstract begin(context: CallContext): Promise<void>;

  /** Drops secrets (codes, keys) from the element: called when it is removed. */
  protected forget(): void {}

  /**
   * The setup message instead of a step, or the step and the `status` part. The step sits in a
   * fieldset that disables its controls once the sign-in ended (always there, so that ending keeps
   * the elements inside it: a new template would make new ones).
   */
  protected renderFrame(body: TemplateResult | typeof nothing): TemplateResult {
    if (this.setupMessage) {
      return html`<p part="error" role="alert">${this.setupMessage}</p>
        ${this.renderSignIn()}`;
    }
    return html`
      <slot name="heading"></slot>
      <fieldset ?disabled=${this.ended}>${body}</fieldset>
      ${this.renderSignIn()}
      <slot name="help"></slot>
      <p part="status" role="status" class=${this.step === 'done' ? 'done' : ''}>${this.status}</p>
    `;
  }

  /** Once the sign-in ended, the way on: `sign-in-url` as a link. */
  private renderSignIn(): TemplateResult | typeof nothing {
    if (!this.ended || !this.signInUrl) return nothing;
    return html`<p><a part="sign-in-link" href=${this.signInUrl}>${this.t('signInLink')}</a></p>`;
  }

  /**
   * Where calls go and for whom; null after showing why not, or while the page has yet to say.
   *
   * Waiting for the page to say who is signing in is not an error. Without a member, `no_session`
   * is final only when none can be coming: the page has loaded (its `load` event, so its own scripts
   * have run), the client holds no session, and the page is not signing the member in itself — it
   * did not ask `<mfa-provider>` for the client (`getClient()`). Until then the element waits
   * quietly, and starts when `authResponse`, `organization-id`/`member-id` or `client` are set.
   */
  protected async ready(): Promise<CallContext | null> {
    let context = await this.finder.context();
    if (context === 'no_session' && (await pageLoaded())) context = await this.finder.context();
    if (typeof context !== 'string') return context;
    if (context === 'no_session' && this.finder.source?.pageSignsIn?.()) return null;
    await this.setupFailed(context);
    return null;
  }

  /**
   * Shows why the element cannot start (no client, no member) and fires `mfa-error`. The messages
   * load with Stytch's error messages: a setup mistake is rare, and they stay out of the first render.
   */
  protected async setupFailed(code: 'no_client' | 'no_session'): Promise<void> {
    await loadErrorTypes().catch(() => undefined);
    if (this.starts.again) return; // read from values already replaced: start again, quietly
    this.ended = code === 'no_session';
    this.setupMessage = this.say(code === 'no_client' ? 'noClient' : 'noMember');
    emit(this, 'mfa-error', { code, message: this.setupMessage, step: null, recoverable: false });
  }
}
