// At 320 px, no step of any element makes the page scroll sideways. Each element sits in a column at
// most 320 px wide as well, so an engine whose window cannot be that narrow (WebKitGTK's MiniBrowser
// stops at its toolbar's 447 px) checks the same thing: nothing wider than 320 px.
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

/** An element in a column at most 320 px wide (less the page's margin in a 320 px window). */
async function narrow<T extends Element>(template: ReturnType<typeof html>): Promise<T> {
  const column = await fixture<HTMLElement>(html`<div>${template}</div>`);
  column.style.maxWidth = '320px';
  return column.firstElementChild as T;
}

/**
 * Waits for a step, lets the phone library or QR encoder arrive, then checks that neither the page
 * nor the element's column is wider than it is.
 */
async function fitsAt(el: Stepped, step: MfaStep): Promise<void> {
  await waitUntil(() => el.step === step, step);
  const phone = deepest(el, 'mfa-phone-input') as (HTMLElement & { ready?: boolean }) | null;
  if (phone) await waitUntil(() => phone.ready, 'the phone library');
  if (step === 'scan-totp') await waitUntil(() => deepest(el, 'svg[part~="qr-code"]'), 'the QR code');
  const page = document.documentElement;
  expect(page.scrollWidth, `${el.localName} at ${step}`).to.be.at.most(page.clientWidth);
  const column = el.parentElement!;
  expect(column.clientWidth).to.be.at.most(320);
  expect(column.scrollWidth, `${el.localName} at ${step}, its column`).to.be.at.most(column.clientWidth);
}

describe('a 320 px screen', () => {
  freshVisitor();
  // (`viewport`: the runner's own command, which WebKit's WebDriver carries out on the window.)
  before(async () => {
    await executeServerCommand('viewport', { width: 320, height: 640 });
    const width = document.documentElement.clientWidth;
    if (width > 320) console.info(`This window is ${width} px at its narrowest: the 320 px columns check.`);
  });
  after(() => executeServerCommand('viewport', { width: 800, height: 600 }));

  it('<mfa-flow> through SMS enrollment: method choice, phone, code, done', async () => {
    const primary = await login('new@acme.test');
    const el = await narrow<Stepped>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
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
    const el = await narrow<Stepped>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await fitsAt(el, 'scan-totp');
    await press(deepest(el, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
    await fitsAt(el, 'enter-totp-code');
  });

  it('<mfa-authenticate>: TOTP and recovery code entry', async () => {
    const primary = await login('totp@acme.test');
    const el = await narrow<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await fitsAt(el, 'enter-totp-code');
    await press(deepest(el, '[part~="switch-method"]'));
    await fitsAt(el, 'enter-recovery-code');
  });

  it('<mfa-recovery-codes> and <mfa-settings>', async () => {
    const codes = await narrow<Stepped>(
      html`<mfa-recovery-codes .codes=${['abcd-efgh-ijkl', 'mnop-qrst-uvwx']}></mfa-recovery-codes>`,
    );
    await fitsAt(codes, 'save-recovery-codes');
    await login('user@initech.test', ORGANIZATION_IDS.initech);
    const settings = await narrow<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await fitsAt(settings, 'select-method');
  });
});
