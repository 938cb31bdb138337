// What every form-associated field of the kit does, as one suite each field's tests run (as Web
// Awesome's runFormControlBaseTests): form value and validity, submit with Enter, reset, a disabled
// fieldset, native-style input/change on user action only, the error message, and focus — and the
// rest of the platform's form-control contract, as a native <input> keeps it: setCustomValidity,
// willValidate, labels, the user-valid/user-invalid states, a host-cancelable Enter, defaultValue,
// one `invalid` event per check, reportValidity, and history restore.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from './keys.js';
import { deepActiveElement, inShadow } from './shadow.js';
import { frameLoaded, showPage } from './test-page.js';
import { waitUntil } from './wait.js';

interface Field extends HTMLElement {
  value: string;
  defaultValue: string;
  errorMessage: string;
  disabled: boolean;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  readonly labels: NodeList;
  checkValidity(): boolean;
  reportValidity(): boolean;
  setCustomValidity(message: string): void;
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
  /** Typed text the field holds but refuses (an incomplete code, a short number). */
  invalidTyped: string;
  /**
   * History (Back, then Forward or a reload of the entry): what the member enters in a page of its
   * own (`enter` runs in that page's field, focused), and what the field shows once the browser
   * restores the page — or that nothing comes back.
   */
  history: {
    enter: (field: Field) => Promise<void>;
    restored: { value: string; shown: string; country?: string } | 'nothing';
  };
  /** Whether the field shows its validation message under itself once the member is told. */
  showsMessage: boolean;
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
      // A submit that got through is counted by the test that expects it; the page never navigates.
      form.addEventListener('submit', (event) => event.preventDefault());
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

    /** Fills the field as the member would, then leaves it (a committed change). */
    async function typeAndLeave(text: string): Promise<void> {
      field.focus();
      await sendKeys({ type: text });
      (deepActiveElement() as HTMLElement).blur();
      await field.updateComplete;
    }

    /** Counts the form's submit events. */
    function countSubmits(): { count: number } {
      const seen = { count: 0 };
      form.addEventListener('submit', () => (seen.count += 1));
      return seen;
    }

    const states = () => ['user-valid', 'user-invalid'].filter((state) => field.matches(`:state(${state})`));

    it('1. setCustomValidity: a custom error, kept across value changes until cleared, blocks submit', async () => {
      await typeAndLeave(o.typed);
      expect(field.checkValidity()).to.equal(true);

      // The host's own server said no.
      field.setCustomValidity('Wrong or expired code.');
      expect(field.validity.customError).to.equal(true);
      expect(field.validity.valid).to.equal(false);
      expect(field.validationMessage).to.equal('Wrong or expired code.');
      expect(field.matches(':invalid')).to.equal(true);
      expect(form.checkValidity()).to.equal(false);

      const submits = countSubmits();
      const invalid = oneEvent(field, 'invalid');
      form.requestSubmit();
      await invalid;
      expect(submits.count).to.equal(0);

      // A native control keeps its custom error while the value changes.
      field.value = o.hostValue;
      await field.updateComplete;
      expect(field.validity.customError).to.equal(true);
      expect(field.validationMessage).to.equal('Wrong or expired code.');

      field.setCustomValidity('');
      expect(field.validity.customError).to.equal(false);
      expect(field.validity.valid).to.equal(true);
      expect(field.validationMessage).to.equal('');
      const submitted = oneEvent(form, 'submit');
      form.requestSubmit();
      await submitted;
    });

    it('1. setCustomValidity wins over its own check, as on a native input', async () => {
      expect(field.validity.valueMissing).to.equal(true);
      field.setCustomValidity('Ask your administrator for a code.');
      expect(field.validity.valueMissing).to.equal(true);
      expect(field.validity.customError).to.equal(true);
      expect(field.validationMessage).to.equal('Ask your administrator for a code.');
      field.setCustomValidity('');
      expect(field.validity.customError).to.equal(false);
      expect(field.validity.valueMissing).to.equal(true);
      expect(field.validationMessage).to.not.equal('');
    });

