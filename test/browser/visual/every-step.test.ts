// Every main step of every element, in four looks: light, dark, Arabic (right to left) and a brand
// theme made only from the public properties and parts (demo/themes.css, Sunrise). At each step axe
// checks the element in every engine, and in Chromium its picture is compared with the committed
// baseline (test/browser/visual/baselines; `npm run test:visual:update` writes them again).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../src/index.js';
import { localeTable, matchLocale } from '../../../src/strings/locales.js';
import type { MfaStep } from '../../../src/types.js';
import { ADMINS, signInFully } from '../support/admin.js';
import { login, signInWithTotp, testClient } from '../support/client.js';
import { lastSmsCode, ORGANIZATION_IDS, SEED_RECOVERY_CODES } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepActiveElement, deepAll, deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { matchesBaseline } from '../support/visual.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';
import { completeTotpSetup } from '../support/walks.js';

const client = testClient();
type Stepped = HTMLElement & { step: MfaStep | null };
const LOOKS = ['light', 'dark', 'ar', 'sunrise'] as const;
/** What changes on every run, painted over in the pictures. */
const MASKS = [
  '[part~="qr-code"]',
  '[part~="secret"]',
  '[part~="code-list"] code',
  '[part~="resend-button"]',
];

/** The controls a member can click that are smaller than 24×24 CSS pixels, through shadow roots. */
function smallTargets(el: Element): string[] {
  return deepAll(el, 'button, input, select, a[href], [tabindex]:not([tabindex="-1"])').flatMap((node) => {
    const { width, height } = node.getBoundingClientRect();
    if (width === 0 && height === 0) return []; // not shown
    if (width >= 24 && height >= 24) return [];
    return [`${node.localName}[part="${node.getAttribute('part')}"] ${width}×${height}`];
  });
}

