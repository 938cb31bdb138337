import type { ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { toFailure, type Failure } from '../stytch/errors.js';
import type { MfaStep } from '../types.js';
import type { LocalizeController, Words } from './localize.js';

/** Where a failure's message goes, instead of the `error` part. */
export type ShowFailure = (message: Words, failure: Failure) => void;

/** The messages of a sign-in that ended: the member must sign in again. */
const ENDS: ReadonlySet<string> = new Set(['errorSessionExpired', 'errorLinkUsed']);

export interface CallHost extends ReactiveControllerHost, HTMLElement {
  /** The sign-in ended (see `fail`): the step's controls are disabled. */
  ended: boolean;
  /** The message shown in the `error` part (set as what words it). */
  get errorMessage(): string;
  set errorMessage(words: Words);
  readonly step: MfaStep | null;
}

/**
 * How an element calls Stytch and reports what failed. One call at a time: while one is pending,
 * another is refused (that is how one click sends one request, everywhere). A failure is shown — in
 * the `error` part, or where the caller says — and fired as `mfa-error`.
 */
export class Calls {
  /** The name of the call in flight, or null. */
  pending: string | null = null;

  /** Needs no lifecycle: it only asks the host to render when a call starts and ends. */
  constructor(
    private readonly host: CallHost,
    private readonly localize: LocalizeController,
  ) {}

  /**
   * Runs `task` unless another call is pending. A failure is shown (`how.show`, else in the `error`
   * part), fired as `mfa-error`, then handed to `onFailure`. Resolves with `{ value }`, or null when
   * refused or failed.
   */
  async attempt<T>(
    name: string,
    task: () => Promise<T>,
    onFailure?: (failure: Failure) => unknown,
    how: { values?: Record<string, string | number>; show?: ShowFailure } = {},
  ): Promise<{ value: T } | null> {
    if (this.pending) return null;
    this.pending = name;
    this.host.requestUpdate();
    let error: unknown;
    try {
      return { value: await task() };
    } catch (caught) {
      error = caught;
    } finally {
      this.pending = null;
      this.host.requestUpdate();
    }
    const failure = await toFailure(error);
    // Shown first, on its own line: `onFailure?.(this.fail(…))` would skip `fail` without `onFailure`.
    this.fail(failure, { seconds: failure.retryAfterSeconds ?? 0, ...how.values }, how.show);
    await onFailure?.(failure);
    return null;
  }

  /** Shows a failure (in the `error` part, or where `show` puts it) and fires `mfa-error`. */
  fail(failure: Failure, values?: Record<string, string | number>, show?: ShowFailure): Failure {
    if (!failure.recoverable && ENDS.has(failure.key)) this.host.ended = true;
    // Kept as its key: the message on screen follows a change of language.
    const words = () => this.localize.t(failure.key, values);
    if (show) show(words, failure);
    else this.host.errorMessage = words;
    emit(this.host, 'mfa-error', {
      code: failure.code,
      message: words(),
      step: this.host.step,
      recoverable: failure.recoverable,
    });
    return failure;
  }

  /**
   * Waits for a module a step needs (an element, a step's code). Resolves with it, or with null after
   * showing a failure to load it as a network failure.
   */
  async loaded<T>(module: Promise<T>): Promise<T | null> {
    try {
      return await module;
    } catch {
      this.fail({ code: 'network', key: 'errorNetwork', recoverable: true });
      return null;
    }
  }
}
