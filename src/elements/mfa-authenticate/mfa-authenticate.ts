import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { authenticate } from '../../strings/en/authenticate.js';
import { loadErrorTypes } from '../../stytch/errors.js';
import { maskPhone, type AuthResponse } from '../../stytch/member.js';
import type { MfaMethod } from '../../types.js';
import { MfaElement } from '../mfa-element.js';
import { FORWARDED_PARTS } from '../mfa-element.js';
import type { CodeSteps } from './code-steps.js';
import { styles } from './mfa-authenticate.styles.js';

/**
 * The method a member starts with: SMS when primary auth sent the code, else the member's default
 * (the app only when they have it), else SMS when there is a number, else the app; null for none.
 */
function firstMethod(
  phone: string,
  hasTotp: boolean,
  sent: boolean,
  preferred: string | undefined,
): MfaMethod | null {
  if (sent && phone) return 'sms_otp';
  if (preferred === 'totp' && hasTotp) return 'totp';
  if (phone) return 'sms_otp';
  return hasTotp ? 'totp' : null;
}

// Each step's module by a function of its own: a minifier that merges two `import()`s into one
// expression leaves the bundler's preload of the one step's chunks on both.
/** The SMS step: `<sms-otp-input>`. */
const loadSms = () => import('../sms-otp-input/sms-otp-input.js');
/** The TOTP and recovery-code steps. */
const loadCodeSteps = () => import('./code-steps.js');

/**
 * Starts loading the step a primary-auth answer begins with, as soon as the answer is known:
 * `<mfa-flow>` calls it when it is handed the answer, so that a bundled app fetches the step at
 * once, not after the flow and this element have started and rendered. A failure to load is
 * reported when the step is shown. @internal
 */
export function preloadFirstStep(response: AuthResponse): void {
  const options = response.mfa_required?.member_options;
  const phone = options?.mfa_phone_number ?? '';
  const sent = response.mfa_required?.secondary_auth_initiated === 'sms_otp';
  const method = firstMethod(
    phone,
    Boolean(options?.totp_registration_id),
    sent,
    response.member?.default_mfa_method,
  );
  if (method) void (method === 'sms_otp' ? loadSms() : loadCodeSteps()).catch(() => undefined);
}

/**
 * Returning MFA and step-up: SMS, TOTP or a recovery code, with a switch between them. Reads
 * `mfa_required.member_options` from `authResponse` (or, signed in, the member): when primary auth
 * already sent the SMS it goes straight to code entry; otherwise it starts with the member's default
 * method. Moving to SMS sends a code only when the member asks for it. After a recovery code it says
 * how many remain (and `mfa-authenticated` carries `recoveryCodesRemaining`); when three or fewer
 * are left it warns first — as an alert at 0–2 — and reports success once the member presses
 * Continue, so a page that leaves on `mfa-authenticated` does not take the warning with it. Each method's step loads when it is first shown
 * (`<sms-otp-input>`, or the TOTP and recovery-code steps), so a member loads only what they use.
 *
 * @summary Returning MFA and step-up: SMS, TOTP, or a recovery code; switch between them.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`enter-sms-code`, `enter-totp-code`, `enter-recovery-code`, `done`).
 * @fires {CustomEvent<SmsSentDetail>} mfa-sms-sent - From the SMS factor.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - A full session exists (after a recovery code, with `recoveryCodesRemaining`).
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart sms-otp-input - The SMS factor element.
 * @csspart code-input - The TOTP code field.
 * @csspart recovery-code-input - The recovery code field.
 * @csspart submit-button - Verify; Continue after the warning that few recovery codes are left.
 * @csspart switch-method - Each way to switch to another method.
 * @csspart error - Failures not about a field.
 * @csspart status - Polite announcements, and the recovery codes left.
 * @cssprop --mfa-color-error - Error and warning color.
 */
