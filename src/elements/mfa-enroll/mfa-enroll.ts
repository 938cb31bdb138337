import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { enroll } from '../../strings/en/enroll.js';
import { loadErrorTypes } from '../../stytch/errors.js';
import { allowedFactors, factorTemplate, loadFactor, type Factor as Method } from '../factors.js';
import { MfaElement } from '../mfa-element.js';
import { styles } from './mfa-enroll.styles.js';

/**
 * Required or optional enrollment: offers only the methods the organization allows (`RESTRICTED` →
 * `allowed_mfa_methods`), narrowed by `methods`; skips the choice when one is left; lets the member go
 * back to it; then runs `<sms-otp-input>` or `<totp-setup>` with `enrollment="enroll"`. Their
 * `mfa-enrolled` and `mfa-authenticated` reach the page; their steps become this element's.
 *
 * @summary Required or optional enrollment: method choice → SMS or TOTP → recovery codes.
 * @fires {CustomEvent<StepDetail>} mfa-step - The visible step changed (`select-method`, then the factor's steps).
 * @fires {CustomEvent<SmsSentDetail>} mfa-sms-sent - From the SMS factor.
 * @fires {CustomEvent<TotpCreatedDetail>} mfa-totp-created - From the TOTP factor.
 * @fires {CustomEvent<RecoveryCodesSavedDetail>} mfa-recovery-codes-saved - From the TOTP factor.
 * @fires {CustomEvent<EnrolledDetail>} mfa-enrolled - Enrollment completed.
 * @fires {CustomEvent<AuthenticatedDetail>} mfa-authenticated - A full session exists.
 * @fires {CustomEvent<ErrorDetail>} mfa-error - Any failure, with a localized message.
 * @csspart method-option - Each method on offer.
 * @csspart back-button - Back to the choice of method.
 * @csspart sms-otp-input - The SMS factor element.
 * @csspart totp-setup - The TOTP factor element.
 * @csspart error - Failures.
 * @csspart status - Polite announcements.
 * @cssprop --mfa-color-surface - Background of the options.
 * @cssprop --mfa-color-border - Border of the options.
 */
export class MfaEnroll extends MfaElement {
  static override styles = [...MfaElement.styles, styles];
  static override english = { ...MfaElement.english, ...enroll };

  static override get properties(): PropertyDeclarations {
    return {
      methods: {},
      defaultCountry: { attribute: 'default-country' },
      countries: {},
      choices: { state: true, attribute: false },
      method: { state: true, attribute: false },
      opened: { state: true, attribute: false },
    };
  }

  /** The methods to offer, space-separated (`sms_otp totp`), intersected with what the organization allows. */
  methods = 'sms_otp totp';

  /** Phone entry's first country (ISO 3166 alpha-2, e.g. `GB`); else the browser's region. */
  defaultCountry = '';

  /** The countries phone entry accepts (`"US CA GB"`): others are refused before sending. Empty: all. */
  countries = '';

  private choices: Method[] = [];
  private method: Method | null = null;
  /** Factors the member has opened: kept (hidden) while another is shown, so going back loses nothing. */
  private opened: Method[] = [];

  protected async begin(): Promise<void> {
    const org = this.authResponse?.organization ?? this.context?.who.organization ?? null;
    const wanted = this.methods.split(/[\s,]+/);
    this.choices = allowedFactors(org).filter((m) => wanted.includes(m));
    if (this.choices.length === 0) {
      await loadErrorTypes().catch(() => undefined); // the message loads with Stytch's
      this.calls.fail({ code: 'no_allowed_method', key: 'enrollNoMethods', recoverable: false });
    } else if (this.choices.length === 1) {
      await this.choose(this.choices[0]!);
    } else {
      this.steps.go('select-method', null);
      await this.steps.focus('[part~="method-option"]');
    }
  }

  /** Shows a factor; its element loads when first chosen. */
  private async choose(method: Method): Promise<void> {
    if (!(await this.calls.loaded(loadFactor(method)))) return;
    this.errorMessage = '';
    this.method = method;
    if (!this.opened.includes(method)) {
      this.opened = [...this.opened, method];
      return;
    }
    // Back to a factor opened before: it is where the member left it.
    await this.updateComplete;
    const factor = this.renderRoot.querySelector<MfaElement>(
      method === 'sms_otp' ? 'sms-otp-input' : 'totp-setup',
    );
    if (factor?.step) this.steps.go(factor.step, method);
  }

  private back(): void {
    this.method = null;
    this.steps.go('select-method', null);
    void this.steps.focus('[part~="method-option"]');
  }

  private renderChoice(): TemplateResult {
    const option = (method: Method) => html`
      <button part="method-option" class="secondary" type="button" @click=${() => void this.choose(method)}>
        <span class="name">${this.t(method === 'sms_otp' ? 'methodSms' : 'methodTotp')}</span>
        <span class="hint">${this.t(method === 'sms_otp' ? 'methodSmsHint' : 'methodTotpHint')}</span>
      </button>
    `;
    return html`
      <div class="stack">
        <p part="title" class="title">${this.t('enrollTitle')}</p>
        <p class="muted">${this.t('enrollIntro')}</p>
        <div class="options" role="group" aria-label=${this.t('enrollMethodsLabel')}>
          ${this.choices.map(option)}
        </div>
      </div>
    `;
  }

  private renderFactor(method: Method): TemplateResult {
    const who = this.context?.who;
    return factorTemplate(method, {
      client: this.client,
      authResponse: this.authResponse,
      organizationId: who?.organizationId ?? '',
      memberId: who?.memberId ?? '',
      sessionDurationMinutes: this.sessionDurationMinutes,
      defaultCountry: this.defaultCountry,
      countries: this.countries,
      strings: this.strings,
      enrollment: 'enroll',
      hidden: method !== this.method,
      onStep: this.steps.relay,
    });
  }

  protected override render(): TemplateResult {
    // Back to the choice from a factor's first step — or from a factor that could not show one (an
    // authenticator setup left half-way blocks a new one for minutes: the member may text instead).
    const canGoBack =
      this.method !== null &&
      this.choices.length > 1 &&
      (this.step === 'enter-phone' || this.step === 'scan-totp' || this.step === 'select-method');
    return this.renderFrame(html`
      <div class="stack">
        ${this.method === null && this.step === 'select-method' ? this.renderChoice() : nothing}
        ${this.opened.map((method) => this.renderFactor(method))}
        ${
          canGoBack
            ? html`<button part="back-button" class="link" type="button" @click=${this.back}>
                ${this.t('enrollBack')}
              </button>`
            : nothing
        }
        ${
          this.method === null && this.step !== 'select-method'
            ? html`<p part="error" role="alert">${this.errorMessage}</p>`
            : nothing
        }
      </div>
    `);
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-enroll'`.
export type {
  StepDetail,
  SmsSentDetail,
  TotpCreatedDetail,
  RecoveryCodesSavedDetail,
  EnrolledDetail,
  AuthenticatedDetail,
  ErrorDetail,
} from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';
export type { AuthResponse } from '../../stytch/member.js';
export type { MfaClient } from '../../stytch/types.js';
export type { MfaStep } from '../../types.js';

if (!customElements.get('mfa-enroll')) customElements.define('mfa-enroll', MfaEnroll);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-enroll': MfaEnroll;
  }
}
