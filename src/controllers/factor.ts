import type { ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { factor } from '../strings/en/factor.js';
import { addEnglish } from '../strings/locales.js';
import type { Calls } from './calls.js';
import type { CallContext } from './client.js';
import { wordsNow, type Words } from './localize.js';
import type { Steps } from './steps.js';
import type { Failure } from '../stytch/errors.js';
import type { Who } from '../stytch/member.js';
import type { Member, MemberSession, MfaClient, Organization } from '../stytch/types.js';
import type { Enrollment, MfaMethod } from '../types.js';

/** TOTP failures about the code typed: shown under the code field, which is cleared and refocused. */
export const TOTP_CODE_FAILURES: ReadonlySet<string> = new Set([
  'unable_to_authenticate_totp',
  'invalid_totp_code',
  'totp_code_already_authenticated',
  'recovery_code_used_as_totp_code',
  'invalid_code',
]);

/** SMS failures about the code typed. */
export const SMS_CODE_FAILURES: ReadonlySet<string> = new Set([
  'otp_code_not_found',
  'invalid_code',
  'unable_to_auth_otp_code',
]);

/** What a factor's success hands to the page. */
export interface Verified {
  member: Member;
  organization: Organization;
  memberSession: MemberSession;
  /** After a recovery code: how many are left. */
  recoveryCodesRemaining?: number;
}

/** What `FactorController` needs of its element (every `MfaElement` has it). */
export interface FactorHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The message in the element's `error` part. */
  get errorMessage(): string;
  set errorMessage(words: Words);
  /** Where calls go and for whom, once the element has started. */
  readonly context: CallContext | null;
  readonly calls: Calls;
  readonly steps: Pick<Steps, 'focus'>;
}

/**
 * What the factor elements share — `<sms-otp-input>`, `<totp-setup>` and `<mfa-authenticate>`'s TOTP
 * step: sending the code a member typed, a failure about that code under the code field (cleared for
 * the next try), and telling the page the factor succeeded.
 */
export class FactorController {
  private message: Words = '';

  /**
   * `aboutTheCode`: the failures (Stytch `error_type`s) that are about the code typed. It needs no
   * lifecycle hooks, so it does not register with the host; it asks the host to render when it changes.
   */
  constructor(
    private readonly host: FactorHost,
    private readonly aboutTheCode: ReadonlySet<string>,
  ) {
    addEnglish(factor);
  }

  /** A failure about the code typed, shown under the code field. */
  get error(): string {
    return wordsNow(this.message);
  }

  set error(message: Words) {
    this.message = message;
    this.host.requestUpdate();
  }

  /**
   * Where a failure's message goes (for `fail` and `attempt`): one about the code under the field,
   * which is cleared; any other to the `error` part, and the field's message goes.
   */
  readonly show = (message: Words, failure: Failure): void => {
    const aboutTheCode = this.aboutTheCode.has(failure.code);
    this.error = aboutTheCode ? message : '';
    this.host.errorMessage = aboutTheCode ? '' : message;
    const field = this.host.renderRoot.querySelector<HTMLElement & { value: string }>('mfa-code-input');
    if (aboutTheCode && field) field.value = '';
  };

  /**
   * Sends a code the member typed: one of the wrong length is refused before any request; the call
   * runs once at a time (`calls` refuses another); a failure is shown (see `show`) and the field refocused, then handed to
   * `onFailure`. Resolves with the answer, or null when there is none.
   */
  async verify<T>(
    code: string,
    length: number,
    call: (client: MfaClient, who: Who) => Promise<T>,
    onFailure?: (failure: Failure) => void,
  ): Promise<T | null> {
    const host = this.host;
    const context = host.context;
    if (!context) return null;
    const refocus = () => host.steps.focus('mfa-code-input');
    if (code.length !== length) {
      // An incomplete code stays to be finished; an empty field after a failed code keeps that
      // failure's message (the field was cleared for the next try, not submitted again).
      if (code || !this.error) {
        host.calls.fail(
          { code: 'invalid_code', key: 'errorInvalidCode', recoverable: true },
          { length },
          (message) => {
            this.error = message;
            host.errorMessage = '';
          },
        );
      }
      await refocus();
      return null;
    }
    const result = await host.calls.attempt(
      'verify',
      async () => call(await context.api(), context.who),
      async (failure) => {
        onFailure?.(failure);
        await refocus();
      },
      { values: { length }, show: this.show },
    );
    if (!result) return null;
    host.errorMessage = this.error = '';
    return result.value;
  }

  /** Tells the page the factor succeeded: enrolled or unenrolled (if asked), then authenticated. */
  succeeded(method: MfaMethod, answer: Verified, enrollment: Enrollment | '' = ''): void {
    const { member, organization } = answer;
    if (enrollment === 'enroll') emit(this.host, 'mfa-enrolled', { method, member, organization });
    if (enrollment === 'unenroll') emit(this.host, 'mfa-unenrolled', { method, member });
    emit(this.host, 'mfa-authenticated', { method, ...answer });
  }
}
