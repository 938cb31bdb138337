// A login Stytch says is dead ends the host's session too, so the next page load starts clean; and
// asking who is signing in when no one is, is an answer (200, null), not a 401 in every console.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS } from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { useExampleHost } from './support/example-host.js';
import { PROJECT_BASIC } from './support/leaks.js';

const host = useExampleHost();
const post = host.post;
const signIn = async (email: string, organization_id: string) =>
  (await host.signIn(email, organization_id)).split(';')[0]!;

describe("the README's Express host when the login is gone", () => {
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
    await call(host.emulator.base, 'POST', '/__emulator/clock', { advance_seconds: 11 * 60 }, { auth: null });
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
      host.emulator.base,
      'POST',
      '/v1/b2b/sessions/revoke',
      { member_id: signedIn.json.member_id },
      { auth: `Basic ${PROJECT_BASIC}` },
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
