// The connect/Express adapter at the edge of HTTP: what it answers for requests a page's `fetch`
// would not send — a body past the limit, a Host name with `_`, a Host that is no host, another
// method — each in Stytch's JSON error shape, with nothing logged.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { describe, it } from 'node:test';
import { MEMBER_IDS } from '../../emulator/index.js';
import { useHost } from './support/host.js';
import { logsOf, raw } from './support/raw.js';

const host = useHost();
const json = { 'Content-Type': 'application/json' };

describe('the Node adapter', () => {
  it('answers a body past 64 KB with a 413 in Stytch’s shape, and the connection stays usable', async () => {
    const cookie = await host.login('sms@acme.test');
    const big = JSON.stringify({ code: '1'.repeat(1024 * 1024) });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 }); // one connection for both requests
    const post = (body: string) =>
      raw(host.base, { method: 'POST', path: '/api/mfa/state', headers: { ...json, cookie }, body, agent });
    try {
      const { result, logs } = await logsOf(() => post(big));
      assert.equal(result.status, 413, result.text.slice(0, 200));
      assert.match(result.type, /^application\/json/);
      assert.deepEqual(JSON.parse(result.text), {
        status_code: 413,
        error_type: 'payload_too_large',
        error_message: 'The request body is too large.',
      });
      assert.equal(logs, '');
      // A body under the limit is still read, on the same connection.
      const near = JSON.stringify({ locale: 'x'.repeat(60 * 1024) });
      const state = await post(near);
      assert.equal(state.status, 200, state.text.slice(0, 200));
      assert.equal(JSON.parse(state.text).member_id, MEMBER_IDS.smsAcme);
    } finally {
      agent.destroy();
    }
  });
});
