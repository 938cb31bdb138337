// Walks a member takes through a step the kit's elements host, written once for every test.
import { expect } from '@open-wc/testing';
import { sendKeys } from './keys.js';
import type { MfaStep } from '../../../src/types.js';
import { emulatorNowMs } from './emulator.js';
import { press } from './keyboard.js';
import { deepest, partText } from './shadow.js';
import { totpCode } from './totp.js';
import { waitUntil } from './wait.js';

/**
 * From the scan step of a `<totp-setup>` inside `host`: reads the key, continues, types the current
 * code, acknowledges the recovery codes and continues — by keyboard. With `accessible`, axe checks
 * each step on the way; `atStep` runs at each step reached after the scan step. Resolves with the
 * key, once the codes are saved.
 */
export async function completeTotpSetup(
  host: HTMLElement & { step: MfaStep | null },
  options: { accessible?: boolean; atStep?: (step: MfaStep) => Promise<void> } = {},
): Promise<string> {
  const check = async () => {
    if (options.accessible) await expect(host).to.be.accessible();
    await options.atStep?.(host.step!);
  };
  const secret = partText(deepest(host, 'totp-setup')!, 'secret').replace(/ /g, '');
  await press(deepest(host, 'totp-setup')!.shadowRoot!.querySelector('[part~="submit-button"]'));
  await waitUntil(() => host.step === 'enter-totp-code', 'code entry');
  await check();
  deepest(host, 'mfa-code-input')!.focus();
  await sendKeys({ type: totpCode(secret, await emulatorNowMs()) });
  await waitUntil(() => host.step === 'save-recovery-codes', 'the recovery codes');
  await check();
  (deepest(host, '[part~="acknowledge"]') as HTMLInputElement).focus();
  await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
  await press(deepest(host, 'mfa-recovery-codes')!.shadowRoot!.querySelector('[part~="submit-button"]'));
  return secret;
}
