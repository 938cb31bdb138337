// SMS pumping: a password alone must not turn the handler into a texting service for any number.
// Each member's texts reach at most `maxSmsNumbersPerMember` distinct numbers (3 by default).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANIZATION_IDS } from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { useHost, type TestHost } from './support/host.js';

const host = useHost();
const strict = useHost({ maxSmsNumbersPerMember: 1 });

const number = (i: number) => `+1415555${String(300 + i).padStart(4, '0')}`;
const send = (h: TestHost, cookie: string, phone: string) =>
  h.post('/api/mfa/sms/send', { mfa_phone_number: phone }, cookie);
async function texts(h: TestHost, phone: string): Promise<number> {
  return (await call(h.emulator.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(phone)}`)).body.length;
}

describe('texts to new numbers', () => {
  it('reach three numbers per member; the fourth is a 429 too_many_requests and sends nothing', async () => {
    const cookie = await host.login('new@acme.test');
    for (let i = 0; i < 3; i++) assert.equal((await send(host, cookie, number(i))).status, 200);
    const fourth = await send(host, cookie, number(3));
    assert.equal(fourth.status, 429);
    assert.equal(fourth.json.error_type, 'too_many_requests');
    assert.equal(fourth.json.status_code, 429);
    assert.equal(await texts(host, number(3)), 0);

    // A number already reached can be texted again (a resend); a new sign-in is the same member.
    assert.equal((await send(host, cookie, number(1))).status, 200);
    const again = await host.login('new@acme.test');
    assert.equal((await send(host, again, number(4))).status, 429);
    assert.equal((await send(host, again, number(2))).status, 200);
    assert.equal(await texts(host, number(4)), 0);
  });

  it('hold for thirty numbers sent at once: three texts', async () => {
    const cookie = await host.login('totp@acme.test');
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(host, cookie, number(10 + i))),
    );
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(3).fill(200), ...Array(27).fill(429)]);
    let sent = 0;
    for (let i = 0; i < 30; i++) sent += await texts(host, number(10 + i));
    assert.equal(sent, 3);
  });

  it('do not count numbers Stytch refused', async () => {
    const cookie = await host.login('user@initech.test', ORGANIZATION_IDS.initech);
    for (const bad of ['+1555', '+1556', '+1557', '+1558'])
      assert.equal((await send(host, cookie, bad)).json.error_type, 'invalid_phone_number');
    for (let i = 0; i < 3; i++) assert.equal((await send(host, cookie, number(50 + i))).status, 200);
    assert.equal((await send(host, cookie, number(53))).status, 429);
  });

  it('follow the host’s own cap', async () => {
    const cookie = await strict.login('new@acme.test');
    assert.equal((await send(strict, cookie, number(60))).status, 200);
    assert.equal((await send(strict, cookie, number(61))).status, 429);
    assert.equal(await texts(strict, number(61)), 0);
  });
});
