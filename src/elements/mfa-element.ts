import type { nothing, PropertyDeclarations } from 'lit';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { AsyncCall } from '../controllers/async-call.js';
import { ClientController, type CallContext } from '../controllers/client.js';
import { Restarter } from '../controllers/restart.js';
import { LocalizeController } from '../controllers/localize.js';
import { emit, type StepDetail } from '../events.js';
import { shared } from '../strings/en/shared.js';
import type { MfaStrings, StringKey } from '../strings/locales.js';
import { toFailure, type Failure } from '../stytch/errors.js';
import type { AuthResponse } from '../stytch/member.js';
import type { MfaClient } from '../stytch/types.js';
import { base } from '../styles/base.js';
import { tokens } from '../styles/tokens.js';
import type { MfaMethod, MfaStep } from '../types.js';

export type { CallContext };

/** Where a failure's message goes, instead of the `error` part. */
export type ShowFailure = (message: string, failure: Failure) => void;

/**
 * What every element that calls Stytch shares: the client, who is authenticating, strings, the
 * current step and how failures are reported. Elements extend it; it is not registered itself.
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
      setupMessage: { state: true, attribute: false },
      errorMessage: { state: true, attribute: false },
      status: { state: true, attribute: false },
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

  /** A message about the element's setup (no client, no member) shown instead of a step. */
  protected setupMessage = '';
  /** The message of the last failure, shown in the `error` part. @internal */
  errorMessage = '';
  /** What the `status` part announces politely. */
  protected status = '';
  /** Where calls go and for whom, once the element has started. @internal */
  context: CallContext | null = null;

  /** What the element starts from: a new value starts it again (see `Restarter`). */
  protected static restartOn: readonly string[] = ['client', 'authResponse', 'organizationId', 'memberId'];

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof MfaElement).english);
  /** Finds the client: the element's own, else the nearest provider's. */
  protected readonly finder = new ClientController(this);
  /** @internal */
  readonly calls = new AsyncCall(this);
  private readonly starts = new Restarter(
    this,
    (this.constructor as typeof MfaElement).restartOn,
    (restart) => this.startOnce(restart),
  );

  private currentStep: MfaStep | null = null;

  /** The step shown now (reflected to the `step` attribute). */
  get step(): MfaStep | null {
    return this.currentStep;
  }

  protected get t() {
    return this.localize.t.bind(this.localize);
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
    if (restart) this.errorMessage = this.status = '';
    const go = await this.prepare();
    this.starts.read();
    if (!go) return;
    const context = await this.ready();
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
   * The one way the elements make a call: once at a time (while one is pending another is refused),
   * and a failure is shown (`how.show`, else in the `error` part) and fired as `mfa-error`, then
   * handed to `onFailure`. Resolves with `{ value }`, or null when refused or failed. @internal
   */
  async attempt<T>(
    name: string,
    task: () => Promise<T>,
    onFailure?: (failure: Failure) => unknown,
    how: { values?: Record<string, string | number>; show?: ShowFailure } = {},
  ): Promise<{ value: T } | null> {
    const result = await this.calls.run(name, task);
    if (result?.ok) return result;
    if (result) {
      const failure = await toFailure(result.error);
      await onFailure?.(
        this.fail(failure, { seconds: failure.retryAfterSeconds ?? 0, ...how.values }, how.show),
      );
    }
    return null;
  }

  /**
   * Waits for a module a step needs (an element, a step's code). Resolves with it, or with null after
   * showing a failure to load it as a network failure.
   */
  protected async loaded<T>(module: Promise<T>): Promise<T | null> {
    try {
      return await module;
    } catch {
      this.fail({ code: 'network', key: 'errorNetwork', recoverable: true });
      return null;
    }
  }

  /** Focuses the first match of `selector` once the element has rendered. @internal */
  async focusPart(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The setup message instead of a step, or the step and the `status` part. */
  protected renderFrame(body: TemplateResult | typeof nothing): TemplateResult {
    if (this.setupMessage) return html`<p part="error" role="alert">${this.setupMessage}</p>`;
    return html`
      ${body}
      <p part="status" role="status" class=${this.step === 'done' ? 'done' : ''}>${this.status}</p>
    `;
  }

  /** Moves to a step: reflects it and fires `mfa-step` when it changed. */
  protected setStep(step: MfaStep, method: MfaMethod | null): void {
    if (step === this.currentStep) return;
    this.currentStep = step;
    this.setAttribute('step', step);
    this.requestUpdate();
    emit(this, 'mfa-step', { step, method });
  }

  /**
   * For elements that host another: an inner element's `mfa-step` becomes this element's step, so
   * the page hears one stream of steps from the element it placed.
   */
  protected relayStep(event: CustomEvent<StepDetail>): void {
    if (event.target === this) return;
    event.stopPropagation();
    this.setStep(event.detail.step, event.detail.method);
  }

  /** Shows a failure (in the `error` part, or where `show` puts it) and fires `mfa-error`. @internal */
  fail(failure: Failure, values?: Record<string, string | number>, show?: ShowFailure): Failure {
    const message = this.t(failure.key, values);
    if (show) show(message, failure);
    else this.errorMessage = message;
    emit(this, 'mfa-error', {
      code: failure.code,
      message,
      step: this.currentStep,
      recoverable: failure.recoverable,
    });
    return failure;
  }

  /** Where calls go and for whom, or null after showing why not (`no_client`, `no_session`). */
  protected async ready(): Promise<CallContext | null> {
    const context = await this.finder.context();
    if (context === 'no_client') return this.setupFailed(context, 'noClient');
    if (context === 'no_session') return this.setupFailed(context, 'noMember');
    this.setupMessage = '';
    return context;
  }

  /** Shows why the element cannot start (no client, no member) and fires `mfa-error`. */
  protected setupFailed(code: string, key: StringKey): null {
    if (this.starts.again) return null; // read from values already replaced: start again, quietly
    this.setupMessage = this.t(key);
    emit(this, 'mfa-error', { code, message: this.setupMessage, step: null, recoverable: false });
    return null;
  }
}
