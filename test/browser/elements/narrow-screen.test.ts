// At 320 px, no step of any element makes the page scroll sideways.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { sendKeys } from '../support/keys.js';
import '../../../src/index.js';
import type { MfaStep } from '../../../src/types.js';
import { login, testClient } from '../support/client.js';
import { lastSmsCode, ORGANIZATION_IDS } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import '../support/network-guard.js';
import { deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
type Stepped = HTMLElement & { step: MfaStep | null };

/** Waits for a step, lets the phone library or QR encoder arrive, then checks the page's width. */
async function fitsAt(el: Stepped, step: MfaStep): Promise<void> {
  await waitUntil(() => el.step === step, step);
  const phone = deepest(el, 'mfa-phone-input') as (HTMLElement & { ready?: boolean }) | null;
  if (phone) await waitUntil(() => phone.ready, 'the phone library');
  if (step === 'scan-totp') await waitUntil(() => deepest(el, 'svg[part~="qr-code"]'), 'the QR code');
  const page = document.documentElement;
  expect(page.scrollWidth, `${el.localName} at ${step}`).to.be.at.most(page.clientWidth);
}

describe('a 320 px screen', () => {
  freshVisitor();
  // (`viewport`: the runner's own command, which WebKit's WebDriver carries out on the window.)
  before(async function () {
    await executeServerCommand('viewport', { width: 320, height: 640 });
    const width = document.documentElement.clientWidth;
    if (width > 320) {
      // WebKitGTK's MiniBrowser: its window is never narrower than its toolbar (447 px).
      console.warn(`skipped: this engine's window is never narrower than ${width} px`);
      this.skip();
    }
    expect(width, 'the page is 320 px wide').to.equal(320);
  });
  after(() => executeServerCommand('viewport', { width: 800, height: 600 }));

  it('<mfa-flow> through SMS enrollment: method choice, phone, code, done', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<Stepped>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await fitsAt(el, 'select-method');
    await press(deepest(el, '[part~="method-option"]'));
    await fitsAt(el, 'enter-phone');
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await fitsAt(el, 'enter-sms-code');
    await sendKeys({ type: await lastSmsCode('+14155550123') });
    await fitsAt(el, 'done');
  });

  it('<mfa-flow> through TOTP enrollment: QR code, code, recovery codes', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = await fixture<Stepped>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await fitsAt(el, 'scan-totp');
    await press(deepest(el, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
    await fitsAt(el, 'enter-totp-code');
  });

  it('<mfa-authenticate>: TOTP and recovery code entry', async () => {
    const primary = await login('totp@acme.test');
    const el = await fixture<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await fitsAt(el, 'enter-totp-code');
    await press(deepest(el, '[part~="switch-method"]'));
    await fitsAt(el, 'enter-recovery-code');
  });

  it('<mfa-recovery-codes> and <mfa-settings>', async () => {
    const codes = await fixture<Stepped>(
      html`<mfa-recovery-codes .codes=${['abcd-efgh-ijkl', 'mnop-qrst-uvwx']}></mfa-recovery-codes>`,
    );
    await fitsAt(codes, 'save-recovery-codes');
    await login('user@initech.test', ORGANIZATION_IDS.initech);
    const settings = await fixture<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await fitsAt(settings, 'select-method');
  });
});
