import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Countdown } from '../../controllers/countdown.js';
import { FactorController, SMS_CODE_FAILURES } from '../../controllers/factor.js';
import { emit } from '../../events.js';
import { sms } from '../../strings/en/sms.js';
import { addEnglish } from '../../strings/locales.js';
import { maskPhone } from '../../stytch/member.js';
import type { Enrollment } from '../../types.js';
import { MfaElement } from '../mfa-element.js';
import { codeField, stepForm } from '../code-field.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import type * as PhoneStep from './phone-step.js';
import { styles } from './sms-otp-input.styles.js';

/**
 * The SMS factor: phone entry if needed → send → code entry → authenticate, with a resend cooldown.
 * Every failure Stytch can give maps to a clear message and an `mfa-error`; what the member typed
 * survives failures (a wrong code is cleared so the next can be typed).
 *
 * @summary SMS OTP factor: phone entry, send, code entry, authenticate.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`enter-phone`, `enter-sms-code`, `done`).
 * @fires {CustomEvent<SmsSentDetail>} mfa-sms-sent - A code was sent (the number masked).
 * @fires {CustomEvent<EnrolledDetail>} mfa-enrolled - With `enrollment="enroll"`: enrollment completed.
 * @fires {CustomEvent<UnenrolledDetail>} mfa-unenrolled - With `enrollment="unenroll"`: unenrollment completed.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - A full session exists.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart phone-input - The `<mfa-phone-input>`.
 * @csspart code-input - The `<mfa-code-input>`.
 * @csspart submit-button - Send (phone step), Verify (code step), and Try again when the first code
 *   could not be sent.
 * @csspart resend-button - Resend, with its countdown.
 * @csspart back-button - "Use a different number".
 * @csspart error - Failures not about a field.
 * @csspart status - Polite announcements (resend available, verified).
 */
