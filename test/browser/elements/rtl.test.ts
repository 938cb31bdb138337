// In Arabic, right to left: each flow by keyboard alone, axe at every step, the Arabic table in use,
// the layout mirrored and what must read left to right (the phone number) kept so.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { MfaStep } from '../../../src/types.js';
import { login, signInWithTotp, testClient } from '../support/client.js';
import {
  emulatorNowMs,
  lastSmsCode,
  ORGANIZATION_IDS,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
} from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import { totpCode } from '../support/totp.js';
import { sendKeys, shiftTab } from '../support/keys.js';
import '../support/network-guard.js';
import { deepActiveElement, deepest, visibleText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const client = testClient();
type Stepped = HTMLElement & { step: MfaStep | null };

async function inArabic<T extends Element>(template: ReturnType<typeof html>): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl">${template}</div>`);
  return wrapper.firstElementChild as unknown as T;
}

/** Waits for a step shown in Arabic (the table loads on first use), then runs axe. */
async function atStep(el: Stepped, step: MfaStep, arabic: string): Promise<void> {
  await waitUntil(() => el.step === step && visibleText(el).includes(arabic), `${step} in Arabic`);
  await expect(el).to.be.accessible();
}

describe('Arabic, right to left', () => {
  const visitor = freshVisitor();

  it('SMS enrollment by keyboard: mirrored, the number left to right', async () => {
    const primary = await login('new@acme.test');
    const el = await inArabic<Stepped>(
      html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
    );
    await atStep(el, 'select-method', 'احمِ حسابك بخطوة ثانية');
    expect(getComputedStyle(deepest(el, '[part~="method-option"]')!).direction).to.equal('rtl');
    expect(deepActiveElement()?.textContent).to.contain('رسالة نصية');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-phone', 'phone entry');
    const phone = await phoneFieldReady(el);
    await atStep(el, 'enter-phone', 'إضافة رقم هاتف');
    expect(getComputedStyle(phone.shadowRoot!.querySelector('[part~="input"]')!).direction).to.equal('ltr');
    phone.focus();
    // The country defaults to the language's region (Egypt for ar); an international number picks its own.
    await sendKeys({ type: '+14155550123' });
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'enter-sms-code', 'من هاتفك');
    // The masked number sits in an isolate, so it reads +1•••…123 inside the Arabic sentence.
    expect(visibleText(el)).to.contain('\u2068+1•••••••123\u2069');
    // Numbers in sentences are written as the language writes them (a 6-digit code: ٦ in Arabic).
    expect(visibleText(el)).to.contain(`\u2068${new Intl.NumberFormat('ar').format(6)}\u2069 أرقام`);
    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await atStep(el, 'done', 'تم التحقق من رقم الهاتف');
    expect(visitor.recorder.names()).to.include.members(['mfa-enrolled', 'mfa-authenticated']);
  });

  it('TOTP enrollment by keyboard, with recovery codes', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = await inArabic<Stepped>(
      html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
    );
    await atStep(el, 'scan-totp', 'إعداد تطبيق المصادقة');
    await completeTotpSetup(el, { accessible: true });
    await waitUntil(() => el.step === 'done', 'done');
    await expect(el).to.be.accessible();
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('totp');
  });

  it('a recovery code by keyboard: how many are left, in the plural form Arabic uses', async () => {
    const primary = await login('totp@acme.test');
    const el = await inArabic<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await atStep(el, 'enter-totp-code', 'أدخِل الرمز من تطبيق المصادقة');
    const toRecovery = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="switch-method"]')].find(
      (button) => button.textContent?.includes('استخدام رمز استرداد'),
    )!;
    toRecovery.focus();
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'enter-recovery-code', 'استخدام رمز استرداد');
    deepest(el, '[part~="recovery-code-input"]')!.focus();
    await sendKeys({ type: SEED_RECOVERY_CODES[0]! });
    await sendKeys({ press: 'Enter' });
    // Nine left: Arabic's "few" form (3–10), the number in an isolate.
    const nine = new Intl.NumberFormat('ar').format(9);
    await atStep(el, 'done', `تبقّت لديك \u2068${nine}\u2069 رموز استرداد`);
  });

  it("follows the page when its language changes: an ancestor's lang, then its own", async () => {
    const primary = await login('totp@acme.test');
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><mfa-flow .client=${client} .authResponse=${primary}></mfa-flow></div>`,
    );
    const el = wrapper.firstElementChild as Stepped;
    await waitUntil(() => visibleText(el).includes('authenticator app'), 'English first');
    // The elements inside <mfa-flow> (its <mfa-authenticate>, the code field) change too.
    Object.assign(wrapper, { lang: 'ar', dir: 'rtl' });
    await atStep(el, 'enter-totp-code', 'أدخِل الرمز من تطبيق المصادقة');
    expect(deepest(el, 'mfa-code-input')!.shadowRoot!.textContent).to.contain('رمز التحقق');
    el.setAttribute('lang', 'de');
    await waitUntil(() => visibleText(el).includes('Authenticator-App'), 'its own lang wins');
  });

  it("numbers as the page's own tag writes them: ar-EG's Arabic-Indic digits, then ar's", async () => {
    const primary = await login('sms@acme.test');
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="ar-EG" dir="rtl">
        <mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>
      </div>`,
    );
    const el = wrapper.firstElementChild as Stepped;
    await atStep(el, 'enter-sms-code', 'من هاتفك');
    // The Arabic table, with Egypt's digits: a ٦-digit code.
    expect(visibleText(el)).to.contain('\u2068٦\u2069 أرقام');
    // Plain ar: Latin digits in today's CLDR (Chromium, Firefox), Arabic-Indic in older ones (WebKitGTK).
    wrapper.lang = 'ar';
    const six = new Intl.NumberFormat('ar').format(6);
    await waitUntil(() => visibleText(el).includes(`\u2068${six}\u2069 أرقام`), "ar's own digits");
    // Returning by text message, by keyboard: the code goes in where focus already is.
    const active = deepActiveElement();
    expect((active?.getRootNode() as ShadowRoot | null)?.host?.localName).to.equal('mfa-code-input');
    await sendKeys({ type: await lastSmsCode('+14155550101') });
    await atStep(el, 'done', 'تم التحقق من رقم الهاتف');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('sms_otp');
  });

  it('returning with an authenticator app, by keyboard', async () => {
    const primary = await login('totp@acme.test');
    const el = await inArabic<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await atStep(el, 'enter-totp-code', 'أدخِل الرمز من تطبيق المصادقة');
    await sendKeys({ type: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()) });
    await atStep(el, 'done', 'تم التحقق');
    expect(visitor.recorder.of('mfa-authenticated')[0]!.method).to.equal('totp');
  });

  it('<mfa-settings>: removing a method by keyboard, confirmed', async () => {
    await signInWithTotp();
    const el = await inArabic<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await atStep(el, 'select-method', 'التحقق بخطوتين');
    await press(el.shadowRoot!.querySelector('[data-method="totp"] [part~="remove-button"]'));
    // Focus waits on "keep it"; the member moves to "remove" and confirms.
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'cancel-button', 'the question');
    await expect(el).to.be.accessible();
    await shiftTab();
    expect(deepActiveElement()?.getAttribute('part')).to.equal('confirm-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => visibleText(el).includes('تمت إزالة'), 'removed, in Arabic');
    expect(visitor.recorder.of('mfa-unenrolled')[0]!.method).to.equal('totp');
    await expect(el).to.be.accessible();
  });

  it('<mfa-settings>: the phone number reads left to right in its row', async () => {
    const primary = await login('sms@acme.test');
    await client.otps.sms.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: primary.member_id,
      code: await lastSmsCode('+14155550101'),
      session_duration_minutes: 60,
    });
    const el = await inArabic<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await atStep(el, 'select-method', 'التحقق بخطوتين');
    // Where each character of "+1•••••••101" is drawn: the "+" leftmost, the last "1" rightmost.
    const row = el.shadowRoot!.querySelector('[data-method="sms_otp"]')!;
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let number: Text | null = null;
    while (!number && walker.nextNode()) {
      if (walker.currentNode.textContent!.includes('+1')) number = walker.currentNode as Text;
    }
    expect(number, 'the masked number is shown').to.not.equal(null);
    const text = number!.textContent!;
    const x = (offset: number) => {
      const range = document.createRange();
      range.setStart(number!, offset);
      range.setEnd(number!, offset + 1);
      return range.getBoundingClientRect().left;
    };
    const plus = text.indexOf('+');
    const last = text.lastIndexOf('1');
    expect(x(plus), `"+" left of the last digit in "${text.trim()}"`).to.be.below(x(last));
    expect(x(plus), '"+" left of the "1" after it').to.be.below(x(plus + 1));
  });

  it('<mfa-settings>: the methods, mirrored', async () => {
    await login('user@initech.test', ORGANIZATION_IDS.initech);
    const el = await inArabic<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await atStep(el, 'select-method', 'التحقق بخطوتين');
  });
});
