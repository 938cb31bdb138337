// No event detail (but the field's own mfa-code-complete), no console line and no leftover DOM carries
// a code or a token.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '../support/keys.js';
import '../../../src/elements/sms-otp-input/sms-otp-input.js';
import type { SmsOtpInput } from '../../../src/elements/sms-otp-input/sms-otp-input.js';
import { login, signOut, testClient } from '../support/client.js';
import { lastSmsCode, resetEmulator } from '../support/emulator.js';
import { recordEvents } from '../support/events.js';
import '../support/network-guard.js';

const client = testClient();

function cookie(name: string): string {
  return (
    document.cookie
      .split('; ')
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1) ?? ''
  );
}

/** Every string a subtree shows or holds: text, attribute values and field values, through shadow roots. */
function everythingIn(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const attr of node.attributes) parts.push(attr.value);
      if (node instanceof HTMLInputElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('\n');
}

describe('secrets stay put', () => {
  beforeEach(async () => {
    await signOut();
    await resetEmulator();
  });

  it('through a whole SMS enrollment, no event, console line or leftover DOM has the code or a token', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m, i) => {
      console[m] = (...args: unknown[]) => {
        logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        originals[i]!.apply(console, args);
      };
    });
    const recorder = recordEvents();
    try {
      const primary = await login('new@acme.test');
      const ist = primary.intermediate_session_token;
      const el = await fixture<SmsOtpInput>(
        html`<sms-otp-input .client=${client} .authResponse=${primary} enrollment="enroll"></sms-otp-input>`,
      );
      await waitUntil(() => (el.shadowRoot?.querySelector('mfa-phone-input') as any)?.ready, 'ready');
      await sendKeys({ type: '4155550123' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.step === 'enter-sms-code', 'code entry');
      const code = await lastSmsCode('+14155550123');
      await sendKeys({ type: code });
      await waitUntil(() => el.step === 'done', 'done');

      const secrets = {
        code,
        ist,
        sessionToken: cookie('stytch_session'),
        sessionJwt: cookie('stytch_session_jwt'),
      };
      expect(secrets.sessionToken).to.not.equal('');
      expect(secrets.sessionJwt).to.not.equal('');
      const details = recorder.events.map((e) => JSON.stringify(e.detail));
      expect(recorder.of('mfa-code-complete'), 'the code field kept its event inside').to.deep.equal([]);
      const dom = everythingIn(el);
      for (const [name, secret] of Object.entries(secrets)) {
        for (const detail of details)
          expect(detail, `an event detail holds the ${name}`).to.not.contain(secret);
        for (const line of logged) expect(line, `the console shows the ${name}`).to.not.contain(secret);
        expect(dom, `the DOM holds the ${name}`).to.not.contain(secret);
      }
    } finally {
      recorder.stop();
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
  });
});
