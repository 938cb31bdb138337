import { LitElement, type PropertyDeclarations } from 'lit';
import { LocalizeController } from '../controllers/localize.js';
import { emitChange } from '../events.js';
import type { MfaStrings } from '../strings/locales.js';

/**
 * What the kit's form fields share: form association through `ElementInternals` (form, validity,
 * reset and restore hooks, fieldset disabling), focus delegated to the inner control, Enter to
 * submit, and a re-dispatched `change` (native `input` events already cross the shadow root).
 *
 * The `--mfa-` custom properties below style every field (each inherits them in the manifest).
 *
 * @cssprop --mfa-color-primary - Accent color.
 * @cssprop --mfa-color-on-primary - Text on the accent color.
 * @cssprop --mfa-color-text - Text color.
 * @cssprop --mfa-color-muted - Secondary text color.
 * @cssprop --mfa-color-surface - Field background.
 * @cssprop --mfa-color-border - Field border.
 * @cssprop --mfa-color-error - Error color.
 * @cssprop --mfa-color-success - Success color.
 * @cssprop --mfa-focus-ring - Focus ring (a box-shadow).
 * @cssprop --mfa-radius - Corner radius.
 * @cssprop --mfa-spacing - Gap between parts.
 * @cssprop --mfa-font-family - Font.
 * @cssprop --mfa-font-size - Base font size.
 * @cssprop --mfa-color-scheme - `light` or `dark` to fix the scheme; by default the member's system setting.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The field's English: the last fallback of its strings. */
  static english: Partial<MfaStrings> = {};

  static override get properties(): PropertyDeclarations {
    return {
      name: {},
      required: { type: Boolean, reflect: true },
      disabled: { type: Boolean, reflect: true },
      errorMessage: { attribute: 'error-message' },
      strings: { attribute: false },
      formDisabled: { state: true, attribute: false },
    };
  }

  /** The form field name. */
  name = '';

  /** Whether a value is required to submit the form. */
  required = false;

  /** Disables the field. */
  disabled = false;

  /** A message shown under the field and announced (for example the server's); marks it invalid. */
  errorMessage = '';

  /** Overrides of the element's strings. */
  strings: Partial<MfaStrings> = {};

  /** Disabled by a disabled `<fieldset>` or form. */
  protected formDisabled = false;

  protected readonly internals = this.attachInternals();
  protected readonly localize = new LocalizeController(
    this,
    (this.constructor as typeof FormControl).english,
  );

  /** The form this field belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Enter submits the form the field belongs to (the inner control has no form of its own). */
  protected submitOnEnter(event: KeyboardEvent): boolean {
    if (event.key !== 'Enter' || !this.form) return false;
    event.preventDefault();
    this.form.requestSubmit();
    return true;
  }

  /** `change` does not cross shadow roots: the field fires its own. */
  protected redispatchChange(): void {
    emitChange(this);
  }
}