export class SmsOtpInput extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = { ...MfaElement.english, ...sms };

  static override get properties(): PropertyDeclarations {
    return {
      phoneNumber: { attribute: 'phone-number' },
      smsSent: { type: Boolean, attribute: 'sms-sent' },
      enrollment: {},
      resendCooldown: { type: Number, attribute: 'resend-cooldown' },
      codeLength: { type: Number, attribute: 'code-length' },
      defaultCountry: { attribute: 'default-country' },
      countries: {},
      phone: { state: true, attribute: false },
      typedPhone: { state: true, attribute: false },
      sendFailed: { state: true, attribute: false },
    };
  }

  /** The E.164 number to use; phone entry is skipped. */
  phoneNumber = '';

  /** A code was already sent (for example by primary auth): start at code entry without sending. */
  smsSent = false;

  /** `enroll` or `unenroll` the member in MFA on success; absent: step-up, enrollment unchanged. */
  enrollment: Enrollment | '' = '';

  /** Seconds before another code can be requested. */
  resendCooldown = 30;

  /** Digits in a code. */
  codeLength = 6;

  /** Phone entry's first country (ISO 3166 alpha-2); else the browser's region. */
  defaultCountry = '';

  /** The countries phone entry accepts (`"US CA GB"`): others are refused before sending. Empty: all. */
  countries = '';

  /** The number codes go to. */
  private phone = '';
  /** The member typed the number here (so may change it). */
  private typedPhone = false;
  /** The first code could not be sent: no code entry (no code is on its way), a way to try again. */
  private sendFailed = false;

  private get codeInput(): MfaCodeInput | null {
    return this.renderRoot.querySelector('mfa-code-input');
  }

  private readonly code = new FactorController(this, SMS_CODE_FAILURES);
  private readonly cooldown = new Countdown(this, () => {
    this.status = this.say('smsResendReady');
  });
  protected static override restartOn = [...MfaElement.restartOn, 'phoneNumber', 'smsSent'];

  protected async begin(): Promise<void> {
    const options = this.authResponse?.mfa_required?.member_options;
    const sent = this.smsSent || this.authResponse?.mfa_required?.secondary_auth_initiated === 'sms_otp';
    this.phone = this.phoneNumber || options?.mfa_phone_number || '';
    // A number the member never verified (an enrollment left half-way) may still be changed.
    this.typedPhone = !this.phoneNumber && this.authResponse?.member?.mfa_phone_number_verified === false;
    if (sent) {
      this.showCodeStep();
    } else if (this.phone) {
      await this.send(false);
      this.sendFailed = this.step !== 'enter-sms-code';
    } else {
      this.typedPhone = true;
      await this.showPhoneStep();
    }
  }

  /** Phone entry, once loaded. */
  private phoneSteps: typeof PhoneStep | null = null;

  /** Phone entry: the step and its field (and later the phone library) load only when it shows. */
  private async showPhoneStep(): Promise<void> {
    const steps = this.phoneSteps ?? (await this.calls.loaded(import('./phone-step.js')));
    if (!steps) return;
    if (!this.phoneSteps) addEnglish(steps.english);
    this.phoneSteps = steps;
    this.steps.go('enter-phone', 'sms_otp');
    await this.focusField();
  }

  private showCodeStep(startCooldown = true): void {
    if (startCooldown) this.startCooldown(this.resendCooldown);
    this.steps.go('enter-sms-code', 'sms_otp');
    void this.focusField();
  }

  /**
   * The resend button counts down (its label is the one place that says how long is left); the
   * `status` part speaks only when resending becomes possible, so it is never out of date.
   */
  private startCooldown(seconds: number): void {
    this.cooldown.start(seconds);
    this.status = seconds > 0 ? '' : this.say('smsResendReady');
  }

  private focusField(): Promise<void> {
    return this.steps.focus('mfa-code-input, mfa-phone-input');
  }

  /**
   * Sends a code (to `phone`, else the number known). What a send changes — the number, a resend's
   * cleared field — changes only once `calls` takes it: never under a send already in flight.
   */
  private async send(resend: boolean, phone = this.phone): Promise<void> {
    const context = this.context;
    if (!context) return;
    const { who } = context;
    const result = await this.calls.attempt(
      'send',
      async () => {
        this.phone = phone;
        if (resend) {
          if (this.codeInput) this.codeInput.value = '';
          this.code.error = '';
        }
        return (await context.api()).otps.sms.send({
          organization_id: who.organizationId,
          member_id: who.memberId,
          ...(phone ? { mfa_phone_number: phone } : {}),
        });
      },
      (failure) => {
        if (failure.retryAfterSeconds) this.startCooldown(failure.retryAfterSeconds);
      },
      { show: this.code.show },
    );
    if (!result) return;
    this.sendFailed = false;
    this.errorMessage = '';
    this.code.error = '';
    emit(this, 'mfa-sms-sent', { phoneNumber: maskPhone(this.phone), resend });
    this.showCodeStep();
    if (resend) this.status = this.say('smsResent', { phone: maskPhone(this.phone) });
  }

  private async verify(code: string): Promise<void> {
    const answer = await this.code.verify(
      code,
      this.codeLength,
      (client, who) =>
        client.otps.sms.authenticate({
          organization_id: who.organizationId,
          member_id: who.memberId,
          code,
          session_duration_minutes: this.sessionDurationMinutes,
          ...(this.enrollment ? { set_mfa_enrollment: this.enrollment } : {}),
        }),
      (failure) => {
        if (failure.code === 'unable_to_auth_otp_code') this.startCooldown(0); // resend at once
        if (failure.retryAfterSeconds) this.startCooldown(failure.retryAfterSeconds);
      },
    );
    if (!answer) return;
    this.cooldown.stop();
    this.status = this.say('smsDone');
    const { member, organization, member_session: memberSession } = answer;
    this.code.succeeded('sms_otp', { member, organization, memberSession }, this.enrollment);
    this.steps.go('done', 'sms_otp');
  }

  private submitPhone(steps: typeof PhoneStep): void {
    const phone = steps.typedPhone(this, this.t('errorInvalidPhone'));
    if (phone) void this.send(false, phone);
  }

  private onResend(): void {
    if (!this.cooldown.running) void this.send(true);
  }

  private onRetry(): void {
    if (!this.cooldown.running) void this.send(false);
  }

  private onChangeNumber(): void {
    this.cooldown.stop();
    this.errorMessage = '';
    this.code.error = '';
    this.status = '';
    void this.showPhoneStep();
  }

  private renderCodeStep(): TemplateResult {
    const resendBlocked = this.cooldown.running || this.calls.pending !== null;
    return stepForm({
      error: this.errorMessage,
      title: this.t('smsCodeTitle'),
      intro: this.phone
        ? this.t('smsCodeIntro', { length: this.codeLength, phone: maskPhone(this.phone) })
        : this.t('smsCodeIntroNoPhone', { length: this.codeLength }),
      field: codeField({
        length: this.codeLength,
        error: this.code.error,
        strings: this.strings,
        onCode: (code) => void this.verify(code),
      }),
      submitLabel: this.t('smsVerify'),
      busyLabel: this.t('smsVerifying'),
      busy: this.calls.pending === 'verify',
      onSubmit: () => void this.verify(this.codeInput?.value ?? ''),
      actions: html`<button
        part="resend-button"
        class="secondary"
        type="button"
        aria-disabled=${resendBlocked ? 'true' : 'false'}
        @click=${this.onResend}
      >
        ${this.cooldown.running ? this.t('smsResendIn', { seconds: this.cooldown.remaining }) : this.t('smsResend')}
      </button>`,
      after: this.typedPhone
        ? html`<button part="back-button" class="link" type="button" @click=${this.onChangeNumber}>
            ${this.t('smsChangeNumber')}
          </button>`
        : nothing,
    });
  }

  protected override render(): TemplateResult {
    const steps = this.phoneSteps;
    if (this.step === 'enter-phone' && steps) {
      return this.renderFrame(
        steps.phoneStep({
          t: this.t,
          strings: this.strings,
          error: this.errorMessage,
          phone: this.phone,
          defaultCountry: this.defaultCountry,
          countries: this.countries,
          busy: this.calls.pending === 'send',
          onEdit: () => (this.errorMessage = ''), // a failure about the old number no longer stands
          onSubmit: () => this.submitPhone(steps),
        }),
      );
    }
    if (this.step === 'enter-sms-code') return this.renderFrame(this.renderCodeStep());
    if (this.sendFailed) {
      return this.renderFrame(
        html`<div class="stack">
          <p part="error" role="alert">${this.errorMessage}</p>
          <div class="actions">
            <button
              part="submit-button"
              type="button"
              aria-disabled=${this.calls.pending || this.cooldown.running ? 'true' : 'false'}
              @click=${this.onRetry}
            >
              ${this.t('smsRetry')}
            </button>
          </div>
        </div>`,
      );
    }
    return this.renderFrame(nothing);
  }
}

// The types of the element's properties and events, for `import type { … } from '…/sms-otp-input'`.
export type {
  StepDetail,
  SmsSentDetail,
  EnrolledDetail,
  UnenrolledDetail,
  AuthenticatedDetail,
  ErrorDetail,
} from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { Enrollment, MfaStep } from '../../types.js';

if (!customElements.get('sms-otp-input')) customElements.define('sms-otp-input', SmsOtpInput);

declare global {
  interface HTMLElementTagNameMap {
    'sms-otp-input': SmsOtpInput;
  }
}
