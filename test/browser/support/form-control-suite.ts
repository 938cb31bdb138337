// What every form-associated field of the kit does, as one suite each field's tests run (as Web
// Awesome's runFormControlBaseTests): form value and validity, submit with Enter, reset, a disabled
// fieldset, native-style input/change on user action only, the error message, and focus.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from './keys.js';
import { deepActiveElement, inShadow } from './shadow.js';
import { waitUntil } from './wait.js';

interface Field extends HTMLElement {
  value: string;
  errorMessage: string;
  readonly validity: ValidityState;
  checkValidity(): boolean;
  updateComplete: Promise<boolean>;
}

export interface FormControlSuite {
  tag: string;
  /** Extra attributes for the field (a default country, say). */
  attributes?: string;
  /** What a member types to fill it, and the form value that results. */
  typed: string;
  value: string;
  /** A value the host sets, as the inner input then shows it. */
  hostValue: string;
  hostShown: string;
  /** Waits until the field can take input (the phone field's library). */
  ready?: (field: Field) => Promise<void>;
}

export function formControlSuite(o: FormControlSuite): void {
  const { tag } = o;
  const extra = o.attributes ?? '';
  const input = (field: Field) => inShadow<HTMLInputElement>(field, 'input:not([type="hidden"])');

  describe(`<${o.tag}> as a form control`, () => {
    let form: HTMLFormElement;
    let field: Field;

    beforeEach(async () => {
      form = await fixture<HTMLFormElement>(
        `<form><${tag} name="field" required ${extra}></${tag}><button>Submit</button></form>`,
      );
      field = form.querySelector(o.tag) as Field;
      await field.updateComplete;
      await o.ready?.(field);
    });

    it('has a form value and validity; Enter submits; reset empties it', async () => {
      expect(form.checkValidity()).to.equal(false);
      expect(field.validity.valueMissing).to.equal(true);
      field.focus();
      await sendKeys({ type: o.typed });
      await field.updateComplete;
      expect(field.value).to.equal(o.value);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('field')).to.equal(o.value);

      const submitted = oneEvent(form, 'submit');
      form.addEventListener('submit', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Enter' });
      await submitted;

      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal('');
      expect(input(field).value).to.equal('');
    });

    it('is disabled by a disabled fieldset', async () => {
      const wrapper = await fixture<HTMLFormElement>(
        `<form><fieldset disabled><${tag} name="field" ${extra}></${tag}></fieldset></form>`,
      );
      const inner = wrapper.querySelector(o.tag) as Field;
      await inner.updateComplete;
      expect(input(inner).disabled).to.equal(true);
    });

    it('fires input and change on user action, not when the host sets value', async () => {
      const seen: string[] = [];
      field.addEventListener('input', () => seen.push('input'));
      field.addEventListener('change', () => seen.push('change'));
      field.value = o.hostValue;
      await field.updateComplete;
      expect(seen).to.deep.equal([]);
      expect(input(field).value).to.equal(o.hostShown);

      field.value = '';
      await field.updateComplete;
      field.focus();
      await sendKeys({ type: o.typed.slice(0, 1) });
      (deepActiveElement() as HTMLElement).blur();
      expect(seen).to.deep.equal(['input', 'change']);
    });

    it('shows an error message, tied to its input, and marks itself invalid', async () => {
      field.errorMessage = 'Not that one.';
      await field.updateComplete;
      expect(input(field).getAttribute('aria-invalid')).to.equal('true');
      const error = inShadow(field, '[part~="error"]');
      expect(error.textContent!.trim()).to.equal('Not that one.');
      expect(input(field).getAttribute('aria-describedby')).to.equal(error.id);
      await expect(form).to.be.accessible();
    });

    it('takes focus with the keyboard, into its own controls', async () => {
      const outer = await fixture<HTMLDivElement>(
        `<div><button>before</button><${tag} part="field" ${extra}></${tag}></div>`,
      );
      const inner = outer.querySelector(o.tag) as Field;
      outer.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => inner.shadowRoot!.contains(deepActiveElement()), 'focus moved into the field');
    });
  });
}
