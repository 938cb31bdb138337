// What the handler does with a body that is not the JSON object every operation takes: a 400 in
// Stytch's error shape that says which, before Stytch is asked anything.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useHost } from './support/host.js';

const host = useHost();

describe('a body that is not a JSON object', () => {
  it('is a 400 bad_request when it is not JSON at all', async () => {
    const cookie = await host.login('sms@acme.test');
    const reply = await host.post('/api/mfa/sms/send', '{"mfa_phone_number": ', cookie);
    assert.equal(reply.status, 400, reply.text);
    assert.deepEqual(reply.json, {
      status_code: 400,
      error_type: 'bad_request',
      error_message: 'The body is not valid JSON.',
    });
  });

  for (const body of ['[]', 'null', '5', '"text"', 'true']) {
    it(`is a 400 bad_request when it is JSON but not an object: ${body}`, async () => {
      const cookie = await host.login('sms@acme.test');
      const reply = await host.post('/api/mfa/state', body, cookie);
      assert.equal(reply.status, 400, reply.text);
      assert.deepEqual(reply.json, {
        status_code: 400,
        error_type: 'bad_request',
        error_message: 'The body must be a JSON object.',
      });
    });
  }

  it('naming no operation is a 404 route_not_found that says so (as a fetch handler)', async () => {
    const response = await host.handler(
      new Request('http://127.0.0.1/api/mfa/no-such-operation', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    );
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), {
      status_code: 404,
      error_type: 'route_not_found',
      error_message: 'No such MFA operation.',
    });
  });

  it('{} is an object: the operation answers', async () => {
    const cookie = await host.login('sms@acme.test');
    assert.equal((await host.post('/api/mfa/state', '{}', cookie)).status, 200);
  });
});