    it('2. willValidate and labels, as ElementInternals gives them', async () => {
      const page = await fixture<HTMLDivElement>(
        `<div><form><label for="f">Outside</label><label>Around <${tag} id="f" ${extra}></${tag}></label></form>
        <fieldset disabled><${tag} ${extra}></${tag}></fieldset></div>`,
      );
      const [labelled, barred] = [...page.querySelectorAll(tag)] as Field[];
      await labelled!.updateComplete;
      expect(labelled!.willValidate).to.equal(true);
      expect([...labelled!.labels].map((l) => l.textContent!.trim())).to.deep.equal(['Outside', 'Around']);
      expect(barred!.willValidate).to.equal(false);
      labelled!.disabled = true;
      await labelled!.updateComplete;
      expect(labelled!.willValidate).to.equal(false);
    });

    it('3. user-invalid / user-valid states only after the member has interacted', async () => {
      // A required empty field is :invalid from the start, but not yet user-invalid.
      expect(field.matches(':invalid')).to.equal(true);
      expect(states()).to.deep.equal([]);
      field.checkValidity();
      await field.updateComplete;
      expect(states()).to.deep.equal([]);

      await typeAndLeave(o.invalidTyped);
      expect(states()).to.deep.equal(['user-invalid']);

      field.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: o.typed.slice(o.invalidTyped.length) });
      await field.updateComplete;
      expect(states()).to.deep.equal(['user-valid']);

