// The phone field's country: from the browser's region when the page names none (not from the page's
// language), `default-country` and a `countries` allow-list through every element that shows the
// field, and a country outside the list refused before anything is sent.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import '../../../src/elements/mfa-settings/mfa-settings.js';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaPhoneInput } from '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import type { MfaSettings } from '../../../src/elements/mfa-settings/mfa-settings.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { login, signInWithTotp, testClient } from '../support/client.js';
import { smsOutbox } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';

const client = testClient();

/** The country select of the phone field inside `host`, once its library has loaded. */
async function countrySelect(host: Element): Promise<HTMLSelectElement> {
  const field = (await phoneFieldReady(host)) as MfaPhoneInput;
  await field.updateComplete;
  return field.shadowRoot!.querySelector('select')!;
}

describe('the phone field’s country', () => {
  const visitor = freshVisitor();

  it("without default-country: the browser's region, not the page's language", async () => {
    const region = new Intl.Locale(navigator.language).maximize().region;
    expect(region).to.not.equal('EG'); // the test browsers run in English (United States)
    const el = await fixture<MfaPhoneInput>(html`<mfa-phone-input lang="ar"></mfa-phone-input>`);
    await waitUntil(() => el.ready, 'the phone library loaded');
    await el.updateComplete;
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal(region);
  });

  it('<mfa-flow default-country countries>: the enrollment phone field starts there and lists only those', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<MfaFlow>(
      html`<mfa-flow
        .client=${client}
        .authResponse=${primary}
        default-country="CA"
        countries="US CA"
      ></mfa-flow>`,
    );
    await waitUntil(() => el.step === 'select-method', 'the choice');
    await press(deepest(el, '[part~="method-option"]'));
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    const select = await countrySelect(el);
    expect(select.value).to.equal('CA');
    expect([...select.options].map((option) => option.value).sort()).to.deep.equal(['CA', 'US']);

    // A number from a country outside the list is refused at once, not after Send.
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '+442079460958' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the refusal');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'invalid_phone_number',
      message: 'Text messages cannot be sent to that country. Use another number.',
    });
    expect(el.step).to.equal('enter-phone');
    expect(await smsOutbox()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('<sms-otp-input default-country>', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        enrollment="enroll"
        default-country="GB"
      ></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    expect((await countrySelect(el)).value).to.equal('GB');
  });

  it('<mfa-settings default-country countries>: adding a phone', async () => {
    await signInWithTotp();
    const el = await fixture<MfaSettings>(
      html`<mfa-settings .client=${client} default-country="GB" countries="GB IE"></mfa-settings>`,
    );
    await waitUntil(() => el.step === 'select-method', 'the overview');
    await press(el.shadowRoot!.querySelector('[data-method="sms_otp"] [part~="add-button"]'));
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    const select = await countrySelect(el);
    expect(select.value).to.equal('GB');
    expect([...select.options].map((option) => option.value).sort()).to.deep.equal(['GB', 'IE']);
  });
});
