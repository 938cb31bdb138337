import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-code-input/mfa-code-input.js';
import type { MfaCodeInput } from '../../../src/elements/mfa-code-input/mfa-code-input.js';
import { formControlSuite } from '../support/form-control-suite.js';
import '../support/network-guard.js';
import { inShadow } from '../support/shadow.js';

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

  it("sizes its field to the code length without touching the host's style", async () => {
    const input = inShadow<HTMLInputElement>(field, 'input');
    const six = input.getBoundingClientRect().width;
    field.length = 8;
    await field.updateComplete;
    expect(input.getBoundingClientRect().width).to.be.above(six);
    // The host's style attribute belongs to the page (and to frameworks that rewrite it).
    expect(field.hasAttribute('style')).to.equal(false);
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

  it('says what is missing: the code, then all its digits', async () => {
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
  });
});

formControlSuite({
  tag: 'mfa-code-input',
  typed: '123456',
  value: '123456',
  hostValue: '654321',
  hostShown: '654321',
  invalidTyped: '123',
  showsMessage: false,
  history: {
    enter: async (field) => {
      field.focus();
      await sendKeys({ type: '123456' });
    },
    restored: 'nothing', // a used one-time code must not come back
  },
});
