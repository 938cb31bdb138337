// <mfa-authenticate>'s TOTP and recovery-code steps, loaded when one is shown: a member who signs in
// with SMS never loads them. What the member sees, the calls, and how each step ends (after a
// recovery code, how many are left); the element keeps which method shows and the switch between them.
import { adoptStyles, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { FactorController, TOTP_CODE_FAILURES } from '../../controllers/factor.js';
import { resolveLang, type Words } from '../../controllers/localize.js';
import type { StringKey } from '../../strings/locales.js';
import { field } from '../../styles/field.js';
import { codeField, stepForm } from '../code-field.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import { styles as stepStyles } from './code-steps.styles.js';
import type { MfaAuthenticate } from './mfa-authenticate.js';

import { authenticateCodes } from '../../strings/en/authenticate-codes.js';
import { addEnglish } from '../../strings/locales.js';
import { plural } from '../../strings/plural.js';

/**
 * At or below this many recovery codes left, the member is warned to make new ones — before the
 * element reports success (a page may leave at once), and as an alert at 0–2.
 */
const FEW_RECOVERY_CODES = 3;
const VERY_FEW_RECOVERY_CODES = 2;

/** How the steps speak through the element (it keeps both to itself): its strings, its `status` part. */
export interface Voice {
  t: (key: StringKey, values?: Record<string, string | number>) => string;
  /** Sets what the `status` part says (kept as what words it). */
  announce: (words: Words) => void;
}

/** The steps, their calls and what follows them, for one `<mfa-authenticate>`. */
export class CodeSteps {
  /** The TOTP code's failures and success. */
  readonly factor: FactorController;
  /** The recovery code as typed. */
  private recoveryCode = '';
  /** Few recovery codes are left: the done step warns. */
  private warning = false;
  /** Recovery codes left after the one just used. */
  private left = 0;
  /** Few recovery codes left: the success the member reports by pressing Continue, once warned. */
  private held: (() => void) | null = null;

  /** Adds the steps' English and styles to the element's. */
  constructor(
    private readonly host: MfaAuthenticate,
    private readonly voice: Voice,
  ) {
    addEnglish(authenticateCodes);
    const styles = (host.constructor as typeof ReactiveElement).elementStyles;
    adoptStyles(host.renderRoot as ShadowRoot, [...styles, field, stepStyles]);
    this.factor = new FactorController(host, TOTP_CODE_FAILURES);
  }

  /** Sends a TOTP code (see `FactorController.verify`); on success, reports it and the step is done. */
  private async verifyTotp(code: string): Promise<void> {
    const answer = await this.factor.verify(code, 6, (client, who) =>
      client.totp.authenticate({
        organization_id: who.organizationId,
        member_id: who.memberId,
        code,
        session_duration_minutes: this.host.sessionDurationMinutes,
      }),
    );
    if (!answer) return;
    this.voice.announce(() => this.voice.t('authDone'));
    const { member, organization, member_session: memberSession } = answer;
    this.factor.succeeded('totp', { member, organization, memberSession });
    this.host.steps.go('done', 'totp');
  }

  /**
   * Sends the recovery code typed: an empty one is refused before any request; a failure is shown and
   * the field refocused. On success the done step says how many are left; when few are, it warns
   * first and reports success once the member presses Continue.
   */
  private async verifyRecoveryCode(): Promise<void> {
    const { host, voice } = this;
    const context = host.context;
    if (!context) return;
    const code = this.recoveryCode.trim();
    const refocus = () => host.steps.focus('[part~="recovery-code-input"]');
    if (!code) {
      host.calls.fail({ code: 'invalid_code', key: 'recoveryCodeRequired', recoverable: true });
      await refocus();
      return;
    }
    const { who } = context;
    const result = await host.calls.attempt(
      'verify',
      async () =>
        (await context.api()).recoveryCodes.recover({
          organization_id: who.organizationId,
          member_id: who.memberId,
          recovery_code: code,
          session_duration_minutes: host.sessionDurationMinutes,
        }),
      refocus,
    );
    if (!result) return;
    const { member, organization, member_session, recovery_codes_remaining: left } = result.value;
    this.recoveryCode = '';
    const few = left <= FEW_RECOVERY_CODES;
    this.warning = few;
    this.left = left;
    voice.announce(() =>
      left === 0
        ? voice.t('authRemainingNone')
        : plural(voice.t(few ? 'authRemainingFew' : 'authRemaining'), resolveLang(host), left),
    );
    const verified = { member, organization, memberSession: member_session, recoveryCodesRemaining: left };
    const succeed = () => this.factor.succeeded('recovery_code', verified);
    if (few) {
      // A page that leaves on mfa-authenticated would take the warning with it: it comes first.
      this.held = () => {
        this.held = null;
        host.requestUpdate();
        succeed();
      };
      host.steps.go('done', 'recovery_code');
      await host.steps.focus('[part~="submit-button"]');
      return;
    }
    succeed();
    host.steps.go('done', 'recovery_code');
  }

  /** The step of `method`: TOTP or recovery code entry. */
  render(method: 'totp' | 'recovery_code'): TemplateResult {
    return method === 'totp' ? this.totpStep() : this.recoveryStep();
  }

  /** TOTP code entry: a full code is sent at once; submitting sends what the field holds. */
  private totpStep(): TemplateResult {
    const { host } = this;
    const { t } = this.voice;
    const verify = (code: string) => void this.verifyTotp(code);
    return stepForm({
      error: host.errorMessage,
      title: t('authTotpTitle'),
      intro: t('authTotpIntro', { length: 6 }),
      field: codeField({ length: 6, error: this.factor.error, strings: host.strings, onCode: verify }),
      submitLabel: t('authVerify'),
      busyLabel: t('authVerifying'),
      busy: host.calls.pending === 'verify',
      onSubmit: () => verify(host.renderRoot.querySelector<MfaCodeInput>('mfa-code-input')?.value ?? ''),
    });
  }

  /** Recovery code entry: free text (codes are not digits), kept here as it is typed. */
  private recoveryStep(): TemplateResult {
    const { host } = this;
    const { t } = this.voice;
    const error = host.errorMessage;
    return stepForm({
      error,
      title: t('authRecoveryTitle'),
      intro: t('authRecoveryIntro'),
      field: html`<div class="field">
        <label for="recovery">${t('recoveryCodeLabel')}</label>
        <input
          id="recovery"
          part="recovery-code-input"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          .value=${this.recoveryCode}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="recovery-error"
          @input=${(e: Event) => {
            this.recoveryCode = (e.target as HTMLInputElement).value;
            host.requestUpdate();
          }}
        />
      </div>`,
      errorId: 'recovery-error',
      submitLabel: t('authVerify'),
      busyLabel: t('authVerifying'),
      busy: host.calls.pending === 'verify',
      onSubmit: () => void this.verifyRecoveryCode(),
    });
  }

  /**
   * The done step after either: `status` (verified, or the recovery codes left), as an alert when
   * very few are left, and Continue while success waits for it.
   */
  done(status: string): TemplateResult {
    const loud = this.warning && this.left <= VERY_FEW_RECOVERY_CODES;
    const held = this.held;
    return html`<div class="stack">
      <p part="status" role=${loud ? 'alert' : 'status'} class=${this.warning ? 'warning' : 'done'}>
        ${status}
      </p>
      ${
        held
          ? html`<div class="actions">
              <button part="submit-button" type="button" @click=${held}>
                ${this.voice.t('authContinue')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}
