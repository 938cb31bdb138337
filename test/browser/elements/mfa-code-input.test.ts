import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/mfa-code-input/mfa-code-input.js';
import type { MfaCodeInput } from '../../../src/elements/mfa-code-input/mfa-code-input.js';
import '../support/network-guard.js';
import { deepActiveElement, inShadow } from '../support/shadow.js';

/** Inserts text as the browser does for typing or pasting (real `input` events). */
function insert(text: string): void {
  document.execCommand('insertText', false, text);
}

describe('<mfa-code-input>', () => {
  let form: HTMLFormElement;
  let field: MfaCodeInput;

  beforeEach(async () => {
    form = await fixture<HTMLFormElement>(html`
      <form>
        <mfa-code-input name="otp" required></mfa-code-input>
        <button>Submit</button>
      </form>
    `);
    field = form.querySelector('mfa-code-input')!;
    await field.updateComplete;
  });

  it('is accessible, labelled, and one field with one-time-code autofill', async () => {
    await expect(form).to.be.accessible();
    const input = inShadow<HTMLInputElement>(field, 'input');
    expect(field.shadowRoot!.querySelectorAll('input')).to.have.length(1);
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    expect(inShadow(field, 'label').textContent).to.equal('Verification code');
    expect(input.labels?.[0]?.textContent).to.equal('Verification code');
  });

  for (const pasted of [
    '123 456',
    '123-456',
    ' 123456 ',
    'a1b2c3d4e5f6g7',
    '１２３４５６', // full-width
    '١٢٣٤٥٦', // Arabic-Indic
    '۱۲۳۴۵۶', // Extended Arabic-Indic (Persian)
    '१२३४५६', // Devanagari
  ]) {
    it(`keeps only the digits of "${pasted}" and says it is complete`, async () => {
      field.focus();
      const complete = oneEvent(field, 'mfa-code-complete');
      insert(pasted);
      expect((await complete).detail).to.deep.equal({ code: '123456' });
      expect(field.value).to.equal('123456');
      expect(inShadow<HTMLInputElement>(field, 'input').value).to.equal('123456');
    });
  }

  it('takes digits typed in another script as the ASCII digits they are', async () => {
    field.focus();
    await sendKeys({ type: '١٢٣' });
    expect(field.value).to.equal('123');
    expect(inShadow<HTMLInputElement>(field, 'input').value).to.equal('123');
  });

  it('takes typed digits, ignores letters, and backspace and arrows edit as usual', async () => {
    field.focus();
    await sendKeys({ type: '12a3' });
    expect(field.value).to.equal('123');
    await sendKeys({ press: 'Backspace' });
    expect(field.value).to.equal('12');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: '9' });
    expect(field.value).to.equal('192');
  });

  it('is form-associated: required, incomplete, submitted, reset', async () => {
    expect(form.checkValidity()).to.equal(false);
    expect(field.validity.valueMissing).to.equal(true);
    expect(field.validationMessage).to.equal('Enter the code.');
    field.focus();
    await sendKeys({ type: '123' });
    await field.updateComplete;
    expect(field.validity.tooShort).to.equal(true);
    expect(field.validationMessage).to.equal('Enter all 6 digits.');
    await sendKeys({ type: '456' });
    await field.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('otp')).to.equal('123456');

    const submitted = oneEvent(form, 'submit');
    form.addEventListener('submit', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    await submitted;

    form.reset();
    await field.updateComplete;
    expect(field.value).to.equal('');
    expect(new FormData(form).get('otp')).to.equal('');
  });

  it('is disabled by a disabled fieldset', async () => {
    const wrapper = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled><mfa-code-input name="otp"></mfa-code-input></fieldset>
      </form>`,
    );
    const inner = wrapper.querySelector('mfa-code-input')!;
    await inner.updateComplete;
    expect(inShadow<HTMLInputElement>(inner, 'input').disabled).to.equal(true);
  });

  it('fires input and change on user action, not when the host sets value', async () => {
    const seen: string[] = [];
    field.addEventListener('input', () => seen.push('input'));
    field.addEventListener('change', () => seen.push('change'));
    field.value = '654321';
    await field.updateComplete;
    expect(seen).to.deep.equal([]);
    expect(inShadow<HTMLInputElement>(field, 'input').value).to.equal('654321');

    field.value = '';
    await field.updateComplete;
    field.focus();
    await sendKeys({ type: '1' });
    (deepActiveElement() as HTMLElement).blur();
    expect(seen).to.deep.equal(['input', 'change']);
  });

  it('shows an error message and marks itself invalid', async () => {
    field.errorMessage = 'That code is not right.';
    await field.updateComplete;
    const input = inShadow<HTMLInputElement>(field, 'input');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(inShadow(field, '#error').textContent).to.equal('That code is not right.');
    await expect(form).to.be.accessible();
  });

  it('focuses its input through a part and with the keyboard', async () => {
    const outer = await fixture<HTMLDivElement>(
      html`<div><button>before</button><mfa-code-input part="code-input"></mfa-code-input></div>`,
    );
    outer.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => deepActiveElement()?.localName === 'input', 'focus moved into the field');
  });
});
