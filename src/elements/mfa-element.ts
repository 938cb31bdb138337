import type { nothing, PropertyDeclarations } from 'lit';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { AsyncCall } from '../controllers/async-call.js';
import { ClientController } from '../controllers/client.js';
import { LocalizeController } from '../controllers/localize.js';
import { emit, type StepDetail } from '../events.js';
import { shared } from '../strings/en/shared.js';
import type { MfaStrings, StringKey } from '../strings/locales.js';
import { loadErrorTypes, toFailure, type Failure } from '../stytch/errors.js';
import { resolveWho, type AuthResponse, type Who } from '../stytch/member.js';
import type { Member, MemberSession, MfaClient, Organization } from '../stytch/types.js';
import { base } from '../styles/base.js';
import { tokens } from '../styles/tokens.js';
import type { Enrollment, MfaMethod, MfaStep } from '../types.js';

/** What an element needs to make calls: who is authenticating, and the client (created on first use). */
export interface Ready {
  readonly who: Who;
  /** The client, loading the SDK and creating it on first use. */
  api(): Promise<MfaClient>;
  /** The client if it exists already (to hand to an inner element), else null. */
  readonly client: MfaClient | null;
}

/**
 * Every part of the kit's elements that others render (fields, factors, recovery codes, enroll and
 * authenticate), for their `exportparts`: the page styles what the member sees from the element it
 * placed (`mfa-flow::part(error)` reaches the message under a code field three elements down). A
 * name the inner element lacks costs nothing.
 */
export const FORWARDED_PARTS =
  'acknowledge,back-button,code-input,code-list,copy-button,country-select,download-button,error,input,label,method-option,open-app,phone-input,print-button,qr-code,recovery-code-input,recovery-codes,resend-button,restart-button,rotate-button,secret,sms-otp-input,status,submit-button,switch-method,totp-setup';

/**
 * What every element that calls Stytch shares: the client, who is authenticating, strings, the
 * current step and how failures are reported. Elements extend it; it is not registered itself.
 */
export abstract class MfaElement extends LitElement {
  static override styles = [tokens, base];

  /** The element's English: the last fallback of its strings (a subclass adds its own part). */
  static english: Partial<MfaStrings> = shared;

  /**
   * Reactive properties, declared here rather than with decorators: the decorator helpers cost about
   * 1 KB compressed on every first render. Each field below keeps its documentation. A getter, because
   * lit-analyzer reads only that form; `attribute: false` beside `state: true` because the manifest
   * analyzer would otherwise list the state as an attribute.
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
      codeError: { state: true, attribute: false },
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

  /** The message of the last failure, shown in the `error` part. */
  protected errorMessage = '';

  /** A failure about the code typed, shown under the code field. */
  protected codeError = '';

  /** What the `status` part announces politely. */
  protected status = '';

  /** Where calls go and for whom, once the element has started. */
  protected session: Ready | null = null;

  /**
   * What the element starts from. Set at any moment — before the kit loads, while the client loads,
   * after a failed start or later — a new value starts the element again from the latest values.
   */
  protected static restartOn: readonly string[] = ['client', 'authResponse', 'organizationId', 'memberId'];

