// A string a language pack or a `strings` override leaves out — absent, or blank as translation tools
// export an untranslated entry — reads in English; an error message without one reads as the generic
// English error. The member never meets an empty title, button or alert.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { registerLocale, type MfaStrings } from '../../../src/index.js';
import { fr } from '../../../src/strings/fr.js';
import { login, testClient } from '../support/client.js';
import { injectFault } from '../support/emulator.js';
import '../support/network-guard.js';
import { partText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();

/** French with gaps: some strings absent, some blank. */
const GAPS = 'x-gaps';
const gaps: Partial<MfaStrings> = {
  ...fr,
  smsPhoneTitle: '',
  smsSend: '  ',
  errorInvalidPhone: '',
  errorGeneric: '',
};
delete gaps.smsPhoneIntro;
registerLocale(GAPS, gaps);

const ENGLISH = {
  title: 'Add a phone number',
  intro: 'We will text a one-time code to this number each time you sign in.',
  send: 'Send code',
  invalidPhone: 'That phone number is not valid. Check it and try again.',
  generic: 'Something went wrong. Try again.',
};

describe('a string left out falls back to English', () => {
  const visitor = freshVisitor();

  async function phoneStep(attrs: { lang?: string; strings?: Partial<MfaStrings>; phone?: string }) {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        lang=${attrs.lang ?? 'en'}
        .client=${client}
        .authResponse=${primary}
        .strings=${attrs.strings}
        enrollment="enroll"
        phone-number=${attrs.phone ?? ''}
      ></sms-otp-input>`,
    );
    await waitUntil(
      () => el.step === 'enter-phone' || visitor.recorder.of('mfa-error').length > 0,
      'phone entry',
    );
    return el;
  }

  it('a language pack without a string, or with a blank one: the English string', async () => {
    const el = await phoneStep({ lang: GAPS });
    // The pack's own strings show once it is in use.
    await waitUntil(() => partText(el, 'submit-button') !== '', 'the button is worded');
    expect(partText(el, 'title')).to.equal(ENGLISH.title);
    expect(el.shadowRoot!.textContent).to.contain(ENGLISH.intro);
    expect(partText(el, 'submit-button')).to.equal(ENGLISH.send);
  });

  it('a `strings` override with a blank string: the English string', async () => {
    const el = await phoneStep({ strings: { smsPhoneTitle: '', smsSend: '' } });
    expect(partText(el, 'title')).to.equal(ENGLISH.title);
    expect(partText(el, 'submit-button')).to.equal(ENGLISH.send);
  });

  it("an error message the pack leaves blank: Stytch's error in English", async () => {
    const el = await phoneStep({ lang: GAPS, phone: '+1555' });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the refusal');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'invalid_phone_number',
      message: ENGLISH.invalidPhone,
    });
    await waitUntil(() => partText(el, 'error') !== '', 'the message shows');
    expect(partText(el, 'error')).to.equal(ENGLISH.invalidPhone);
  });

  it('an error the kit has no words for, with the generic one blank: the generic English error', async () => {
    await injectFault({ path: '/b2b/otps/sms/send', status: 400, error_type: 'brand_new_error_type' });
    const el = await phoneStep({ lang: GAPS, phone: '+14155550123', strings: { errorGeneric: '' } });
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the failure');
    expect(visitor.recorder.of('mfa-error')[0]).to.include({
      code: 'brand_new_error_type',
      message: ENGLISH.generic,
    });
    await waitUntil(() => partText(el, 'error') !== '', 'the message shows');
    expect(partText(el, 'error')).to.equal(ENGLISH.generic);
  });
});
