// A 3xx from Stytch (or anything that is not Stytch's success) is a failure: the host's session
// stays as it was, and no new session is stored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call } from '../emulator/helpers.js';
import { useHost } from './support/host.js';
import type { Rule } from './support/stytch-proxy.js';

const host = useHost();
const ROUTE = '/v1/b2b/otps/sms/authenticate';
const json = (body: unknown) => JSON.stringify(body);

/**
 * Answers Stytch could be made to give: redirects with and without a place to go, what is there, and
 * Stytch's own success sent as a redirect (the code is used up then).
 */
const ANSWERS: [string, Rule][] = [
  [
    '302 with Stytch’s success in it',
    { status: 302, rewrite: (success) => ({ ...success, status_code: 302 }) },
  ],
  [
    '302 with Stytch’s error JSON and no Location',
    { answer: () => ({ status: 302, body: json({ status_code: 302, error_type: 'bad_request' }) }) },
  ],
  ['300 with an empty object', { answer: () => ({ status: 300, body: '{}' }) }],
  [
    '302 to a page that answers 200',
    { answer: () => ({ status: 302, headers: { Location: '/elsewhere' }, body: '' }) },
  ],
  [
    '307 to a page that answers 200',
    { answer: () => ({ status: 307, headers: { Location: '/elsewhere' }, body: '' }) },
  ],
  [
    '200 that says 302 inside',
    { answer: () => ({ status: 200, body: json({ status_code: 302, request_id: 'r' }) }) },
  ],
];

describe('Stytch answering anything but success', () => {
  for (const [name, rule] of ANSWERS) {
    it(`${name}: a 502, and the member stays signed in as before`, async () => {
      host.proxy.rules.set('/elsewhere', {
        answer: () => ({ status: 200, body: json({ status_code: 200 }) }),
      });
      const cookie = await host.login('new@acme.test');
      const phone = '+14155550501';
      assert.equal((await host.post('/api/mfa/sms/send', { mfa_phone_number: phone }, cookie)).status, 200);
      const code = (await call(host.emulator.base, 'GET', `/__emulator/sms?to=%2B14155550501`)).body.at(
        -1,
      ).code;

      host.proxy.rules.set(ROUTE, rule);
      const reply = await host.post('/api/mfa/sms/authenticate', { code }, cookie);
      assert.equal(reply.status, 502, reply.text);
      assert.equal(reply.json.error_type, 'internal_server_error');
      assert.equal(reply.cookie, '');
      assert.deepEqual(host.stored, []);

      host.proxy.rules.delete(ROUTE);
      const state = await host.post('/api/mfa/state', {}, cookie);
      assert.equal(state.status, 200, state.text);
      assert.equal(state.json.member_authenticated, false);
      if (rule.status) return; // Stytch took the code: the login must start again, as after any failure
      const done = await host.post('/api/mfa/sms/authenticate', { code }, cookie);
      assert.equal(done.status, 200, done.text);
      assert.ok(done.cookie);
    });
  }

  it('a 3xx to a call that makes no session is a 502 too', async () => {
    const cookie = await host.login('new@acme.test');
    host.proxy.rules.set('/v1/b2b/otps/sms/send', { answer: () => ({ status: 302, body: '{}' }) });
    const reply = await host.post('/api/mfa/sms/send', { mfa_phone_number: '+14155550502' }, cookie);
    assert.equal(reply.status, 502, reply.text);
    assert.equal(reply.json.error_type, 'internal_server_error');
  });
});
