import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LocalizeController } from '../controllers/localize.js';
import { emitChange } from '../events.js';
import type { MfaStrings } from '../strings/locales.js';

/**
 * What the kit's form fields share: the form-associated contract of a native control through
 * `ElementInternals` (form, validity with a custom error, `willValidate`, `labels`, the
 * `user-valid`/`user-invalid` states, `defaultValue` and reset, fieldset disabling), focus delegated
 * to the inner control, Enter to submit (unless the host cancels it), and a re-dispatched `change`
 * (native `input` events already cross the shadow root).
 *
 * The `--mfa-` custom properties below style every field (each inherits them in the manifest).
 *
 * @cssstate user-invalid - The member has interacted with the field (changed it and left it, pressed Enter, or a submit was blocked) and it is not valid; a reset clears it.
 * @cssstate user-valid - The member has interacted with the field and it is valid.
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
      defaultValue: { attribute: 'value' },
      formDisabled: { state: true, attribute: false },
      interacted: { state: true, attribute: false },
    };
  }

  abstract value: string;

  /**
   * The value a reset returns to: the `value` attribute, as on a native input. While the member has
   * not changed the value (nor the host set it), the field follows it.
   */
  defaultValue = '';

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

  /**
   * The member has changed the value and left it, pressed Enter, or been told it is invalid (a
   * blocked submit, `reportValidity()`): the `user-valid`/`user-invalid` states apply from then on.
   */
  protected interacted = false;

  /** The value was changed by the member or the host: a new default waits for a reset. */
  protected dirty = false;

  private customMessage = '';
  private quiet = false;

  protected readonly internals = this.attachInternals();
  protected readonly localize = new LocalizeController(
    this,
    (this.constructor as typeof FormControl).english,
  );

  constructor() {
    super();
    // Told it is invalid by a check other than its own checkValidity(): the member should see why.
    this.addEventListener('invalid', () => (this.interacted ||= !this.quiet));
  }

  /** The form this field belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Whether the value is valid, and why not (the field's own check, then the host's error). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** What the browser says when the field is not valid; '' when it is. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the field takes part in its form's validation (not when disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** The `<label>`s of the field. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** Fires `invalid` when the value is not valid, without telling the member. */
  checkValidity(): boolean {
    this.quiet = true; // (a listener that throws is reported, not thrown here)
    const valid = this.internals.checkValidity();
    this.quiet = false;
    return valid;
  }

  /** Fires `invalid` when the value is not valid and, unless it is canceled, focuses the field and shows why. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Marks the field invalid with `message` (for example the host's server answer: "Wrong or expired
   * code."), as on a native input: kept while the value changes, until set to ''.
   */
  setCustomValidity(message: string): void {
    this.customMessage = message ?? '';
    this.validate();
  }

  /** What the field's own check finds wrong, and why; `[]` when nothing. */
  protected abstract check(): [ValidityStateFlags, string] | [];

  /** Sets validity (the field's check, then the host's custom error) and the user-… states. */
  protected validate(): void {
    const [flags = {}, message = ''] = this.check();
    const custom = this.customMessage;
    this.internals.setValidity(
      custom ? { ...flags, customError: true } : flags,
      custom || message,
      this.renderRoot?.querySelector('input') ?? undefined,
    );
    const valid = this.validity.valid;
    const states = this.internals.states; // none before Safari 17.4
    for (const [state, on] of [
      ['user-invalid', this.interacted && !valid],
      ['user-valid', this.interacted && valid],
    ] as const) {
      const change = (name: string) => states?.[on ? 'add' : 'delete'](name);
      try {
        change(state);
      } catch {
        change(`--${state}`); // Chromium before 125 takes only `--` names (`:--user-invalid`)
      }
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('defaultValue') && !this.dirty) {
      this.value = this.defaultValue;
      this.dirty = false;
    }
  }

  protected override updated(): void {
    this.validate(); // the states follow `interacted` too
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
    this.dirty = this.interacted = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /**
   * Enter submits the form the field belongs to (the inner control has no form of its own) once the
   * key's event has been everywhere: a host's keydown listener that calls `preventDefault()` stops it.
   * As with a native input, the form's default button is clicked (its click listeners run; disabled,
   * it stops the submit); a form without one is submitted.
   */
  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    setTimeout(() => {
      const form = this.form;
      if (event.defaultPrevented || !form) return;
      this.interacted = true;
      const button = [...form.elements].find(
        (e): e is HTMLButtonElement | HTMLInputElement =>
          (e instanceof HTMLButtonElement || e instanceof HTMLInputElement) &&
          /^(submit|image)$/.test(e.type),
      );
      if (!button) form.requestSubmit();
      else if (!button.disabled) button.click();
    });
  }

  /** `change` does not cross shadow roots: the field fires its own. */
  protected redispatchChange(): void {
    this.interacted = true;
    emitChange(this);
  }
}
