// The connect/Express adapter at the edge of HTTP: what it answers for requests a page's `fetch`
// would not send — a body past the limit, a Host name with `_`, a Host that is no host, another
// method — each in Stytch's JSON error shape, with nothing logged.
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { describe, it } from 'node:test';
import { MEMBER_IDS } from '../../emulator/index.js';
import { useHost } from './support/host.js';
import { leaksIn } from './support/leaks.js';
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

  it('takes a Host name with `_` (a docker service name) as WHATWG URL does', async () => {
    const cookie = await host.login('sms@acme.test');
    for (const name of ['my_app', 'my_app:8080', 'api.my_app.internal', 'localhost', '[::1]:3000']) {
      const reply = await raw(host.base, {
        method: 'POST',
        path: '/api/mfa/state',
        headers: { ...json, cookie, host: name },
        body: '{}',
      });
      assert.equal(reply.status, 200, `${name}: ${reply.text.slice(0, 200)}`);
      assert.equal(JSON.parse(reply.text).member_id, MEMBER_IDS.smsAcme, name);
    }
  });

  it('refuses a Host that is no host with a 400, no stack, nothing logged', async () => {
    const cookie = await host.login('sms@acme.test');
    const bad = [
      'bad host',
      '[::1',
      'a/b',
      'a?b',
      'a#b',
      'user@host',
      'host:port',
      'host:99999',
      'a\\b',
      '%zz',
    ];
    const { result, logs } = await logsOf(() =>
      Promise.all(
        bad.map((name) =>
          raw(host.base, {
            method: 'POST',
            path: '/api/mfa/state',
            headers: { ...json, cookie, host: name },
            body: '{}',
          }),
        ),
      ),
    );
    result.forEach((reply, i) => {
      assert.equal(reply.status, 400, `${bad[i]}: ${reply.text.slice(0, 200)}`);
      assert.match(reply.type, /^application\/json/);
      assert.equal(JSON.parse(reply.text).error_type, 'bad_request', bad[i]);
      assert.deepEqual(leaksIn(reply.text, host.secrets()), [], bad[i]);
    });
    assert.equal(logs, '');
  });

  it('answers another method with 405 method_not_allowed and Allow: POST', async () => {
    const cookie = await host.login('sms@acme.test');
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS']) {
      const reply = await raw(host.base, { method, path: '/api/mfa/state', headers: { cookie } });
      assert.equal(reply.status, 405, `${method}: ${reply.text}`);
      assert.equal(reply.headers.allow, 'POST', method);
      assert.deepEqual(
        JSON.parse(reply.text),
        { status_code: 405, error_type: 'method_not_allowed', error_message: 'Only POST is accepted.' },
        method,
      );
    }
    // The Web fetch handler answers the same.
    const direct = await host.handler(
      new Request(`${host.base}/api/mfa/state`, { method: 'PUT', headers: { ...json, cookie }, body: '{}' }),
    );
    assert.equal(direct.status, 405);
    assert.equal(direct.headers.get('allow'), 'POST');
    assert.equal(((await direct.json()) as { error_type: string }).error_type, 'method_not_allowed');
  });
});