function stylesheet(href: string): Promise<void> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  document.head.append(link);
  return new Promise((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} did not load`));
  });
}

before(async () => {
  await Promise.all([stylesheet('/test/browser/visual/stage.css'), stylesheet('/demo/themes.css')]);
  await executeServerCommand('viewport', { width: 1280, height: 900 });
  // The Arabic table, loaded once, so no picture catches English on its way to Arabic.
  await waitUntil(() => matchLocale('ar') && localeTable('ar'), 'the Arabic strings');
});
after(() => executeServerCommand('viewport', { width: 800, height: 600 }));

for (const look of LOOKS) {
  describe(`every step, ${look}`, () => {
    const visitor = freshVisitor();
    let stage: HTMLElement;

    /** Places the element on a stage dressed for this look. */
    async function place(template: TemplateResult): Promise<Stepped> {
      // Dressed before the element renders, so no picture catches it on its way to the look.
      const dress = { light: '', dark: 'dark', ar: '', sunrise: 'theme-sunrise' }[look];
      stage = await fixture<HTMLElement>(
        html`<div
          class="stage ${dress}"
          lang=${look === 'ar' ? 'ar' : 'en'}
          dir=${look === 'ar' ? 'rtl' : 'ltr'}
        >
          ${template}
        </div>`,
      );
      return stage.querySelector<Stepped>('*')!;
    }

    /** At `step`: axe, target sizes, then the picture `name` (once the step has settled). */
    async function at(el: Stepped, step: MfaStep, name: string, ready: () => unknown = () => true) {
      await waitUntil(() => el.step === step && ready(), `${name} (${step})`);
      await expect(el).to.be.accessible();
      expect(smallTargets(el), `${name}: targets under 24×24 px (WCAG 2.5.8)`).to.deep.equal([]);
      await matchesBaseline(stage, `${name}--${look}`, MASKS);
    }

    it('<mfa-flow>, enrolling by text message', async () => {
      const el = await place(
        html`<mfa-flow .client=${client} .authResponse=${await login('new@acme.test')}></mfa-flow>`,
      );
      await at(el, 'select-method', 'enroll-select-method');
      await press(deepest(el, '[part~="method-option"]'));
      await phoneFieldReady(el);
      await at(el, 'enter-phone', 'enroll-enter-phone');
      deepest(el, 'mfa-phone-input')!.focus();
      await sendKeys({ type: '+14155550123' });
      await sendKeys({ press: 'Enter' });
      await at(el, 'enter-sms-code', 'enroll-enter-sms-code');
      await sendKeys({ type: await lastSmsCode('+14155550123') });
      await at(el, 'done', 'enroll-done');
    });

    it('<mfa-flow>, setting up an authenticator app, with recovery codes', async () => {
      const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
      const el = await place(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
      // Each step once drawn and its first control, a copy button, has the keyboard (its ring is in
      // the picture).
      const copyFocused = () => deepActiveElement()?.getAttribute('part') === 'copy-button';
      const qrDrawn = () => deepest(el, '[part~="qr-code"]')?.querySelector('path, rect') && copyFocused();
      await at(el, 'scan-totp', 'totp-scan', qrDrawn);
      const codesShown = () => deepest(el, '[part~="code-list"]')?.querySelector('li') && copyFocused();
      await completeTotpSetup(el, {
        atStep: (step) =>
          step === 'enter-totp-code'
            ? at(el, step, 'totp-enter-code')
            : at(el, step, 'totp-save-recovery-codes', codesShown),
      });
      await at(el, 'done', 'totp-done');
    });

    it('<mfa-authenticate>, a code by text message, and a wrong one', async () => {
      const primary = await login('sms@acme.test');
      const el = await place(
        html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
      );
      await at(el, 'enter-sms-code', 'authenticate-sms');
      const sent = await lastSmsCode('+14155550101');
      deepest(el, 'mfa-code-input')!.focus();
      await sendKeys({ type: sent === '000000' ? '111111' : '000000' });
      const answered = () => visitor.recorder.of('mfa-error').length > 0;
      await at(el, 'enter-sms-code', 'authenticate-sms-wrong-code', answered);
    });

    it('<mfa-authenticate>, an authenticator code or a recovery code', async () => {
      const primary = await login('totp@acme.test');
      const el = await place(
        html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
      );
      await at(el, 'enter-totp-code', 'authenticate-totp');
      const recovery = [...el.shadowRoot!.querySelectorAll('[part~="switch-method"]')].at(-1);
      await press(recovery);
      await at(el, 'enter-recovery-code', 'authenticate-recovery-code');
      deepest(el, '[part~="recovery-code-input"]')!.focus();
      await sendKeys({ type: SEED_RECOVERY_CODES[0]! });
      await sendKeys({ press: 'Enter' });
      await at(el, 'done', 'authenticate-recovery-done');
    });

    it('<mfa-settings>: the methods, and removing one', async () => {
      await signInWithTotp();
      const el = await place(html`<mfa-settings .client=${client}></mfa-settings>`);
      const listed = () => el.shadowRoot!.querySelector('[part~="remove-button"]');
      await at(el, 'select-method', 'settings-overview', listed);
      await press(listed());
      await at(el, 'select-method', 'settings-confirm-removal', () =>
        el.shadowRoot!.querySelector('[part~="confirm-button"]'),
      );
    });

    it("<mfa-org-policy>: an admin's form, and who a change affects", async () => {
      await signInFully(ADMINS.initech, ORGANIZATION_IDS.initech);
      const el = await place(html`<mfa-org-policy .client=${client}></mfa-org-policy>`);
      await at(el, 'select-method', 'org-policy-form');
      const required = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="policy-option"] input')!;
      required.focus();
      await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
      await press(el.shadowRoot!.querySelector('[part~="submit-button"]'));
      await at(el, 'select-method', 'org-policy-review', () =>
        el.shadowRoot!.querySelector('[part~="affected"]'),
      );
    });

    it("<mfa-members>: an organization's members, and a confirmation", async () => {
      await signInFully(ADMINS.initech, ORGANIZATION_IDS.initech);
      const el = await place(html`<mfa-members .client=${client}></mfa-members>`);
      const require = () => el.shadowRoot!.querySelector('[part~="require-button"]');
      await at(el, 'select-method', 'members-list', require);
      await press(require());
      await at(el, 'select-method', 'members-confirm', () =>
        el.shadowRoot!.querySelector('[part~="confirmation"]'),
      );
    });
  });
}
