// A login Stytch says is dead ends the host's session too, so the next page load starts clean; and
// asking who is signing in when no one is, is an answer (200, null), not a 401 in every console.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { B2BClient } from 'stytch';
import { MEMBER_IDS, ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } from '../../emulator/index.js';
import { createApp } from '../../examples/express.js';
import { call, useEmulator } from '../emulator/helpers.js';

const ctx = useEmulator();

describe("the README's Express host when the login is gone", () => {
  let server: Server;
  let base = '';
  before(async () => {
    const warn = console.warn; // the package warns about a custom env
    console.warn = () => undefined;
    const stytch = new B2BClient({ ...PROJECT, env: `${ctx.base}/` });
    console.warn = warn;
    server = createApp(stytch).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  async function post(path: string, body: unknown, cookie = '') {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie()[0] ?? '';
    return { status: response.status, json: (await response.json()) as any, setCookie };
  }

  async function signIn(email: string, organization_id: string): Promise<string> {
    const reply = await post('/api/login', {
      organization_id,
      email_address: email,
      password: SEED_PASSWORD,
    });
    assert.equal(reply.status, 200);
    return reply.setCookie.split(';')[0]!;
  }

  it('answers state with null, not an error, when no one is signed in', async () => {
    for (const cookie of ['', 'app_session=not-a-session']) {
      const reply = await post('/api/mfa/state', {}, cookie);
      assert.equal(reply.status, 200);
      assert.equal(reply.json, null);
    }
    // Any other operation still needs a session.
    assert.equal((await post('/api/mfa/sms/send', {})).status, 401);
  });

  it('clears the cookie when Stytch says the intermediate session is gone', async () => {
    const cookie = await signIn('sms@acme.test', ORGANIZATION_IDS.acme);
    assert.equal((await post('/api/mfa/state', {}, cookie)).json.member_id, MEMBER_IDS.smsAcme);
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 11 * 60 }, { auth: null });
    const send = await post('/api/mfa/sms/send', {}, cookie);
    assert.equal(send.status, 404);
    assert.equal(send.json.error_type, 'intermediate_session_not_found');
    assert.match(send.setCookie, /^app_session=;.*Max-Age=0/);
    const next = await post('/api/mfa/state', {}, cookie);
    assert.equal(next.status, 200);
    assert.equal(next.json, null, 'the next load finds no one signed in');
  });

  it('clears the cookie when the full session was revoked', async () => {
    const cookie = await signIn('user@initech.test', ORGANIZATION_IDS.initech);
    const signedIn = await post('/api/mfa/member/get', {}, cookie);
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.json));
    const revoked = await call(
      ctx.base,
      'POST',
      '/v1/b2b/sessions/revoke',
      { member_id: signedIn.json.member_id },
      { auth: `Basic ${Buffer.from(`${PROJECT.project_id}:${PROJECT.secret}`).toString('base64')}` },
    );
    assert.equal(revoked.status, 200);
    const after = await post('/api/mfa/member/get', {}, cookie);
    assert.equal(after.json.error_type, 'session_not_found');
    assert.match(after.setCookie, /^app_session=;.*Max-Age=0/);
    assert.equal((await post('/api/mfa/state', {}, cookie)).json, null);
  });

  it('keeps a live sign-in that only lacks MFA for a settings call', async () => {
    const cookie = await signIn('sms@acme.test', ORGANIZATION_IDS.acme);
    const settings = await post('/api/mfa/member/get', {}, cookie);
    assert.equal(settings.status, 401);
    assert.equal(settings.setCookie, '', 'the intermediate session is alive: the cookie stays');
    assert.equal((await post('/api/mfa/state', {}, cookie)).json.member_id, MEMBER_IDS.smsAcme);
  });
});
