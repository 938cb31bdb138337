// An element taken off the page while it starts (a route change, a framework unmounting it) makes
// no call and starts no timer: nothing sent for a member who is gone, nothing kept alive.
import { expect } from '@open-wc/testing';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { login, testClient } from '../support/client.js';
import { resetEmulator, smsOutbox } from '../support/emulator.js';
import '../support/network-guard.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();

const PHONE = '+14155550123';

/** `<sms-otp-input>` enrolling new@acme.test's number: it sends a code as it starts. */
async function smsField(): Promise<SmsOtpInput> {
  const el = document.createElement('sms-otp-input');
  el.client = client;
  el.authResponse = await login('new@acme.test');
  el.phoneNumber = PHONE;
  return el;
}

describe('an element removed while it starts', () => {
  beforeEach(() => resetEmulator());

  it('sends nothing, and sends when it is placed again', async () => {
    const gone = await smsField();
    document.body.append(gone);
    await gone.updateComplete;
    gone.remove();
    // A second element sends its code: by then the first would have sent its own.
    const kept = await smsField();
    document.body.append(kept);
    await waitUntil(() => kept.step === 'enter-sms-code', 'the second element sent its code');
    expect((await smsOutbox(PHONE)).length).to.equal(1);
    expect(gone.step).to.equal(null);

    // Placed again, the first starts from where it is: it sends and shows the code step.
    document.body.append(gone);
    await waitUntil(() => gone.step === 'enter-sms-code', 'the first element, placed again, sent its code');
    expect((await smsOutbox(PHONE)).length).to.equal(2);
    gone.remove();
    kept.remove();
  });
});
