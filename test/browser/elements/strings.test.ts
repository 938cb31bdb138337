// Every word an element shows or announces comes from its strings table. The elements run in a
// pseudo-locale whose every string is its English wrapped in ⟦…⟧; at each step, any text or
// accessible name left outside the brackets was written into a template instead of the table.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import { en } from '../../../src/strings/en.js';
import { registerLocale, type MfaStrings } from '../../../src/index.js';
import type { MfaStep } from '../../../src/types.js';
import { ADMINS, signInFully } from '../support/admin.js';
import { login, testClient } from '../support/client.js';
import { ORGANIZATION_IDS } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepest } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
type Stepped = HTMLElement & { step: MfaStep | null };

const PSEUDO = 'x-pseudo';
registerLocale(
  PSEUDO,
  Object.fromEntries(Object.entries(en).map(([key, text]) => [key, `⟦${text}⟧`])) as MfaStrings,
);

/** What is data, not words: codes, keys, phone numbers, country names, the QR code. */
const DATA = [
  '[part~="code-list"] code',
  '[part~="secret"]',
  '[part~="country-select"]',
  '[part~="qr-code"]',
  '[translate="no"]',
  'input',
  'style',
].join(',');

/** Text and accessible names outside the brackets, through shadow roots. */
function unbracketed(el: Element): string[] {
  const found: string[] = [];
  const check = (text: string | null, where: string) => {
    const left = (text ?? '').replace(/⟦[^⟧]*⟧/g, '').replace(/[\s.,:;()!?·•–—-]/g, '');
    if (left) found.push(`${where}: "${text}"`);
  };
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.matches(DATA)) return;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (node.hasAttribute(name)) check(node.getAttribute(name), `${node.localName}[${name}]`);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      check(node.textContent, `text in <${(node.parentNode as Element | null)?.localName ?? 'root'}>`);
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  return found;
}

async function allFromTheTable(el: Stepped, step: MfaStep): Promise<void> {
  await waitUntil(() => el.step === step, step);
  const phone = deepest(el, 'mfa-phone-input') as (HTMLElement & { ready?: boolean }) | null;
  if (phone) await waitUntil(() => phone.ready, 'the phone library');
  expect(unbracketed(el), `${el.localName} at ${step}`).to.deep.equal([]);
}

const inPseudoLocale = <T extends Element>(template: ReturnType<typeof html>) =>
  fixture<HTMLElement>(html`<div lang=${PSEUDO}>${template}</div>`).then(
    (wrapper) => wrapper.firstElementChild as unknown as T,
  );

describe('every visible string from the strings table', () => {
  freshVisitor();

  it('the test itself: text written into a template is found', async () => {
    const el = await inPseudoLocale<Stepped>(html`<p>⟦from the table⟧ and not</p>`);
    expect(unbracketed(el.parentElement!)).to.deep.equal(['text in <p>: "⟦from the table⟧ and not"']);
  });

  it('<mfa-flow>: method choice, phone entry, SMS code', async () => {
    const primary = await login('new@acme.test');
    const el = await inPseudoLocale<Stepped>(
      html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
    );
    await allFromTheTable(el, 'select-method');
    await press(deepest(el, '[part~="method-option"]'));
    await allFromTheTable(el, 'enter-phone');
    deepest(el, 'mfa-phone-input')!.focus();
    await sendKeys({ type: '4155550123' });
    await sendKeys({ press: 'Enter' });
    await allFromTheTable(el, 'enter-sms-code');
  });

  it('<mfa-flow>: TOTP scan and code entry', async () => {
    const primary = await login('new@globex.test', ORGANIZATION_IDS.globex);
    const el = await inPseudoLocale<Stepped>(
      html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`,
    );
    await allFromTheTable(el, 'scan-totp');
    await press(deepest(el, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
    await allFromTheTable(el, 'enter-totp-code');
  });

  it('<mfa-authenticate>: SMS code, TOTP code and recovery code entry', async () => {
    const sms = await login('sms@acme.test');
    const bySms = await inPseudoLocale<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${sms}></mfa-authenticate>`,
    );
    await allFromTheTable(bySms, 'enter-sms-code');
    const primary = await login('totp@acme.test');
    const el = await inPseudoLocale<Stepped>(
      html`<mfa-authenticate .client=${client} .authResponse=${primary}></mfa-authenticate>`,
    );
    await allFromTheTable(el, 'enter-totp-code');
    await press(deepest(el, '[part~="switch-method"]'));
    await allFromTheTable(el, 'enter-recovery-code');
  });

  it('<mfa-recovery-codes> and <mfa-settings>', async () => {
    const codes = await inPseudoLocale<Stepped>(
      html`<mfa-recovery-codes .codes=${['abcd-efgh-ijkl', 'mnop-qrst-uvwx']}></mfa-recovery-codes>`,
    );
    await allFromTheTable(codes, 'save-recovery-codes');
    await login('user@initech.test', ORGANIZATION_IDS.initech);
    const settings = await inPseudoLocale<Stepped>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await allFromTheTable(settings, 'select-method');
  });

  it('<mfa-org-policy> and <mfa-members>: the form, the review, the list, a confirmation', async () => {
    await signInFully(ADMINS.initech, ORGANIZATION_IDS.initech);
    const policy = await inPseudoLocale<Stepped>(html`<mfa-org-policy .client=${client}></mfa-org-policy>`);
    await allFromTheTable(policy, 'select-method');
    policy.shadowRoot!.querySelector<HTMLInputElement>('[part~="policy-option"] input')!.focus();
    await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
    await press(policy.shadowRoot!.querySelector('[part~="submit-button"]'));
    await waitUntil(() => policy.shadowRoot!.querySelector('[part~="affected"]'), 'the review');
    await allFromTheTable(policy, 'select-method');

    const members = await inPseudoLocale<Stepped>(html`<mfa-members .client=${client}></mfa-members>`);
    await allFromTheTable(members, 'select-method');
    await press(members.shadowRoot!.querySelector('[part~="require-button"]'));
    await waitUntil(() => members.shadowRoot!.querySelector('[part~="confirmation"]'), 'the confirmation');
    await allFromTheTable(members, 'select-method');
  });
});
