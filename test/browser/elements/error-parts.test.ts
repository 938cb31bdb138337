// Every failure a member sees is the one the page hears (mfa-error: same text, same step), and every
// error message is reachable with ::part(error) from the element the page placed.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../support/keys.js';
import '../../../src/index.js';
import type { MfaStep } from '../../../src/types.js';
import { login, testClient } from '../support/client.js';
import { lastSmsCode, ORGANIZATION_IDS } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { phoneFieldReady, waitUntil } from '../support/wait.js';

const client = testClient();
const MARK = 'rgb(1, 2, 3)';
type Stepped = HTMLElement & { step: MfaStep | null };

/** Every `[part~="error"]` with text, however deep in shadow roots. */
function shownErrors(root: Element): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (el.part.contains('error') && el.textContent!.trim()) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot ?? root);
  return found;
}

/** Styles `tag::part(error)` from the page (a constructed sheet: the pages' CSP forbids <style>). */
function markErrorsOf(tag: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${tag}::part(error) { color: ${MARK}; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
}

describe('failures: what the member sees, the page hears and can style', () => {
  const visitor = freshVisitor();

  /** The one error shown: styled from `placed`, and the same text and step as the last mfa-error. */
  async function expectOneErrorAgreeing(placed: Stepped): Promise<void> {
    await waitUntil(() => shownErrors(placed).length > 0, 'an error shows');
    const [shown, ...more] = shownErrors(placed);
    expect(more).to.deep.equal([]);
    expect(getComputedStyle(shown!).color, 'reachable with ::part(error)').to.equal(MARK);
    const heard = visitor.recorder.of('mfa-error').at(-1)!;
    expect(heard.message).to.equal(shown!.textContent!.trim());
    expect(heard.step).to.equal(placed.step);
  }

  it('<mfa-flow>: a wrong SMS code, under the code field three elements down', async () => {
    const unmark = markErrorsOf('mfa-flow');
    try {
      const primary = await login('sms@acme.test');
      const el = await fixture<Stepped>(
        html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
      );
      await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
      await expect(el).to.be.accessible();
      const right = await lastSmsCode('+14155550101');
      await sendKeys({ type: right === '000000' ? '111111' : '000000' });
      await expectOneErrorAgreeing(el);
    } finally {
      unmark();
    }
  });

  it('<mfa-flow>: an invalid phone number at enrollment, in the phone field', async () => {
    const unmark = markErrorsOf('mfa-flow');
    try {
      const primary = await login('new@acme.test');
      const el = await fixture<Stepped>(
        html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
      );
      await waitUntil(() => el.step === 'select-method', 'the choice');
      await press(deepest(el, '[part~="method-option"]'));
      await phoneFieldReady(el);
      deepest(el, 'mfa-phone-input')!.focus();
      await sendKeys({ type: '415555' });
      await sendKeys({ press: 'Enter' });
      await expectOneErrorAgreeing(el);
    } finally {
      unmark();
    }
  });

  it('<mfa-authenticate>: an empty recovery code is heard too', async () => {
    const unmark = markErrorsOf('mfa-authenticate');
    try {
      const primary = await login('totp@acme.test');
      const el = await fixture<Stepped>(
        html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
      );
      await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
      await press(deepest(el, '[part~="switch-method"]'));
      await waitUntil(() => el.step === 'enter-recovery-code', 'recovery code entry');
      deepest(el, '[part~="recovery-code-input"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await expectOneErrorAgreeing(el);
      expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['invalid_code']);
    } finally {
      unmark();
    }
  });

  it('<mfa-flow>: TOTP enrollment, continuing before saving the codes, in <mfa-recovery-codes>', async () => {
    const unmark = markErrorsOf('mfa-flow');
    try {
      const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
      const el = await fixture<Stepped>(
        html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
      );
      await waitUntil(() => el.step === 'scan-totp', 'the QR code');
      const { emulatorNowMs } = await import('../support/emulator.js');
      const { totpCode } = await import('../support/totp.js');
      const secret = deepest(el, '[part~="secret"]')!.textContent!.replace(/\s/g, '');
      await press(deepest(el, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
      await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
      deepest(el, 'mfa-code-input')!.focus();
      await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });
      await waitUntil(() => el.step === 'save-recovery-codes', 'the codes');
      await press(deepest(el, 'mfa-recovery-codes')!.shadowRoot!.querySelector('[part~="submit-button"]'));
      await expectOneErrorAgreeing(el);
      expect(visitor.recorder.of('mfa-error').map((e) => e.code)).to.deep.equal(['codes_not_saved']);
    } finally {
      unmark();
    }
  });
});
