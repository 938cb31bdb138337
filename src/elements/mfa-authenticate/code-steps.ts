// <mfa-authenticate>'s TOTP and recovery-code steps, loaded when one is shown: a member who signs in
// with SMS never loads them. What the member sees and the calls; the element keeps its step machine.
import { adoptStyles, html, type ReactiveElement, type TemplateResult } from 'lit';
import { FactorController, TOTP_CODE_FAILURES } from '../../controllers/factor.js';
import type { MfaStrings, StringKey } from '../../strings/locales.js';
import { field } from '../../styles/field.js';
import { codeField, stepForm } from '../code-field.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import { styles as stepStyles } from './code-steps.styles.js';
import type { MfaAuthenticate } from './mfa-authenticate.js';

import { authenticateCodes } from '../../strings/en/authenticate-codes.js';
import { addEnglish } from '../../strings/locales.js';
import { plural } from '../../strings/plural.js';

/** What both steps show, from the element's state. */
export interface StepState {
  t: (key: StringKey, values?: Record<string, string | number>) => string;
  strings: Partial<MfaStrings>;
  /** A failure not about what was typed (or, for recovery codes, any failure). */
  error: string;
  /** A failure about the code typed, shown under the code field. */
  codeError: string;
  busy: boolean;
}

/** The steps and their calls, for one `<mfa-authenticate>`. */
export class CodeSteps {
  /** The TOTP code's failures and success. */
  readonly factor: FactorController;

  /** Adds the steps' English and styles to the element's. */
  constructor(private readonly host: MfaAuthenticate) {
    addEnglish(authenticateCodes);
    const own = (host.constructor as typeof ReactiveElement).elementStyles;
    adoptStyles(host.renderRoot as ShadowRoot, [...own, field, stepStyles]);
    this.factor = new FactorController(host, TOTP_CODE_FAILURES);
  }

  /** A string with plural forms (`{count, plural, …}`) for `count` in the language `lang`. */
  count(text: string, lang: string, count: number): string {
    return plural(text, lang, count);
  }

  /** Sends a TOTP code (see `FactorController.verify`). */
  totp(code: string) {
    return this.factor.verify(code, 6, (client, who) =>
      client.totp.authenticate({
        organization_id: who.organizationId,
        member_id: who.memberId,
        code,
        session_duration_minutes: this.host.sessionDurationMinutes,
      }),
    );
  }

  /**
   * Sends a recovery code: an empty one is refused before any request; a failure is shown and the
   * field refocused. Resolves with the answer, or null when there is none.
   */
  async recover(code: string) {
    const host = this.host;
    const context = host.context;
    if (!context) return null;
    const refocus = () => host.steps.focus('[part~="recovery-code-input"]');
    if (!code) {
      host.calls.fail({ code: 'invalid_code', key: 'recoveryCodeRequired', recoverable: true });
      await refocus();
      return null;
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
    return result?.value ?? null;
  }

  /** TOTP code entry: a full code goes to `verify` at once; submitting sends what the field holds. */
  totpStep(state: StepState, verify: (code: string) => void): TemplateResult {
    const { t } = state;
    const field = () => this.host.renderRoot.querySelector<MfaCodeInput>('mfa-code-input');
    return stepForm({
      error: state.error,
      title: t('authTotpTitle'),
      intro: t('authTotpIntro', { length: 6 }),
      field: codeField({ length: 6, error: state.codeError, strings: state.strings, onCode: verify }),
      submitLabel: t('authVerify'),
      busyLabel: t('authVerifying'),
      busy: state.busy,
      onSubmit: () => verify(field()?.value ?? ''),
    });
  }

  /** Recovery code entry: free text (codes are not digits), kept in the element as it is typed. */
  recoveryStep(
    state: StepState,
    value: string,
    onInput: (value: string) => void,
    submit: () => void,
  ): TemplateResult {
    const { t } = state;
    return stepForm({
      error: state.error,
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
          .value=${value}
          aria-invalid=${state.error ? 'true' : 'false'}
          aria-describedby="recovery-error"
          @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
        />
      </div>`,
      errorId: 'recovery-error',
      submitLabel: t('authVerify'),
      busyLabel: t('authVerifying'),
      busy: state.busy,
      onSubmit: submit,
    });
  }
}
