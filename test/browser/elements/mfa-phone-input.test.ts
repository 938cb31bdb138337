import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import type { MfaPhoneInput } from '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import { formControlSuite } from '../support/form-control-suite.js';
import '../support/network-guard.js';
import { deepActiveElement, inShadow } from '../support/shadow.js';

const numberInput = (field: MfaPhoneInput) => inShadow<HTMLInputElement>(field, '#number');
const countrySelect = (field: MfaPhoneInput) => inShadow<HTMLSelectElement>(field, 'select');

describe('<mfa-phone-input>', () => {
  let form: HTMLFormElement;
  let field: MfaPhoneInput;

  beforeEach(async () => {
    form = await fixture<HTMLFormElement>(html`
      <form>
        <mfa-phone-input name="phone" required default-country="US"></mfa-phone-input>
        <button>Submit</button>
      </form>
    `);
    field = form.querySelector('mfa-phone-input')!;
    await waitUntil(() => field.ready, 'the phone library loaded');
    await field.updateComplete;
  });

  it('is accessible, with a labelled country and number', async () => {
    await expect(form).to.be.accessible();
    expect(countrySelect(field).value).to.equal('US');
    expect(countrySelect(field).selectedOptions[0]!.textContent!.trim()).to.equal('United States (+1)');
    expect(numberInput(field).labels?.[0]?.textContent).to.equal('Phone number');
    expect(numberInput(field).getAttribute('autocomplete')).to.equal('tel');
  });

  it('formats as the member types and yields E.164', async () => {
    field.focus();
    await sendKeys({ type: '4155550123' });
    expect(numberInput(field).value).to.equal('(415) 555-0123');
    expect(field.value).to.equal('+14155550123');
    await field.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('phone')).to.equal('+14155550123');
  });

  it('picks the country of a pasted international number', async () => {
    field.focus();
    document.execCommand('insertText', false, '+44 20 7183 8750');
    expect(field.value).to.equal('+442071838750');
    await field.updateComplete;
    expect(countrySelect(field).value).to.equal('GB');
    (deepActiveElement() as HTMLElement).blur();
    await field.updateComplete;
    expect(numberInput(field).value).to.equal('020 7183 8750');
  });

  it('says a number is not valid before anything is sent', async () => {
    field.focus();
    await sendKeys({ type: '415555' });
    await field.updateComplete;
    expect(field.value).to.equal('');
    expect(field.validity.typeMismatch).to.equal(true);
    expect(field.reportValidity()).to.equal(false);
    await field.updateComplete;
    expect(inShadow(field, '[part~="error"]').textContent).to.equal(
      'Enter a valid phone number for the country you chose.',
    );
    expect(numberInput(field).getAttribute('aria-invalid')).to.equal('true');
    await expect(form).to.be.accessible();
  });

  it('is required, resets with its form, and a host-set value shows in national form', async () => {
    expect(field.validity.valueMissing).to.equal(true);
    field.value = '+33142685300';
    await field.updateComplete;
    expect(countrySelect(field).value).to.equal('FR');
    expect(numberInput(field).value).to.equal('01 42 68 53 00');
    expect(field.value).to.equal('+33142685300');
    form.reset();
    await field.updateComplete;
    expect(field.value).to.equal('');
    expect(numberInput(field).value).to.equal('');
  });

  it('changing the country with the keyboard re-reads the number', async () => {
    field.focus();
    await sendKeys({ type: '2071838750' });
    expect(field.value).to.equal('');
    countrySelect(field).focus();
    const changed = oneEvent(field, 'change');
    countrySelect(field).value = 'GB';
    countrySelect(field).dispatchEvent(new Event('change'));
    await changed;
    expect(field.value).to.equal('+442071838750');
  });

  it('names countries in the member language', async () => {
    const french = await fixture<MfaPhoneInput>(
      html`<mfa-phone-input lang="fr" default-country="DE"></mfa-phone-input>`,
    );
    await waitUntil(() => french.ready, 'loaded');
    await waitUntil(() => inShadow(french, 'label').textContent === 'Pays', 'French strings');
    expect(countrySelect(french).selectedOptions[0]!.textContent!.trim()).to.equal('Allemagne (+49)');
  });

  for (const [what, pasted] of [
    ['a right-to-left mark between the digits', '415\u200f555\u200f0123'],
    ['a NUL between the digits', '415\u00005550123'],
    ['full-width "＋１" and digits', '＋１ ４１５ ５５５ ０１２３'],
    ['Arabic-Indic digits', '+١ ٤١٥ ٥٥٥ ٠١٢٣'],
  ]) {
    it(`reads ${what} as the number meant`, async () => {
      field.focus();
      document.execCommand('insertText', false, pasted);
      await field.updateComplete;
      expect(field.value).to.equal('+14155550123');
      expect(field.checkValidity()).to.equal(true);
    });
  }

  it('clears its message as soon as the number is corrected', async () => {
    field.focus();
    await sendKeys({ type: '415555' });
    expect(field.reportValidity()).to.equal(false);
    await field.updateComplete;
    expect(inShadow(field, '[part~="error"]').textContent).to.not.equal('');
    await sendKeys({ type: '0123' });
    await field.updateComplete;
    expect(inShadow(field, '[part~="error"]').textContent).to.equal('');
  });

  it('fits a 320 px screen: no wider than its box, select and input of one height', async () => {
    form.style.width = '288px'; // 320 px less a page margin
    await field.updateComplete;
    for (const control of [countrySelect(field), numberInput(field)]) {
      expect(control.getBoundingClientRect().right).to.be.at.most(field.getBoundingClientRect().right + 0.5);
    }
    expect(countrySelect(field).getBoundingClientRect().height).to.equal(
      numberInput(field).getBoundingClientRect().height,
    );
  });
});

formControlSuite({
  tag: 'mfa-phone-input',
  attributes: 'default-country="US"',
  typed: '4155550123',
  value: '+14155550123',
  hostValue: '+14155550123',
  hostShown: '(415) 555-0123',
  ready: (field) => waitUntil(() => (field as unknown as MfaPhoneInput).ready, 'the phone library loaded'),
  invalidTyped: '415555',
  showsMessage: true,
  history: {
    // A number from another country than the default: the country must come back with it.
    enter: async (field) => {
      const select = field.shadowRoot!.querySelector('select')!;
      select.value = 'GB';
      select.dispatchEvent(new Event('change'));
      await field.updateComplete;
      field.focus();
      await sendKeys({ type: '02079460123' });
    },
    restored: { value: '+442079460123', shown: '020 7946 0123', country: 'GB' },
  },
});
