import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { resolveLang } from '../../controllers/localize.js';
import { phone } from '../../strings/en/phone.js';
import { field } from '../../styles/field.js';
import { intlLocale } from '../../strings/intl.js';
import { tokens } from '../../styles/tokens.js';
import { asciiDigits } from '../../text/digits.js';
import { FormControl } from '../form-control.js';
import { styles } from './mfa-phone-input.styles.js';
import type * as PhoneLibModule from './phone-lib.js';
import type { CountryCode } from './phone-lib.js';

type PhoneLib = typeof PhoneLibModule;

let phoneLib: Promise<PhoneLib> | undefined;
let loadedPhoneLib: PhoneLib | null = null;
/** Loads the phone library once, on first use. */
export function loadPhoneLib(): Promise<PhoneLib> {
  phoneLib ??= import('./phone-lib.js').then((lib) => (loadedPhoneLib = lib));
  phoneLib.catch(() => (phoneLib = undefined)); // a failed load is tried again when next shown
  return phoneLib;
}

function regionOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * A phone number field: a country and a national number that together give an E.164 number. It
 * formats as the member types, names countries in the member's language, picks the country of a
 * pasted international number ("+44 20 …"), and says when a number is not valid before anything is
 * sent. Form-associated; its form value is the E.164 number. The number is laid out left to right in
 * every language ("+1 415…", also in Arabic).
 *
 * The phone-number library (about 31 KB compressed) loads when the field is first shown.
 *
 * @summary Form-associated country + number field that yields E.164.
 * @fires {InputEvent} input - The member changed the number or the country (native, from the inner controls).
 * @fires change - The member committed a change.
 * @csspart country-select - The country `<select>`.
 * @csspart input - The number `<input>`.
 * @csspart label - The labels.
 * @csspart error - The message under the field.
 * @cssprop --mfa-color-primary - Focus color.
 */
export class MfaPhoneInput extends FormControl {
  static override styles = [tokens, field, styles];
  static override english = phone;

  static override get properties(): PropertyDeclarations {
    return {
      value: { attribute: false },
      defaultCountry: { attribute: 'default-country' },
      countries: {},
      country: { state: true, attribute: false },
      text: { state: true, attribute: false },
      lib: { state: true, attribute: false },
    };
  }

  /**
   * The number in E.164 form (`+14155550123`), or '' while what is typed is not a valid number. (The
   * `value` attribute is `defaultValue`.)
   */
  get value(): string {
    return this.e164;
  }
  set value(next: string) {
    this.pendingValue = next ?? '';
    this.text = next ?? '';
    this.e164 = '';
    this.dirty = true;
    this.applyText(false);
  }

  /**
   * The country to start with (ISO 3166 alpha-2, e.g. `GB`); else the browser's region (the
   * member's, not the page's language: an Arabic page read in the US starts at the US), else `US`.
   */
  defaultCountry = '';

  /**
   * The countries a number may be from (ISO 3166 alpha-2, space- or comma-separated, e.g.
   * `"US CA GB"`): only they are listed, and a number from another (a pasted `+44 …`) is refused
   * before anything is sent. Empty: every country.
   */
  countries = '';

