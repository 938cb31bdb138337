// `clearSession`: called when the login itself is dead (Stytch no longer knows it, or its own
// expiry has passed), never for a live login that only met a refusal; its headers reach the
// answer, and a clearSession that throws still leaves the page the failure to read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS } from '../../emulator/index.js';
import { call, sdkLogin } from '../emulator/helpers.js';
import { useHost } from './support/host.js';

let cleared = 0;
let throwing = false;
const host = useHost({
  clearSession: () => {
    cleared += 1;
    if (throwing) throw new Error('the store is down');
    return { 'Set-Cookie': 'sid=; Max-Age=0; Path=/' };
  },
});
const advance = (seconds: number) =>
  call(host.emulator.base, 'POST', '/__emulator/clock', { advance_seconds: seconds }, { auth: null });

describe('clearSession', () => {
  it('is called, and its header answered, when Stytch no longer knows the login', async () => {
    cleared = 0;
    throwing = false;
    const cookie = await host.login('sms@acme.test');
    // Stytch's intermediate session lives 10 minutes; the host's copy of its expiry is not read here
    // because the store has none past Stytch's own.
    await advance(11 * 60);
    const reply = await host.post('/api/mfa/sms/send', {}, cookie);
    assert.equal(reply.json.error_type, 'intermediate_session_not_found', reply.text);
    assert.equal(cleared, 1);
    assert.match(reply.setCookie, /^sid=; Max-Age=0/);
  });

  it('is not called when a live login is refused (a wrong code, a call that needs a full session)', async () => {
    cleared = 0;
    throwing = false;
    const cookie = await host.login('sms@acme.test');
    const wrong = await host.post('/api/mfa/sms/authenticate', { code: '000000' }, cookie);
    assert.notEqual(wrong.status, 200, wrong.text);
    const settings = await host.post('/api/mfa/member/get', {}, cookie);
    assert.equal(settings.status, 401, settings.text);
    assert.equal(settings.json.error_type, 'session_not_found');
    assert.equal(cleared, 0);
    assert.equal(settings.setCookie, '');
  });

  it('is called when the host’s copy of the login’s expiry has passed, before asking Stytch', async () => {
    cleared = 0;
    throwing = false;
    const cookie = host.start({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.smsAcme,
      intermediate_session_token: 'an-expired-intermediate-session',
      intermediate_session_token_expires_at: new Date(Date.now() - 60_000).toISOString(),
    });
    const reply = await host.post('/api/mfa/sms/send', {}, cookie);
    assert.equal(reply.json.error_type, 'intermediate_session_not_found', reply.text);
    assert.equal(cleared, 1);
  });

  it('is not called for a live login whose host stored no expiry of its own', async () => {
    cleared = 0;
    throwing = false;
    const login = await sdkLogin(host.emulator.base, 'sms@acme.test');
    const cookie = host.start({
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.smsAcme,
      intermediate_session_token: login.body.data.intermediate_session_token as string,
    });
    const reply = await host.post('/api/mfa/sms/send', {}, cookie);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(cleared, 0);
  });

  it('that throws still leaves the page the failure to read', async () => {
    cleared = 0;
    throwing = true;
    const cookie = await host.login('sms@acme.test');
    await advance(11 * 60);
    const reply = await host.post('/api/mfa/sms/send', {}, cookie);
    assert.equal(cleared, 1);
    assert.equal(reply.json.error_type, 'intermediate_session_not_found', reply.text);
  });
});
