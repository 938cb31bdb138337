import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/mfa-recovery-codes/mfa-recovery-codes.js';
import type { MfaRecoveryCodes } from '../../../src/elements/mfa-recovery-codes/mfa-recovery-codes.js';
import { signInWithTotp, signOut, testClient } from '../support/client.js';
import { injectFault, resetEmulator, SEED_RECOVERY_CODES } from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';
import { deepActiveElement, inShadow, partText } from '../support/shadow.js';

const CODES = ['aaaa-bbbb-cccc', 'dddd-eeee-ffff', 'gggg-hhhh-iiii'];
const listed = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part~="code-list"] li')].map((li) => li.textContent!.trim());

/** Replaces a browser API for one test and puts it back. */
function replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, writable: true, value });
  return () => (original ? Object.defineProperty(target, key, original) : delete target[key]);
}

describe('<mfa-recovery-codes> with codes given', () => {
  let el: MfaRecoveryCodes;
  const restores: (() => void)[] = [];

  beforeEach(async () => {
    el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .codes=${CODES} account-name="nadia@acme.test"></mfa-recovery-codes>`,
    );
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
  });

  afterEach(() => restores.splice(0).forEach((restore) => restore()));

  it('lists the codes and is accessible', async () => {
    expect(listed(el)).to.deep.equal(CODES);
    expect(inShadow(el, '[part~="code-list"]').getAttribute('aria-label')).to.equal('Recovery codes');
    await expect(el).to.be.accessible();
  });

  it('copies every code with the Clipboard API', async () => {
    const written: string[] = [];
    restores.push(replace(navigator.clipboard, 'writeText', async (text: string) => void written.push(text)));
    inShadow<HTMLButtonElement>(el, '[part~="copy-button"]').click();
    await waitUntil(() => partText(el, 'status') === 'Codes copied.', 'copied');
    expect(written).to.deep.equal([CODES.join('\n')]);
  });

  it('falls back to the copy command when the Clipboard API is refused', async () => {
    restores.push(
      replace(navigator.clipboard, 'writeText', () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError')),
      ),
    );
    const copied: string[] = [];
    const placed: DOMRect[] = [];
    const onCopy = () => {
      const area = el.shadowRoot!.querySelector('textarea')!;
      copied.push(area.value);
      placed.push(area.getBoundingClientRect());
    };
    document.addEventListener('copy', onCopy);
    restores.push(() => document.removeEventListener('copy', onCopy));
    inShadow<HTMLButtonElement>(el, '[part~="copy-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partText(el, 'status') !== '', 'an outcome');
    expect(copied).to.deep.equal([CODES.join('\n')]);
    expect(partText(el, 'status')).to.equal('Codes copied.');
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    // Out of sight while it was there, and the keyboard is back on the button.
    expect(placed[0]!.bottom).to.be.at.most(0);
    expect(deepActiveElement()).to.equal(inShadow(el, '[part~="copy-button"]'));
  });

  it('downloads them as a .txt file', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    restores.push(replace(URL, 'createObjectURL', (blob: Blob) => (blobs.push(blob), createObjectURL(blob))));
    const clicked: HTMLAnchorElement[] = [];
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement && event.target.download) {
        clicked.push(event.target);
        event.preventDefault(); // no file lands on disk in the test
      }
    };
    document.addEventListener('click', onClick, true);
    restores.push(() => document.removeEventListener('click', onClick, true));
    inShadow<HTMLButtonElement>(el, '[part~="download-button"]').click();
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal('recovery-codes.txt');
    expect(clicked[0]!.href).to.match(/^blob:/);
    expect(blobs[0]!.type).to.equal('text/plain;charset=utf-8');
    expect(await blobs[0]!.text()).to.equal(
      `Recovery codes for nadia@acme.test. Each code works once.\n\n${CODES.join('\n')}\n`,
    );
    expect(partText(el, 'status')).to.equal('Codes downloaded.');
  });

  it('prints them on their own', async () => {
    const printed: { title: string; text: string }[] = [];
    const open = window.open.bind(window);
    restores.push(
      replace(window, 'open', ((...args: Parameters<typeof window.open>) => {
        const popup = open(...args);
        if (popup) {
          popup.print = () =>
            printed.push({ title: popup.document.title, text: popup.document.body.innerText });
        }
        return popup;
      }) as typeof window.open),
    );
    inShadow<HTMLButtonElement>(el, '[part~="print-button"]').focus();
    await sendKeys({ press: 'Enter' });
    expect(printed).to.have.length(1);
    expect(printed[0]!.title).to.equal('Save your recovery codes');
    for (const code of CODES) expect(printed[0]!.text).to.contain(code);
  });

  it('asks for the acknowledgement before continuing, then forgets the codes', async () => {
    const recorder = recordEvents();
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(partText(el, 'error')).to.equal('Confirm that you have saved the codes first.');
    expect(deepActiveElement()).to.equal(inShadow(el, '[part~="acknowledge"]'));
    expect(recorder.of('mfa-recovery-codes-saved')).to.deep.equal([]);

    await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
    await sendKeys({ press: 'Tab' });
    const saved = oneEvent(el, 'mfa-recovery-codes-saved');
    await sendKeys({ press: 'Enter' });
    expect((await saved).detail).to.deep.equal({});
    await waitUntil(() => el.step === 'done', 'done');
    recorder.stop();
    // The refused Continue was heard as well as seen (issue 10: every failure is an mfa-error).
    expect(recorder.names()).to.deep.equal(['mfa-error', 'mfa-recovery-codes-saved', 'mfa-step:done']);
    expect(recorder.of('mfa-error')[0]).to.deep.include({
      code: 'codes_not_saved',
      message: 'Confirm that you have saved the codes first.',
    });
    for (const code of CODES) expect(el.shadowRoot!.innerHTML).to.not.contain(code);
    expect(partText(el, 'status')).to.equal('Recovery codes saved.');
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-recovery-codes> with a session', () => {
  const client = testClient();

  beforeEach(async () => {
    await signOut();
    await resetEmulator();
    await signInWithTotp();
  });

  it('fetches the codes, and with allow-rotate replaces them once the member confirms', async () => {
    const el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .client=${client} allow-rotate></mfa-recovery-codes>`,
    );
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
    expect(listed(el)).to.deep.equal(SEED_RECOVERY_CODES);
    await expect(el).to.be.accessible();

    // Asked first: the codes the member holds would stop working. Keeping them changes nothing.
    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    expect(el.shadowRoot!.textContent).to.contain('The codes above will stop working at once.');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('cancel-button');
    await expect(el).to.be.accessible();
    inShadow<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="rotate-button"]'), 'kept');
    expect((await client.recoveryCodes.get()).recovery_codes).to.deep.equal(SEED_RECOVERY_CODES);
    expect(listed(el)).to.deep.equal(SEED_RECOVERY_CODES);

    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    inShadow<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await waitUntil(() => partText(el, 'status') !== '', 'rotated');
    expect(partText(el, 'status')).to.equal('New codes are ready; the old ones no longer work.');
    const fresh = listed(el);
    expect(fresh).to.have.length(10);
    expect(fresh).to.not.include(SEED_RECOVERY_CODES[0]);
    expect((await client.recoveryCodes.get()).recovery_codes).to.deep.equal(fresh);
  });

  it('asks again for the acknowledgement once the codes are replaced', async () => {
    const el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .client=${client} allow-rotate></mfa-recovery-codes>`,
    );
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
    const acknowledge = () => inShadow<HTMLInputElement>(el, '[part~="acknowledge"]');
    acknowledge().click();
    expect(acknowledge().checked).to.equal(true);

    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    inShadow<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await waitUntil(() => partText(el, 'status') !== '', 'rotated');
    expect(listed(el)).to.not.include(SEED_RECOVERY_CODES[0]);
    expect(acknowledge().checked, 'saving the old codes says nothing about the new').to.equal(false);

    const recorder = recordEvents();
    inShadow<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    await el.updateComplete;
    recorder.stop();
    expect(partText(el, 'error')).to.equal('Confirm that you have saved the codes first.');
    expect(recorder.names()).to.deep.equal(['mfa-error']);
    expect(el.step).to.equal('save-recovery-codes');
  });

  it('while new codes are on their way, the rotate button asks nothing', async () => {
    const el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .client=${client} allow-rotate></mfa-recovery-codes>`,
    );
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
    await injectFault({ path: '/b2b/recovery_codes/rotate', delay_ms: 1000 });
    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    inShadow<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await waitUntil(() => partText(el, 'rotate-button') === 'Getting new codes…', 'busy');
    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'no second question').to.equal(null);
    await waitUntil(() => partText(el, 'status') !== '', 'rotated');
    expect((await client.recoveryCodes.get()).recovery_codes).to.deep.equal(listed(el));
  });

  it('says why the codes could not be replaced', async () => {
    const el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .client=${client} allow-rotate></mfa-recovery-codes>`,
    );
    await waitUntil(() => el.step === 'save-recovery-codes', 'the codes show');
    await injectFault({
      path: '/b2b/recovery_codes/rotate',
      status: 500,
      error_type: 'internal_server_error',
    });
    const recorder = recordEvents();
    inShadow<HTMLButtonElement>(el, '[part~="rotate-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'the question');
    inShadow<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await waitUntil(() => partText(el, 'error') !== '', 'the failure shows');
    recorder.stop();
    expect(partText(el, 'error')).to.equal('Something went wrong on our side. Try again.');
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'internal_server_error', recoverable: true });
    expect(listed(el)).to.deep.equal(SEED_RECOVERY_CODES);
  });

  it('without a session, says so', async () => {
    await signOut();
    const recorder = recordEvents();
    const el = await fixture<MfaRecoveryCodes>(
      html`<mfa-recovery-codes .client=${client}></mfa-recovery-codes>`,
    );
    await waitUntil(() => recorder.events.length > 0, 'an event');
    recorder.stop();
    expect(recorder.of('mfa-error')[0]).to.include({ code: 'no_session', recoverable: false });
    expect(partText(el, 'error')).to.equal('Sign in first: there is no member to verify.');
  });
});