  private country = '';
  private text = '';
  private lib: PhoneLib | null = loadedPhoneLib;
  /** The inner input (rendered in the first update, before anything reads it). */
  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('#number') as HTMLInputElement;
  }

  private e164 = '';
  private pendingValue = '';
  /** The country the number typed belongs to (a pasted `+44 …` is GB whatever is selected). */
  private numberCountry = '';

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lib) return;
    loadPhoneLib().then(
      (lib) => {
        this.lib = lib;
        this.applyText(false);
      },
      () => undefined, // not ready: the number cannot be checked, so it is not accepted
    );
  }

  /** Focuses the number (the country can be reached with Shift+Tab). */
  override focus(options?: FocusOptions): void {
    if (this.input) this.input.focus(options);
    else super.focus(options);
  }

  /** True once the phone library has loaded and the field can validate. */
  get ready(): boolean {
    return this.lib !== null;
  }

  /**
   * History (Back, Forward) gives back the country and the number as the member left them; an
   * autofill (`reason` 'autocomplete') gives a number alone.
   */
  formStateRestoreCallback(state: string | null, reason?: 'restore' | 'autocomplete'): void {
    if (reason === 'autocomplete') {
      this.value = state ?? '';
      return;
    }
    const [, country, text] = /^(\S*) ?(.*)$/.exec(state ?? '')!;
    this.country = country!;
    this.value = text!;
  }

  /** The allowed countries, or null for all. */
  private get allowed(): Set<string> | null {
    const list = this.countries
      .toUpperCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    return list.length ? new Set(list) : null;
  }

  private get countryInUse(): string {
    const allowed = this.allowed;
    const wanted = [
      this.country,
      this.defaultCountry,
      regionOf(navigator.language),
      regionOf(resolveLang(this)),
      'US',
    ];
    const usable = (code: string | undefined) =>
      Boolean(code) && (!allowed || allowed.has(code!.toUpperCase()));
    return (wanted.find(usable) || this.country || [...(allowed ?? ['US'])][0]!).toUpperCase();
  }

  /** Formats `text` for the country in use, picks the country of an international number, updates the value. */
  private applyText(formatText: boolean): void {
    const lib = this.lib;
    if (!lib) return;
    const raw = asciiDigits(this.text).trim();
    if (!this.country) this.country = this.supported(this.countryInUse) ?? 'US';
    if (raw.startsWith('+')) {
      const typing = new lib.AsYouType();
      const formatted = typing.input(raw);
      const detected = typing.getCountry();
      if (detected) this.country = detected;
      if (formatText) this.text = formatted;
    } else if (formatText && raw) {
      this.text = new lib.AsYouType(this.country as CountryCode).input(raw);
    }
    const parsed = raw ? lib.parsePhoneNumberFromString(raw, this.country as CountryCode) : undefined;
    this.e164 = parsed?.isValid() ? parsed.number : '';
    this.numberCountry = parsed?.country ?? this.country;
    if (parsed?.isValid() && raw.startsWith('+') && this.pendingValue) {
      // A value set by the host shows in national form, with its country selected.
      this.country = parsed.country ?? this.country;
      this.text = parsed.formatNational();
    }
    this.pendingValue = '';
    this.requestUpdate();
  }

  private supported(country: string): string | undefined {
    return this.lib?.getCountries().includes(country as CountryCode) ? country : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('defaultCountry') || changed.has('countries')) && this.lib && !this.text) {
      this.country = ''; // chosen again from the page's values
      this.country = this.supported(this.countryInUse) ?? '';
    }
    // Validity is worked out before rendering, so the message under the field is never a keystroke behind.
    this.internals.setFormValue(this.e164, `${this.country} ${this.text}`);
    this.validate();
  }

  protected override check(): [ValidityStateFlags, string] | [] {
    const t = this.localize.t.bind(this.localize);
    if (!this.text.trim()) return this.required ? [{ valueMissing: true }, t('phoneRequired')] : [];
    if (!this.e164) return [{ typeMismatch: true }, t('phoneInvalid')];
    if (this.allowed && !this.allowed.has(this.numberCountry)) {
      return [{ customError: true }, t('phoneCountryNotAllowed')];
    }
    return [];
  }

  private onNumberInput(): void {
    const caretAtEnd = this.input.selectionStart === this.input.value.length;
    this.text = this.input.value;
    this.applyText(caretAtEnd);
    if (this.input.value !== this.text) this.input.value = this.text;
  }

  private onCountryChange(event: Event): void {
    this.country = (event.target as HTMLSelectElement).value;
    if (this.text.trim().startsWith('+') && this.lib) {
      // The member chose a country: keep the digits after the old calling code as a national number.
      const parsed = this.lib.parsePhoneNumberFromString(this.text);
      if (parsed) this.text = parsed.nationalNumber;
    }
    this.applyText(true);
    this.redispatchChange();
  }

  private onNumberChange(): void {
    // Once committed, an international number reads in national form beside its country.
    if (this.e164 && this.text.trim().startsWith('+') && this.lib) {
      this.text = this.lib.parsePhoneNumberFromString(this.e164)?.formatNational() ?? this.text;
    }
    this.redispatchChange();
  }

  private countryOptions(): TemplateResult[] {
    const lang = intlLocale(this.localize.lang);
    const names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
    const lib = this.lib;
    const allowed = this.allowed;
    const codes = (lib ? lib.getCountries() : [this.countryInUse as CountryCode]).filter(
      (code) => !allowed || allowed.has(code),
    );
    return codes
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, lang))
      .map(
        ({ code, name }) =>
          html`<option value=${code} ?selected=${code === this.countryInUse}>
            ${name}${lib ? ` (+${lib.getCountryCallingCode(code)})` : ''}
          </option>`,
      );
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const disabled = this.disabled || this.formDisabled;
    const message = this.errorMessage || (this.interacted ? this.validationMessage : '');
    return html`
      <div class="row">
        <div class="field country">
          <label part="label" for="country">${t('countryLabel')}</label>
          <select
            id="country"
            part="country-select"
            autocomplete="tel-country-code"
            .value=${live(this.countryInUse)}
            ?disabled=${disabled}
            @change=${this.onCountryChange}
          >
            ${this.countryOptions()}
          </select>
        </div>
        <div class="field number">
          <label part="label" for="number">${t('phoneLabel')}</label>
          <input
            id="number"
            part="input"
            dir="ltr"
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            name=${ifDefined(this.name || undefined)}
            .value=${live(this.text)}
            ?required=${this.required}
            ?disabled=${disabled}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby="error"
            @input=${this.onNumberInput}
            @change=${this.onNumberChange}
            @keydown=${this.onKeydown}
          />
        </div>
      </div>
      <p id="error" part="error" aria-live="polite">${message}</p>
    `;
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-phone-input'`.
export type { MfaStrings } from '../../strings/locales.js';

if (!customElements.get('mfa-phone-input')) customElements.define('mfa-phone-input', MfaPhoneInput);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-phone-input': MfaPhoneInput;
  }
}