      form.reset();
      await field.updateComplete;
      expect(states()).to.deep.equal([]);
    });

    it('3. a blocked submit marks an untouched field user-invalid', async () => {
      const invalid = oneEvent(field, 'invalid');
      form.requestSubmit();
      await invalid;
      await field.updateComplete;
      expect(states()).to.deep.equal(['user-invalid']);
    });

    it("3. a form's checkValidity() tells the field as a blocked submit does (documented)", async () => {
      expect(form.checkValidity()).to.equal(false);
      await field.updateComplete;
      expect(states()).to.deep.equal(['user-invalid']);
    });

    it("3. :user-invalid is the engine's (Firefox: as :invalid, from load); :state(user-invalid) is ours", async () => {
      // HTML defines :user-invalid for input, textarea and select only. Chromium and WebKit never
      // match it on a form-associated custom element; Firefox matches it whenever :invalid does, so
      // a required empty field is :user-invalid from the start. The README points to the state.
      const engine = navigator.userAgent.includes('Firefox/') ? (invalid: boolean) => invalid : () => false;
      expect(states()).to.deep.equal([]);
      expect(field.matches(':user-invalid')).to.equal(engine(true));
      await typeAndLeave(o.invalidTyped);
      expect(field.matches(':state(user-invalid)')).to.equal(true);
      expect(field.matches(':user-invalid')).to.equal(engine(true));
      field.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ type: o.typed.slice(o.invalidTyped.length) });
      await field.updateComplete;
      expect(field.matches(':state(user-invalid)')).to.equal(false);
      expect(field.matches(':user-invalid')).to.equal(engine(false));
    });

    it("4. Enter: the host's keydown listeners run first, and preventDefault() stops the submit", async () => {
      await typeAndLeave(o.typed);
      const order: string[] = [];
      const submits = countSubmits();
      form.addEventListener('submit', () => order.push('submit'));
      let cancel = true;
      field.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        order.push(cancel ? 'keydown (canceled)' : 'keydown');
        if (cancel) event.preventDefault();
      });
      field.focus();
      await sendKeys({ press: 'Enter' });
      cancel = false;
      const submitted = oneEvent(form, 'submit');
      await sendKeys({ press: 'Enter' });
      await submitted;
      expect(order).to.deep.equal(['keydown (canceled)', 'keydown', 'submit']);
      expect(submits.count).to.equal(1);
    });

    it("4. Enter clicks the form's default button, as an input's Enter does; a disabled one stops it", async () => {
      await typeAndLeave(o.typed);
      const button = form.querySelector('button')!;
      const order: string[] = [];
      button.addEventListener('click', () => order.push('click'));
      form.addEventListener('submit', (event) =>
        order.push(event.submitter === button ? 'submit by the button' : 'submit'),
      );
      button.disabled = true;
      field.focus();
      await sendKeys({ press: 'Enter' }); // a disabled default button: nothing happens
      button.disabled = false;
      const submitted = oneEvent(form, 'submit');
      await sendKeys({ press: 'Enter' });
      await submitted;
      expect(order).to.deep.equal(['click', 'submit by the button']);
    });

    it('3. user states on engines with fewer of them: `--` names only (Chromium < 125), or none (Safari < 17.4)', async () => {
      for (const states of ['dashed only', 'none'] as const) {
        const seen = new Set<string>();
        const dashedOnly = {
          add: (name: string) => {
            if (!name.startsWith('--')) throw new DOMException(`'${name}' is not a valid custom state`);
            seen.add(name);
          },
          delete: (name: string) => seen.delete(name),
        };
        const wrapper = await fixture<HTMLFormElement>('<form></form>');
        const other = document.createElement(tag) as Field & { internals: ElementInternals };
        for (const [, name, value] of extra.matchAll(/([\w-]+)="([^"]*)"/g))
          other.setAttribute(name!, value!);
        other.setAttribute('required', '');
        Object.defineProperty(other.internals, 'states', {
          value: states === 'none' ? undefined : dashedOnly,
        });
        wrapper.append(other);
        await other.updateComplete;
        await o.ready?.(other);
        expect(input(other), `${states}: the field renders`).to.not.equal(null);
        other.focus();
        await sendKeys({ type: o.invalidTyped });
        (deepActiveElement() as HTMLElement).blur();
        await other.updateComplete;
        expect(other.validity.valid).to.equal(false);
        expect([...seen]).to.deep.equal(states === 'none' ? [] : ['--user-invalid']);
      }
    });

    it('5. defaultValue: an untouched field follows it; reset returns to it, also to an empty one', async () => {
      expect(field.defaultValue).to.equal('');
      field.defaultValue = o.hostValue;
      await field.updateComplete;
      expect(field.value).to.equal(o.hostValue);
      field.value = '';
      await field.updateComplete;
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal(o.hostValue);
      expect(input(field).value).to.equal(o.hostShown);

      field.defaultValue = '';
      field.value = o.hostValue;
      await field.updateComplete;
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal('');
      expect(input(field).value).to.equal('');
    });

    it('5. the value attribute is the default value, read at any time, as on a native input', async () => {
      field.setAttribute('value', o.hostValue);
      await field.updateComplete;
      expect(field.defaultValue).to.equal(o.hostValue);
      // Untouched, the field follows its default.
      expect(field.value).to.equal(o.hostValue);
      expect(input(field).value).to.equal(o.hostShown);

      // Once the member has typed, a new default waits for a reset.
      field.value = '';
      await field.updateComplete;
      field.focus();
      await sendKeys({ type: o.typed });
      await field.updateComplete;
      field.setAttribute('value', '');
      field.setAttribute('value', o.hostValue);
      await field.updateComplete;
      expect(field.value).to.equal(o.value);
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal(o.hostValue);
      expect(input(field).value).to.equal(o.hostShown);
    });

    it('6. one invalid event per checkValidity() or reportValidity(), none while rendering or typing', async () => {
      let invalids = 0;
      field.addEventListener('invalid', () => (invalids += 1));
      field.addEventListener('invalid', (event) => event.preventDefault()); // no browser bubble here
      expect(field.checkValidity()).to.equal(false);
      expect(invalids).to.equal(1);
      expect(field.reportValidity()).to.equal(false);
      expect(invalids).to.equal(2);
      field.focus();
      await sendKeys({ type: o.invalidTyped });
      field.errorMessage = 'Re-rendered.';
      await field.updateComplete;
      expect(invalids).to.equal(2);
      expect(field.reportValidity()).to.equal(false);
      await field.updateComplete;
      expect(invalids).to.equal(3);
    });

    it('6. reportValidity() focuses the field and tells the member why', async () => {
      document.body.focus();
      expect(field.reportValidity()).to.equal(false);
      await field.updateComplete;
      await waitUntil(() => field.shadowRoot!.contains(deepActiveElement()), 'the field has focus');
      expect(field.matches(':state(user-invalid)')).to.equal(true);
      if (o.showsMessage) {
        expect(inShadow(field, '[part~="error"]').textContent!.trim()).to.equal(field.validationMessage);
        expect(field.validationMessage).to.not.equal('');
      }
    });

    it(`7. history (Back, Forward): ${
      o.history.restored === 'nothing'
        ? 'a used one-time code does not come back'
        : 'restores what was entered'
    }`, async () => {
      const frame = await historyPage(tag, extra);
      const fieldIn = (win: Window) => win.document.querySelector(tag) as Field;
      // Real keystrokes: the page has had a user's activation when it navigates (Chromium turns an
      // unprompted navigation that soon after a load into a replacement, with no entry to go back to).
      const typeIn = async (win: Window, selector: string, text: string) => {
        (win.document.querySelector(selector) as HTMLElement).focus();
        await sendKeys({ type: text });
      };
      let win = frame.contentWindow!;
      await pageFieldReady(win, tag, o.ready);
      await typeIn(win, 'input[name="other"]', 'kept');
      await o.history.enter(fieldIn(win));
      await fieldIn(win).updateComplete;

      // Away and back: the browser rebuilds the page and hands each control its saved state.
      const left = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      win.location.href = `${win.location.pathname}?away=${Date.now()}`;
      await left;
      const back = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.contentWindow!.history.back();
      await back;
      win = frame.contentWindow!;
      await pageFieldReady(win, tag, o.ready);
      // The page's native input proves this engine restored the form.
      await waitUntil(
        () => (win.document.querySelector('input[name="other"]') as HTMLInputElement).value === 'kept',
        'the native input restored',
      );
      const restored = fieldIn(win);
      await restored.updateComplete;
      const shown = inShadow<HTMLInputElement>(restored, 'input:not([type="hidden"])').value;
      if (o.history.restored === 'nothing') {
        expect(restored.value).to.equal('');
        expect(shown).to.equal('');
      } else {
        expect(restored.value).to.equal(o.history.restored.value);
        expect(shown).to.equal(o.history.restored.shown);
        if (o.history.restored.country) {
          expect(inShadow<HTMLSelectElement>(restored, 'select').value).to.equal(o.history.restored.country);
        }
      }
      frame.remove();
    });
  });
}

/** A page of its own in a frame (so it has a history): a form with the field and a native input. */
async function historyPage(tag: string, extra: string): Promise<HTMLIFrameElement> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<script type="module" src="/src/elements/${tag}/${tag}.ts"></script></head><body>
<form><input name="other" aria-label="Other" /><${tag} name="field" ${extra}></${tag}></form>
</body></html>`;
  const frame = await showPage(html);
  await frameLoaded(frame);
  return frame;
}

/** Waits until the page's field is defined and (the phone field) can read a number. */
async function pageFieldReady(
  win: Window,
  tag: string,
  ready?: (field: Field) => Promise<void>,
): Promise<void> {
  await waitUntil(() => win.customElements.get(tag), `<${tag}> defined in the page`);
  const field = win.document.querySelector(tag) as Field;
  await field.updateComplete;
  await ready?.(field);
}
