// <mfa-authenticate>'s TOTP and recovery-code steps, loaded when one is shown: a member who signs in
// with SMS never loads them. The element keeps the calls; these are what the member sees.
import { html, type TemplateResult } from 'lit';
import type { MfaStrings, StringKey } from '../../strings/locales.js';
import { field } from '../../styles/field.js';
import { codeField, stepForm } from '../code-field.js';
import { styles as stepStyles } from './code-steps.styles.js';

export { authenticateCodes as english } from '../../strings/en/authenticate-codes.js';

/** The steps' styles, for the element to adopt beside its own. */
export const styles = [field, stepStyles];

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

/** TOTP code entry: a full code goes to `verify` at once; submitting sends what the field holds. */
export function totpStep(
  state: StepState,
  verify: (code: string) => void,
  submit: () => void,
): TemplateResult {
  const { t } = state;
  return stepForm({
    error: state.error,
    title: t('authTotpTitle'),
    intro: t('authTotpIntro', { length: 6 }),
    field: codeField({ length: 6, error: state.codeError, strings: state.strings, onCode: verify }),
    submitLabel: t('authVerify'),
    busyLabel: t('authVerifying'),
    busy: state.busy,
    onSubmit: submit,
  });
}

/** Recovery code entry: free text (codes are not digits), kept in the element as it is typed. */
export function recoveryStep(
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
