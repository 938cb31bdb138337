// What the member reads is worded at each render from its key: a message already on screen follows
// a change of language, and no code path can show a key whose English is not loaded.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { de } from '../../../src/strings/de.js';
import { shared } from '../../../src/strings/en/shared.js';
import { laterEnglishFor, type StringKey } from '../../../src/strings/locales.js';
import { loadErrorTypes } from '../../../src/stytch/errors.js';
import { login, testClient } from '../support/client.js';
import { lastSmsCode } from '../support/emulator.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepest, partText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
const codeField = (el: Element) => deepest(el, 'mfa-code-input') as HTMLElement & { errorMessage: string };

describe('messages', () => {
  const visitor = freshVisitor();

  it('every message a Stytch error maps to has its English loaded with the map', async () => {
    const { BY_TYPE } = await loadErrorTypes();
    const keys = new Set<StringKey>(['errorRateLimited', 'errorServer', 'errorGeneric', 'errorNetwork']);
    for (const [key] of BY_TYPE.values()) keys.add(key);
    const missing = [...keys].filter((key) => !(laterEnglishFor(key) ?? Object.hasOwn(shared, key)));
    expect(missing).to.deep.equal([]);
  });

  it('a number the page gave, refused by Stytch: the member reads why, not a key', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input
        .client=${client}
        .authResponse=${primary}
        enrollment="enroll"
        phone-number="+1555"
      ></sms-otp-input>`,
    );
    await waitUntil(() => visitor.recorder.of('mfa-error').length === 1, 'the refusal');
    const [failure] = visitor.recorder.of('mfa-error');
    expect(failure).to.include({
      code: 'invalid_phone_number',
      message: 'That phone number is not valid. Check it and try again.',
    });
    await waitUntil(() => partText(el, 'error') !== '', 'the message shows');
    expect(partText(el, 'error')).to.equal('That phone number is not valid. Check it and try again.');
    await expect(el).to.be.accessible();
  });

  it('an error on screen follows a change of lang', async () => {
    const primary = await login('sms@acme.test');
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const right = await lastSmsCode('+14155550101');
    await sendKeys({ type: right === '000000' ? '111111' : '000000' });
    await waitUntil(() => codeField(el).errorMessage !== '', 'the failure shows');
    expect(codeField(el).errorMessage).to.equal('That code is not right. Check it and try again.');
    el.setAttribute('lang', 'de');
    await waitUntil(() => codeField(el).errorMessage === de.errorWrongCode, 'the failure in German', {
      timeout: 5000,
    });
    await expect(el).to.be.accessible();
  });

  it('a key with no English loaded: no raw key, and a warning in development', async () => {
    const el = await fixture<SmsOtpInput>(html`<sms-otp-input></sms-otp-input>`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const localize = (el as unknown as { localize: { t: (key: string) => string } }).localize;
      expect(localize.t('noSuchKeyAnywhere')).to.equal('');
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('"noSuchKeyAnywhere"');
  });
});
