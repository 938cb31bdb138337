// <sms-otp-input>'s phone entry, loaded when it shows (with the phone field): a member whose number is
// known never loads it. The element keeps the calls; this is what the member sees, and
// the check of the number before it is sent.
import { html, type TemplateResult } from 'lit';
import type { MfaStrings, StringKey } from '../../strings/locales.js';
import { emit } from '../../events.js';
import type { MfaStep } from '../../types.js';
import { stepForm } from '../code-field.js';
import '../mfa-phone-input/mfa-phone-input.js';
import type { MfaPhoneInput } from '../mfa-phone-input/mfa-phone-input.js';

export { smsPhone as english } from '../../strings/en/sms-phone.js';

/** Phone entry: the field (its parts forwarded), and Send. */
export function phoneStep(state: {
  t: (key: StringKey) => string;
  strings: Partial<MfaStrings>;
  error: string;
  phone: string;
  defaultCountry: string;
  countries: string;
  busy: boolean;
  /** The member changed the number (a failure about the old one no longer stands). */
  onEdit: () => void;
  onSubmit: () => void;
}): TemplateResult {
  const { t } = state;
  return stepForm({
    error: state.error,
    title: t('smsPhoneTitle'),
    intro: t('smsPhoneIntro'),
    field: html`<mfa-phone-input
      part="phone-input"
      exportparts="label,country-select,input,error"
      required
      .value=${state.phone}
      default-country=${state.defaultCountry}
      countries=${state.countries}
      .strings=${state.strings}
      @input=${state.onEdit}
    ></mfa-phone-input>`,
    submitLabel: t('smsSend'),
    busyLabel: t('smsSending'),
    busy: state.busy,
    onSubmit: state.onSubmit,
  });
}

/**
 * The number the member typed, once it is valid. Otherwise says why — the field's message, else
 * `fallback` — as an `mfa-error` from `host`, refocuses the field and returns null.
 */
export function typedPhone(
  host: HTMLElement & { readonly step: MfaStep | null },
  fallback: string,
): string | null {
  const input = host.shadowRoot?.querySelector<MfaPhoneInput>('mfa-phone-input');
  if (!input) return null;
  // The step's form is `novalidate`: the field shows why under itself, with no browser bubble.
  const inline = (event: Event) => event.preventDefault();
  input.addEventListener('invalid', inline);
  const valid = input.ready && input.reportValidity();
  input.removeEventListener('invalid', inline);
  if (valid) return input.value;
  emit(host, 'mfa-error', {
    code: 'invalid_phone_number',
    message: input.validationMessage || fallback,
    step: host.step,
    recoverable: true,
  });
  input.focus();
  return null;
}
