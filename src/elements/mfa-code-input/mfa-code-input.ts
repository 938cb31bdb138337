import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emit } from '../../events.js';
import { code } from '../../strings/en/code.js';
import { field } from '../../styles/field.js';
import { asciiDigits } from '../../text/digits.js';
import { tokens } from '../../styles/tokens.js';
import { FormControl } from '../form-control.js';
import { styles } from './mfa-code-input.styles.js';

/**
 * Keeps the digits of what was typed or pasted ("123 456", "123-456", " 123456 ", "１２３４５６",
 * "١٢٣٤٥٦"), as ASCII, up to `length`.
 */
export function digitsOf(text: string, length: number): string {
  return asciiDigits(text).replace(/\D/g, '').slice(0, length);
}

/**
 * A one-time-code field: one input (so SMS autofill and password managers work), digits only,
 * form-associated. Pasting "123 456", "123-456" or " 123456 " fills it.
 *
 * @summary Form-associated one-time-code field.
 * @fires {CustomEvent<CodeCompleteDetail>} mfa-code-complete - The field holds a full code (the one event that carries it).
 * @fires {InputEvent} input - The member changed the value (native, from the inner input).
 * @fires change - The member committed a change.
 * @csspart label - The visible label.
 * @csspart input - The inner `<input>`.
 * @csspart error - The message under the field.
 * @cssprop --mfa-code-font-family - Font of the digits (monospace by default).
 * @cssprop --mfa-code-font-size - Size of the digits.
 * @cssprop --mfa-color-primary - Focus color.
 */
export class MfaCodeInput extends FormControl {
  static override styles = [tokens, field, styles];
  static override english = code;

  static override get properties(): PropertyDeclarations {
    return {
      length: { type: Number },
      value: { attribute: false },
      label: {},
    };
  }

  /** How many digits the code has. */
  length = 6;

  /** The digits entered. Setting it fires no event. (The `value` attribute is `defaultValue`.) */
  get value(): string {
    return this.digits;
  }
  set value(next: string) {
    this.digits = next ?? '';
    this.dirty = true;
  }

  /** The visible label; the localized "Verification code" when empty. */
  label = '';

  private digits = '';

  /** The inner input (rendered in the first update, before anything reads it). */
  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input') as HTMLInputElement;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.digits = digitsOf(this.digits, this.length);
  }

  protected override updated(): void {
    // On the inner field, never the host: a host framework owns the host's `style` attribute.
    this.input.style.setProperty('--_length', String(this.length));
    // No state for history: a one-time code is used once, so Back never brings it back.
    this.internals.setFormValue(this.value, null);
    super.updated();
  }

  protected override check(): [ValidityStateFlags, string] | [] {
    const t = this.localize.t.bind(this.localize);
    if (this.required && !this.value) return [{ valueMissing: true }, t('codeRequired')];
    if (this.value && this.value.length < this.length) {
      return [{ tooShort: true }, t('codeIncomplete', { length: this.length })];
    }
    return [];
  }

  private onInput(): void {
    const before = this.value;
    const clean = digitsOf(this.input.value, this.length);
    if (this.input.value !== clean) this.input.value = clean;
    this.value = clean;
    if (clean.length === this.length && before !== clean) {
      emit(this, 'mfa-code-complete', { code: clean });
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.bind(this.localize);
    const invalid = Boolean(this.errorMessage);
    return html`
      <label part="label" for="input">${this.label || t('codeLabel')}</label>
      <input
        id="input"
        part="input"
        type="text"
        inputmode="numeric"
        .autocomplete=${'one-time-code'}
        spellcheck="false"
        .enterKeyHint=${'done'}
        name=${ifDefined(this.name || undefined)}
        .value=${this.value}
        ?required=${this.required}
        ?disabled=${this.disabled || this.formDisabled}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="error"
        @input=${this.onInput}
        @change=${this.redispatchChange}
        @keydown=${this.onKeydown}
      />
      <p id="error" part="error" aria-live="polite">${this.errorMessage}</p>
    `;
  }
}

// The types of the element's properties and events, for `import type { … } from '…/mfa-code-input'`.
export type { CodeCompleteDetail } from '../../events.js';
export type { MfaStrings } from '../../strings/locales.js';

if (!customElements.get('mfa-code-input')) customElements.define('mfa-code-input', MfaCodeInput);

declare global {
  interface HTMLElementTagNameMap {
    'mfa-code-input': MfaCodeInput;
  }
}
