import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AsyncCall } from '../controllers/async-call.js';
import { ClientController } from '../controllers/client.js';
import { LocalizeController } from '../controllers/localize.js';
import { emit } from '../events.js';
import type { MfaStrings, StringKey } from '../strings/locales.js';
import { toFailure, type Failure } from '../stytch/errors.js';
import { resolveWho, type AuthResponse, type Who } from '../stytch/member.js';
import type { StytchClient } from '../stytch/types.js';
import { base } from '../styles/base.js';
import { tokens } from '../styles/tokens.js';
import type { MfaMethod, MfaStep } from '../types.js';

/** What an element needs to make calls: who is authenticating, and the client (created on first read). */
export interface Ready {
  readonly who: Who;
  readonly client: StytchClient;
}

/**
 * What every element that calls Stytch shares: the client, who is authenticating, strings, the
 * current step and how failures are reported. Elements extend it; it is not registered itself.
 */
export abstract class MfaElement extends LitElement {
  static override styles = [tokens, base];

  /** The Stytch client to use; without one, the nearest `<mfa-provider>`'s. */
  @property({ attribute: false }) client: StytchClient | null = null;

  /** What the primary `authenticate()` call returned (password, magic link, SSO, OAuth, discovery…). */
  @property({ attribute: false }) authResponse: AuthResponse | null = null;

  /** The organization, when not read from `authResponse` or the session. */
  @property({ attribute: 'organization-id' }) organizationId = '';

  /** The member, when not read from `authResponse` or the session. */
  @property({ attribute: 'member-id' }) memberId = '';

  /** Length of the session created on success. */
  @property({ type: Number, attribute: 'session-duration-minutes' }) sessionDurationMinutes = 60;

  /** Overrides of any of the element's strings. */
  @property({ attribute: false }) strings: Partial<MfaStrings> = {};

  /** A message about the element's setup (no client, no member) shown instead of a step. */
  @state() protected setupMessage = '';

  /** The message of the last failure, shown in the `error` part. */
  @state() protected errorMessage = '';

  protected readonly localize = new LocalizeController(this);
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

  /** Moves to a step: reflects it and fires `mfa-step` when it changed. */
  protected setStep(step: MfaStep, method: MfaMethod | null): void {
    if (step === this.currentStep) return;
    this.currentStep = step;
    this.setAttribute('step', step);
    this.requestUpdate();
    emit(this, 'mfa-step', { step, method });
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
  protected failWith(error: unknown, values?: Record<string, string | number>): Failure {
    const failure = toFailure(error);
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
    if (!who.organizationId || !who.memberId) who = resolveWho(this, this.authResponse, source.client);
    if (!who.organizationId || !who.memberId) return this.setupFailed('no_session', 'noMember');
    this.setupMessage = '';
    return {
      who,
      get client(): StytchClient {
        const client = source.client;
        if (!client) throw new Error('stytch-mfa-elements: the provider has no public-token or client');
        return client;
      },
    };
  }

  private setupFailed(code: string, key: StringKey): null {
    this.setupMessage = this.t(key);
    emit(this, 'mfa-error', { code, message: this.setupMessage, step: null, recoverable: false });
    return null;
  }
}
