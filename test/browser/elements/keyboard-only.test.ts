// A member on the keyboard alone: when a step change takes away the control that had the keyboard, focus
// goes to the new step's first control, never to the page's <body> (where a screen reader hears nothing
// of the new step, and the next Tab starts from the top of the page in some engines). Only keys drive
// the elements here: no .focus().
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import '../../../src/elements/mfa-settings/mfa-settings.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaRecoveryCodes } from '../../../src/elements/mfa-recovery-codes/mfa-recovery-codes.js';
import type { MfaSettings } from '../../../src/elements/mfa-settings/mfa-settings.js';
import { login, signInWithTotp, testClient } from '../support/client.js';
import { emulatorNowMs, injectFault } from '../support/emulator.js';
import { sendKeys, shiftTab } from '../support/keys.js';
import '../support/network-guard.js';
import { deepActiveElement, deepest } from '../support/shadow.js';
import { totpCode } from '../support/totp.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();
const rotateLabel = 'Get new codes';

/** What has the keyboard now: its part and its words, as a member would name it. */
function focused(): string {
  const active = deepActiveElement();
  if (!active || active === document.body) return 'the page';
  return `${active.getAttribute('part')}: ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
}

/** Presses Tab until `control` (as `focused()` names it) has the keyboard; fails after ten. */
async function tabTo(control: string): Promise<void> {
  for (let tabs = 0; focused() !== control && tabs < 10; tabs++) await sendKeys({ press: 'Tab' });
  expect(focused(), 'Tab reaches it').to.equal(control);
}

/** Waits (as long as any step may take) for `control` to have the keyboard; fails naming who has it. */
async function keyboardOn(control: string, what: string): Promise<void> {
  await waitUntil(() => focused() === control, what).catch(() => undefined);
  expect(focused(), what).to.equal(control);
}

describe('keyboard only', () => {
  freshVisitor();

  it('enrolls with an authenticator app: after the code, the keyboard is on the saved codes', async () => {
    const primary = await login('new@acme.test');
    const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
    await waitUntil(() => el.step === 'select-method', 'the choice shows');
    expect(focused()).to.match(/^method-option: Text message/);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.match(/^method-option: Authenticator app/);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'scan-totp', 'the QR code shows');
    await keyboardOn('copy-button: Copy key', 'the scan step has the keyboard');

    // The member reads the key off the screen into their app, and goes on.
    const secret = deepest(el, '[part~="secret"]')!.textContent!.replace(/\s/g, '');
    await tabTo('submit-button: I have added it');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'enter-totp-code', 'code entry');
    expect(focused()).to.equal('input: ');
    await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });

    // The code field has left the page: its focus must not fall to <body>.
    await waitUntil(() => el.step === 'save-recovery-codes', 'the recovery codes show');
    await keyboardOn('copy-button: Copy all', 'the codes step has the keyboard');
    await tabTo('acknowledge: ');
    await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('submit-button: Continue');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.step === 'done', 'done');
  });

  it('opens the recovery codes from the settings with the focus on them', async () => {
    await signInWithTotp();
    const el = await fixture<MfaSettings>(html`<mfa-settings .client=${client}></mfa-settings>`);
    await waitUntil(() => el.step === 'select-method', 'the overview');
    await tabTo('recovery-codes-button: Recovery codes');
    await sendKeys({ press: 'Enter' });
    const codes = () => deepest(el, 'mfa-recovery-codes') as MfaRecoveryCodes | null;
    await waitUntil(() => codes()?.step === 'save-recovery-codes', 'the codes show');
    await keyboardOn('copy-button: Copy all', 'the codes have the keyboard');

    // New codes, confirmed: the question's buttons leave the page, and the new codes have the keyboard.
    const shown = () =>
      [...codes()!.shadowRoot!.querySelectorAll('[part~="code-list"] li')].map((li) => li.textContent);
    const before = shown().join();
    await tabTo(`rotate-button: ${rotateLabel}`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused().startsWith('cancel-button'), 'the question');
    await shiftTab();
    expect(focused()).to.equal(`confirm-button: ${rotateLabel}`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shown().join() !== before && !focused().startsWith('confirm'), 'new codes');
    await keyboardOn('copy-button: Copy all', 'the new codes have the keyboard');

    // Again, on a slow network: a member who moves on meanwhile keeps the keyboard where they took it.
    const second = shown().join();
    await injectFault({ path: '/b2b/recovery_codes/rotate', delay_ms: 2000 });
    await tabTo(`rotate-button: ${rotateLabel}`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused().startsWith('cancel-button'), 'the question');
    await shiftTab();
    await sendKeys({ press: 'Enter' });
    await keyboardOn('rotate-button: Getting new codes…', 'the keyboard waits on the busy button');
    await sendKeys({ press: 'Tab' });
    const movedTo = focused();
    expect(movedTo).not.to.match(/^rotate-button|^the page/);
    await waitUntil(() => shown().join() !== second, 'the new codes');
    await codes()!.updateComplete;
    expect(focused(), 'the keyboard stays where the member took it').to.equal(movedTo);
  });
});
