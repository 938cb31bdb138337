// Stytch slower than the host's patience: the handler answers by itself, in Stytch's error shape,
// and a factor that succeeds after that answer changes nothing in the host's session.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMfaHandler } from '../../server/index.js';
import { within } from '../../server/timeout.js';
import { call } from '../emulator/helpers.js';
import { stytchClient, useHost } from './support/host.js';

const host = useHost({ timeoutMs: 150 });
const outbox = async (phone: string) =>
  (await call(host.emulator.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(phone)}`)).body as {
    code: string;
  }[];

describe('a slow Stytch', () => {
  it('gets a 504 in Stytch’s error shape once timeoutMs has passed', { timeout: 5000 }, async () => {
    const cookie = await host.login('new@acme.test');
    await call(host.emulator.base, 'POST', '/__emulator/faults', {
      path: '/b2b/otps/sms/send',
      delay_ms: 2000,
    });
    const reply = await host.post('/api/mfa/sms/send', { mfa_phone_number: '+14155550401' }, cookie);
    assert.equal(reply.status, 504, reply.text);
    assert.deepEqual(Object.keys(reply.json).sort(), ['error_message', 'error_type', 'status_code']);
    assert.equal(reply.json.status_code, 504);
    assert.equal(reply.json.error_type, 'internal_server_error');
    assert.equal(reply.json.error_message, 'Stytch did not answer in time.');
    assert.deepEqual(await outbox('+14155550401'), [], 'answered while Stytch was still working');
  });

  it(
    'leaves the host session as it was when a factor answers after the deadline',
    { timeout: 5000 },
    async () => {
      const cookie = await host.login('new@acme.test');
      assert.equal(
        (await host.post('/api/mfa/sms/send', { mfa_phone_number: '+14155550402' }, cookie)).status,
        200,
      );
      const code = (await outbox('+14155550402')).at(-1)!.code;
      const path = '/v1/b2b/otps/sms/authenticate';
      let release = () => {};
      host.proxy.rules.set(path, { hold: new Promise<void>((resolve) => (release = resolve)) });

      const late = await host.post('/api/mfa/sms/authenticate', { code }, cookie);
      assert.equal(late.status, 504, late.text);
      assert.equal(late.cookie, '');
      const delivered = host.proxy.delivered(path);
      release();
      await delivered; // Stytch's success reached the handler's client after the answer
      const state = await host.post('/api/mfa/state', {}, cookie);
      assert.equal(state.status, 200, state.text);
      assert.equal(state.json.member_authenticated, false);
      assert.deepEqual(host.stored, []);
    },
  );
});

describe('timeoutMs', () => {
  const options = { stytch: stytchClient('http://127.0.0.1:9/'), getSession: () => null, setSession() {} };

  it('refuses zero, a negative number, NaN or a non-number when the handler is made', () => {
    for (const timeoutMs of [0, -1, -Infinity, NaN, '1000', null]) {
      assert.throws(
        () => createMfaHandler({ ...options, timeoutMs: timeoutMs as number }),
        (error: unknown) =>
          error instanceof TypeError && /^timeoutMs must be a positive number/.test(error.message),
        String(timeoutMs),
      );
    }
  });

  it('takes a positive number, or Infinity for no limit', () => {
    for (const timeoutMs of [1, 150, 10_000, 2 ** 40, Infinity, undefined])
      assert.equal(typeof createMfaHandler({ ...options, timeoutMs }), 'function', String(timeoutMs));
  });
});

describe('within (the handler’s own deadline)', () => {
  const late = () => new Error('late');
  const after = <T>(ms: number, value: T) =>
    new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('rejects with late() once the time has passed, and lets a quicker answer through', async () => {
    await assert.rejects(within(after(200, 'slow'), 20, late), /late/);
    assert.equal(await within(after(5, 'quick'), 1000, late), 'quick');
  });

  it('waits for as long as Stytch takes past what setTimeout can hold (2^31 ms), not a moment less', async () => {
    // setTimeout fires at once for 2^31 ms or more: a timer there would refuse every answer.
    assert.equal(await within(after(20, 'answer'), 2 ** 31, late), 'answer');
    assert.equal(await within(after(20, 'answer'), Infinity, late), 'answer');
  });
});
