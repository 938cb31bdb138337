import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { authenticate } from '../../strings/en/authenticate.js';
import { resolveLang } from '../../controllers/localize.js';
import { loadErrorTypes } from '../../stytch/errors.js';
import { maskPhone } from '../../stytch/member.js';
import type { MfaMethod } from '../../types.js';
import { MfaElement } from '../mfa-element.js';
import { FORWARDED_PARTS } from '../mfa-element.js';
import type { CodeSteps } from './code-steps.js';
import { styles } from './mfa-authenticate.styles.js';

/**
 * At or below this many recovery codes left, the member is warned to make new ones — before the
 * element reports success (a page may leave at once), and as an alert at 0–2.
 */
const FEW_RECOVERY_CODES = 3;
const VERY_FEW_RECOVERY_CODES = 2;

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
      warning: { state: true, attribute: false },
      held: { state: true, attribute: false },
      recoveryCode: { state: true, attribute: false },
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
  private warning = false;
  /** Recovery codes left after the one just used. */
  private left = 0;
  /** Few recovery codes left: the success the member reports by pressing Continue, once warned. */
  private held: (() => void) | null = null;
  private recoveryCode = '';

  /** The TOTP and recovery-code steps, once loaded. */
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
    const preferred = member?.default_mfa_method;
    if (sent && this.phone) {
      this.alreadySent = true;
      await this.show('sms_otp');
    } else if (preferred === 'totp' && this.hasTotp) {
      await this.show('totp');
    } else if (this.phone) {
      await this.show('sms_otp');
    } else if (this.hasTotp) {
      await this.show('totp');
    } else {
      await loadErrorTypes().catch(() => undefined); // the message loads with Stytch's
      this.calls.fail({ code: 'no_mfa_factor', key: 'enrollNoMethods', recoverable: false });
    }
  }

  /** Loads what a method's step needs the first time: `<sms-otp-input>`, or the code steps. */
  private async load(method: MfaMethod): Promise<boolean> {
    if (method === 'sms_otp')
      return Boolean(await this.calls.loaded(import('../sms-otp-input/sms-otp-input.js')));
    if (this.codeSteps) return true;
    const steps = await this.calls.loaded(import('./code-steps.js'));
    if (steps) this.codeSteps = new steps.CodeSteps(this);
    return Boolean(steps);
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

  private async verifyTotp(steps: CodeSteps, code: string): Promise<void> {
    const answer = await steps.totp(code);
    if (!answer) return;
    this.status = this.say('authDone');
    const { member, organization, member_session: memberSession } = answer;
    steps.factor.succeeded('totp', { member, organization, memberSession });
    this.steps.go('done', 'totp');
  }

  private async verifyRecoveryCode(steps: CodeSteps): Promise<void> {
    const answer = await steps.recover(this.recoveryCode.trim());
    if (!answer) return;
    const { member, organization, member_session, recovery_codes_remaining: left } = answer;
    this.recoveryCode = '';
    this.warning = left <= FEW_RECOVERY_CODES;
    this.left = left;
    const few = this.warning;
    this.status = () =>
      left === 0
        ? this.t('authRemainingNone')
        : steps.count(this.t(few ? 'authRemainingFew' : 'authRemaining'), resolveLang(this), left);
    const verified = { member, organization, memberSession: member_session, recoveryCodesRemaining: left };
    const succeed = () => steps.factor.succeeded('recovery_code', verified);
    if (few) {
      // A page that leaves on mfa-authenticated would take the warning with it: it comes first.
      this.held = () => {
        this.held = null;
        succeed();
      };
      this.steps.go('done', 'recovery_code');
      await this.steps.focus('[part~="submit-button"]');
      return;
    }
    succeed();
    this.steps.go('done', 'recovery_code');
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

  private renderCodeStep(steps: CodeSteps): TemplateResult {
    const state = {
      t: this.t,
      strings: this.strings,
      error: this.errorMessage,
      codeError: steps.factor.error,
      busy: this.calls.pending === 'verify',
    };
    if (this.method === 'totp') {
      return steps.totpStep(state, (code) => void this.verifyTotp(steps, code));
    }
    return steps.recoveryStep(
      state,
      this.recoveryCode,
      (value) => (this.recoveryCode = value),
      () => void this.verifyRecoveryCode(steps),
    );
  }

  protected override render(): TemplateResult {
    if (this.step === 'done' && this.method !== 'sms_otp') {
      const loud = this.warning && this.left <= VERY_FEW_RECOVERY_CODES;
      const held = this.held;
      return html`<div class="stack">
        <p part="status" role=${loud ? 'alert' : 'status'} class=${this.warning ? 'warning' : 'done'}>
          ${this.status}
        </p>
        ${
          held
            ? html`<div class="actions">
                <button part="submit-button" type="button" @click=${held}>${this.t('authContinue')}</button>
              </div>`
            : nothing
        }
      </div>`;
    }
    let body: TemplateResult | typeof nothing = nothing;
    if (this.method === 'sms_otp') body = this.renderSms();
    else if (this.method && this.codeSteps) body = this.renderCodeStep(this.codeSteps);
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