  private starting = false;
  /** The `restartOn` values the last start read (see `inputs`); null before, and while preparing. */
  private startedWith: unknown[] | null = null;
  private restartQueued = false;

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof MfaElement).english);
  protected readonly clients = new ClientController(this);
  protected readonly calls = new AsyncCall(this);

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

  /**
   * The `restartOn` values: plain objects (a primary-auth response) by their content, so an equal
   * object handed down again starts nothing over; anything else (a client) as itself.
   */
  private inputs(): unknown[] {
    return (this.constructor as typeof MfaElement).restartOn.map((name) => {
      const value = (this as unknown as Record<string, unknown>)[name];
      return value && Object.getPrototypeOf(value) === Object.prototype ? JSON.stringify(value) : value;
    });
  }

  /** Whether the `restartOn` values are those the last start read. */
  private unchanged(): boolean {
    const now = this.inputs();
    return this.startedWith?.every((value, i) => value === now[i]) ?? false;
  }

  protected override updated(changed: PropertyValues): void {
    const restartOn = (this.constructor as typeof MfaElement).restartOn;
    if (!this.startedWith || !restartOn.some((name) => changed.has(name)) || this.unchanged()) return;
    if (this.starting) this.restartQueued = true;
    else void this.start();
  }

  /**
   * Finds the client and the member, then `begin`s — again, from the latest values, whenever one of
   * `restartOn` changes (also while this is under way). Reconnecting with the same values does nothing.
   */
  protected async start(): Promise<void> {
    if (this.starting || (this.session && !this.setupMessage && this.unchanged())) return;
    this.starting = true;
    try {
      do {
        if (this.startedWith) this.errorMessage = this.codeError = this.status = '';
        this.restartQueued = false;
        this.startedWith = null;
        const go = await this.prepare();
        this.startedWith = this.inputs();
        if (!go) continue;
        this.session = await this.ready();
        if (!this.restartQueued && this.session) await this.begin(this.session);
      } while (this.restartQueued);
    } finally {
      this.starting = false;
    }
  }

  /**
   * What an element does before it looks for the client and the member (`<mfa-flow>` completes a
   * redirect login there). False when it has shown why it cannot go on, or needs nothing more.
   */
  protected prepare(): Promise<boolean> {
    return Promise.resolve(true);
  }

  /** The element's first step, once it has a client and knows the member. */
  protected abstract begin(session: Ready): Promise<void>;

  /** Drops secrets (codes, keys) from the element: called when it is removed. */
  protected forget(): void {}

  /**
   * Shows a failure: one about the code goes under the code field, which is cleared; others go to
   * the `error` part. Returns whether it was about the code.
   */
  protected showFailure(failure: Failure, aboutTheCode: ReadonlySet<string>): boolean {
    const codeFailure = aboutTheCode.has(failure.code);
    this.codeError = codeFailure ? this.errorMessage : '';
    if (codeFailure) {
      this.errorMessage = '';
      const field = this.renderRoot.querySelector<HTMLElement & { value: string }>('mfa-code-input');
      if (field) field.value = '';
    }
    return codeFailure;
  }

  /**
   * Sends a code the member typed: a code of the wrong length is refused before any request; the
   * call runs once at a time; a failure is shown (those in `aboutTheCode` under the field, which is
   * cleared) and the field refocused. Resolves with the answer, or null when there is none.
   */
  protected async verifyCode<T>(
    code: string,
    length: number,
    aboutTheCode: ReadonlySet<string>,
    call: (client: MfaClient, who: Who) => Promise<T>,
    onFailure?: (failure: Failure) => void,
  ): Promise<T | null> {
    const session = this.session;
    if (!session || this.calls.pending) return null;
    if (code.length !== length) {
      // An incomplete code stays to be finished; an empty field after a failed code keeps that
      // failure's message (the field was cleared for the next try, not submitted again).
      if (code || !this.codeError) {
        this.fail({ code: 'invalid_code', key: 'errorInvalidCode', recoverable: true }, { length });
        this.codeError = this.errorMessage;
        this.errorMessage = '';
      }
      await this.focusPart('mfa-code-input');
      return null;
    }
    const result = await this.attempt(
      'verify',
      async () => call(await session.api(), session.who),
      async (failure) => {
        this.showFailure(failure, aboutTheCode);
        onFailure?.(failure);
        await this.focusPart('mfa-code-input');
      },
      { length },
    );
    if (!result) return null;
    this.errorMessage = '';
    this.codeError = '';
    return result.value;
  }

  /**
   * The one way the elements make a call: once at a time (while one is pending another is refused),
   * and a failure is shown and fired as `mfa-error`, then handed to `onFailure`. Resolves with
   * `{ value }`, or null when refused or failed.
   */
  protected async attempt<T>(
    name: string,
    task: () => Promise<T>,
    onFailure?: (failure: Failure) => unknown,
    values?: Record<string, string | number>,
  ): Promise<{ value: T } | null> {
    const result = await this.calls.run(name, task);
    if (result?.ok) return result;
    if (result) await onFailure?.(await this.failWith(result.error, values));
    return null;
  }

  /** Tells the page a factor succeeded: enrolled or unenrolled (if asked), then authenticated. */
  protected announceSuccess(
    method: MfaMethod,
    answer: { member: Member; organization: Organization; memberSession: MemberSession },
    enrollment: Enrollment | '' = '',
  ): void {
    const { member, organization } = answer;
    if (enrollment === 'enroll') emit(this, 'mfa-enrolled', { method, member, organization });
    if (enrollment === 'unenroll') emit(this, 'mfa-unenrolled', { method, member });
    emit(this, 'mfa-authenticated', { method, ...answer });
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

  /** Focuses the first match of `selector` once the element has rendered. */
  protected async focusPart(selector: string): Promise<void> {
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

  /** Shows a failure and fires `mfa-error`. */
  protected fail(failure: Failure, values?: Record<string, string | number>): Failure {
    this.errorMessage = this.t(failure.key, values);
    emit(this, 'mfa-error', {
      code: failure.code,
      message: this.errorMessage,
      step: this.currentStep,
      recoverable: failure.recoverable,
    });
    return failure;
  }

  /** A failure from whatever a Stytch call threw. */
  protected async failWith(error: unknown, values?: Record<string, string | number>): Promise<Failure> {
    const failure = await toFailure(error);
    return this.fail(failure, { seconds: failure.retryAfterSeconds ?? 0, ...values });
  }

  /**
   * Where the client comes from and who is authenticating, or null after showing why not
   * (`no_client`, `no_session`). The client itself is created only if the member must be read from
   * it (a signed-in member); otherwise on the first call, so the first step paints without waiting.
   */
  protected async ready(): Promise<Ready | null> {
    const source = await this.clients.resolve();
    if (!source) return this.setupFailed('no_client', 'noClient');
    let who = resolveWho(this, this.authResponse, null);
    if (!who.organizationId || !who.memberId)
      who = resolveWho(this, this.authResponse, await source.getClient());
    if (!who.organizationId || !who.memberId) return this.setupFailed('no_session', 'noMember');
    this.setupMessage = '';
    return {
      who,
      async api(): Promise<MfaClient> {
        void loadErrorTypes().catch(() => undefined); // so a failure can be described at once
        const client = await source.getClient();
        if (!client) throw new Error('stytch-mfa-elements: the provider has no public-token or client');
        return client;
      },
      get client() {
        return source.client;
      },
    };
  }

  /** Shows why the element cannot start (no client, no member) and fires `mfa-error`. */
  protected setupFailed(code: string, key: StringKey): null {
    if (this.restartQueued) return null; // read from values already replaced: start again, quietly
    this.setupMessage = this.t(key);
    emit(this, 'mfa-error', { code, message: this.setupMessage, step: null, recoverable: false });
    return null;
  }
}