export class MfaAuthenticate extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = { ...MfaElement.english, ...authenticate };
  protected static override restartOn = [...MfaElement.restartOn, 'phoneNumber', 'smsSent', 'totp'];

  static override get properties(): PropertyDeclarations {
    return {
      phoneNumber: { attribute: 'phone-number' },
      smsSent: { type: Boolean, attribute: 'sms-sent' },
      totp: { type: Boolean },
      method: { state: true, attribute: false },
      phone: { state: true, attribute: false },
      hasTotp: { state: true, attribute: false },
      alreadySent: { state: true, attribute: false },
    };
  }

  /** The member's MFA phone number, when not read from `authResponse`. */
  phoneNumber = '';

  /** Primary auth already sent the SMS code. */
  smsSent = false;

  /** The member has an authenticator app (TOTP), when not read from `authResponse`. */
  totp = false;

  private method: MfaMethod | null = null;
  private phone = '';
  private hasTotp = false;
  /** The SMS was sent before this element showed it (only for the first SMS step). */
  private alreadySent = false;

  /** The TOTP and recovery-code steps (their state, calls and ending), once loaded. */
  private codeSteps: CodeSteps | null = null;

  protected async begin(): Promise<void> {
    const response = this.authResponse;
    const options = response?.mfa_required?.member_options;
    const member = this.context?.who.member ?? null;
    this.phone =
      this.phoneNumber ||
      options?.mfa_phone_number ||
      (member?.mfa_phone_number_verified ? member.mfa_phone_number : '');
    this.hasTotp = this.totp || Boolean(options?.totp_registration_id || member?.totp_registration_id);
    const sent = this.smsSent || response?.mfa_required?.secondary_auth_initiated === 'sms_otp';
    const method = firstMethod(this.phone, this.hasTotp, sent, member?.default_mfa_method);
    if (method) {
      this.alreadySent = sent && method === 'sms_otp';
      await this.show(method);
    } else {
      await loadErrorTypes().catch(() => undefined); // the message loads with Stytch's
      this.calls.fail({ code: 'no_mfa_factor', key: 'enrollNoMethods', recoverable: false });
    }
  }

  /** Loads what a method's step needs the first time: `<sms-otp-input>`, or the code steps. */
  private async load(method: MfaMethod): Promise<boolean> {
    if (method === 'sms_otp') return Boolean(await this.calls.loaded(loadSms()));
    if (this.codeSteps) return true;
    const steps = await this.calls.loaded(loadCodeSteps());
    if (!steps) return false;
    this.codeSteps = new steps.CodeSteps(this, { t: this.t, announce: (words) => (this.status = words) });
    return true;
  }

  /** Shows a method: TOTP and recovery code entry are this element's own steps. */
  private async show(method: MfaMethod): Promise<void> {
    if (!(await this.load(method))) return;
    this.method = method;
    this.errorMessage = '';
    if (this.codeSteps) this.codeSteps.factor.error = '';
    if (method === 'totp') this.steps.go('enter-totp-code', 'totp');
    if (method === 'recovery_code') this.steps.go('enter-recovery-code', 'recovery_code');
    await this.steps.focus('mfa-code-input, [part~="recovery-code-input"], sms-otp-input');
  }

  /** The member asked for another method (for SMS, that is the explicit action that sends a code). */
  private switchTo(method: MfaMethod): void {
    this.alreadySent = false;
    void this.show(method);
  }

  private renderSwitches(): TemplateResult {
    const links: TemplateResult[] = [];
    const link = (method: MfaMethod, label: string) =>
      html`<button part="switch-method" class="link" type="button" @click=${() => this.switchTo(method)}>
        ${label}
      </button>`;
    if (this.method !== 'sms_otp' && this.phone) {
      links.push(link('sms_otp', this.t('switchToSms', { phone: maskPhone(this.phone) })));
    }
    if (this.method !== 'totp' && this.hasTotp) links.push(link('totp', this.t('switchToTotp')));
    if (this.method !== 'recovery_code' && this.hasTotp)
      links.push(link('recovery_code', this.t('switchToRecovery')));
    return html`<div class="switches">${links}</div>`;
  }

  private renderSms(): TemplateResult {
    const who = this.context?.who;
    return html`<sms-otp-input
      exportparts=${FORWARDED_PARTS}
      part="sms-otp-input"
      .client=${this.client}
      organization-id=${who?.organizationId ?? ''}
      member-id=${who?.memberId ?? ''}
      phone-number=${this.phone}
      ?sms-sent=${this.alreadySent}
      session-duration-minutes=${this.sessionDurationMinutes}
      .strings=${this.strings}
      @mfa-step=${this.steps.relay}
    ></sms-otp-input>`;
  }

  protected override render(): TemplateResult {
    const steps = this.codeSteps;
    if (this.step === 'done' && this.method !== 'sms_otp' && steps) return steps.done(this.status);
    let body: TemplateResult | typeof nothing = nothing;
    if (this.method === 'sms_otp') body = this.renderSms();
    else if (this.method && steps) body = steps.render(this.method);
    else if (this.errorMessage) body = html`<p part="error" role="alert">${this.errorMessage}</p>`;
    return this.renderFrame(
      html`<div class="stack">
        ${body} ${this.method && this.step !== 'done' ? this.renderSwitches() : nothing}
      </div>`,
    );
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-authenticate'`.
export type { StepDetail, SmsSentDetail, AuthenticatedDetail, ErrorDetail } from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-authenticate')) customElements.define('mfa-authenticate', MfaAuthenticate);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-authenticate': MfaAuthenticate;
  }
}
