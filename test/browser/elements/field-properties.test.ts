// Property tests of the two fields, with fast-check: whatever is typed or pasted never throws; only a
// full code or a valid number goes on; and a full code or a valid number goes on exactly once.
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/elements/mfa-code-input/mfa-code-input.js';
import { digitsOf, type MfaCodeInput } from '../../../src/elements/mfa-code-input/mfa-code-input.js';
import '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import type { MfaPhoneInput } from '../../../src/elements/mfa-phone-input/mfa-phone-input.js';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { login, testClient } from '../support/client.js';
import { smsOutbox } from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { deepActiveElement, inShadow } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';

const client = testClient();

/** Inserts text into the focused field as typing or pasting does (real `input` events). */
function insert(text: string): void {
  if (text === '\t') {
    // WebKit's editing wraps a lone inserted tab in a span with an inline style (its "tab span"),
    // which the page's strict CSP blocks and reports: the browser's own markup, never the kit's,
    // which reads only the field's value. So a lone tab becomes the value, with the event a
    // browser sends.
    const input = deepActiveElement() as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
    return;
  }
  document.execCommand('insertText', false, text);
}

/** Anything at all, and text made of what members really type: digits of several scripts, separators, marks. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc
    .array(
      fc.constantFrom(
        '0',
        '1',
        '2',
        '5',
        '9',
        '٣',
        '۷',
        '७',
        '７',
        ' ',
        '-',
        '+',
        '(',
        ')',
        'a',
        '\u200f',
        '\u0000',
      ),
      {
        maxLength: 16,
      },
    )
    .map((chars) => chars.join('')),
);

const ASCII_DIGITS = /^[0-9]*$/;

describe('<mfa-code-input>: any text', () => {
  it('never throws, keeps ASCII digits only, and says "complete" once exactly when full', async () => {
    const field = await fixture<MfaCodeInput>(html`<mfa-code-input></mfa-code-input>`);
    const input = inShadow<HTMLInputElement>(field, 'input');
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        field.value = '';
        await field.updateComplete;
        input.focus();
        const completes: string[] = [];
        const listener = (e: Event) => completes.push((e as CustomEvent<{ code: string }>).detail.code);
        field.addEventListener('mfa-code-complete', listener);
        insert(text);
        await field.updateComplete;
        field.removeEventListener('mfa-code-complete', listener);
        expect(field.value).to.match(ASCII_DIGITS);
        expect(field.value.length).to.be.at.most(6);
        expect(completes).to.deep.equal(field.value.length === 6 ? [field.value] : []);
      }),
      { numRuns: 200, examples: [['\t'], ['\t\t'], ['1\t2']] }, // tabs, always: see insert()
    );
  });
});

describe('<mfa-phone-input>: any text', () => {
  it('never throws, and its value is empty or an E.164 number', async () => {
    const field = await fixture<MfaPhoneInput>(
      html`<mfa-phone-input default-country="US"></mfa-phone-input>`,
    );
    await waitUntil(() => field.ready, 'the phone library');
    const input = inShadow<HTMLInputElement>(field, '#number');
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        field.value = '';
        await field.updateComplete;
        input.focus();
        insert(text);
        await field.updateComplete;
        expect(field.value === '' || /^\+[1-9]\d{6,14}$/.test(field.value), field.value).to.equal(true);
        // Valid exactly when it holds a number, or shows nothing (it is not required here).
        expect(field.checkValidity()).to.equal(field.value !== '' || input.value.trim() === '');
      }),
      { numRuns: 200, examples: [['\t'], ['\t\t'], ['1\t2']] }, // tabs, always: see insert()
    );
  });
});

describe('<sms-otp-input>: what goes to Stytch', () => {
  freshVisitor();

  it('a code goes on only when full, and then exactly once', async () => {
    const primary = await login('sms@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary}></sms-otp-input>`,
    );
    await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
    const field = inShadow<MfaCodeInput>(el, 'mfa-code-input');
    const submit = inShadow<HTMLButtonElement>(el, '[part~="submit-button"]');
    // Never the code sent, so every full one is answered "not right" and the step stays.
    const sent = (await smsOutbox('+14155550101')).at(-1)!.code;
    await fc.assert(
      fc.asyncProperty(
        typed.filter((text) => digitsOf(text, 6) !== sent),
        async (text) => {
          const recorder = recordEvents();
          field.value = '';
          await el.updateComplete;
          field.focus();
          insert(text);
          const full = field.value.length === 6;
          if (full) {
            await waitUntil(() => recorder.of('mfa-error').length > 0, 'the answer');
            // One request: one answer, and none pending.
            await el.updateComplete;
            expect(recorder.of('mfa-error').map((e) => e.code)).to.deep.equal([
              recorder.of('mfa-error')[0]!.code,
            ]);
            expect(['otp_code_not_found', 'unable_to_auth_otp_code']).to.include(
              recorder.of('mfa-error')[0]!.code,
            );
          } else {
            await el.updateComplete;
            expect(submit.textContent!.trim(), 'no call under way').to.equal('Verify');
            expect(recorder.of('mfa-error')).to.deep.equal([]);
          }
          recorder.stop();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('a number goes on only when valid, and then exactly once', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<SmsOtpInput>(
      html`<sms-otp-input .client=${client} .authResponse=${primary} resend-cooldown="0"></sms-otp-input>`,
    );
    await phoneFieldReady(el);
    const valid = fc
      .tuple(fc.constantFrom('415', '212', '646', '312'), fc.integer({ min: 2000000, max: 9999999 }))
      .map(([area, line]) => `+1 ${area} ${line}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(typed, valid), async (text) => {
        const phone = inShadow<MfaPhoneInput>(el, 'mfa-phone-input');
        const recorder = recordEvents();
        phone.value = '';
        await phone.updateComplete;
        phone.focus();
        insert(text);
        await phone.updateComplete;
        const number = phone.value;
        const before = number ? (await smsOutbox(number)).length : 0;
        inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
        if (!number) {
          expect(recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['invalid_phone_number']);
          expect(el.step).to.equal('enter-phone');
        } else {
          await waitUntil(
            () => recorder.of('mfa-sms-sent').length + recorder.of('mfa-error').length > 0,
            'the answer',
          );
          const answers = recorder.of('mfa-sms-sent').length + recorder.of('mfa-error').length;
          expect(answers, 'one request, one answer').to.equal(1);
          if (recorder.of('mfa-sms-sent').length) {
            expect(await smsOutbox(number)).to.have.length(before + 1);
            // Back to phone entry for the next number.
            inShadow<HTMLButtonElement>(el, '[part~="back-button"]').click();
            await waitUntil(() => el.step === 'enter-phone', 'phone entry again');
          }
        }
        recorder.stop();
      }),
      { numRuns: 12 },
    );
  });
});
