import { executeServerCommand, sendKeys as send } from '@web/test-runner-commands';

type Payload = Parameters<typeof send>[0];

/**
 * `sendKeys` for every engine: WebdriverIO's `keys()` (WebKit) drops a character that repeats the one
 * before it ("4155550123" arrives as "4150123"), so typed text goes in runs with no repeated neighbour.
 */
export async function sendKeys(payload: Payload): Promise<void> {
  if (!('type' in payload)) return send(payload);
  let run = '';
  for (const char of payload.type) {
    if (char === run.at(-1)) {
      await send({ type: run });
      run = '';
    }
    run += char;
  }
  if (run) await send({ type: run });
}

/** Shift+Tab, in every engine (web-test-runner.config.mjs): focus moves back. */
export async function shiftTab(): Promise<void> {
  await executeServerCommand('shift-tab');
}
