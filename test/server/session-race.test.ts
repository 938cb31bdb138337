// A request that started with the login's old cookie and ends after MFA succeeded must not sign the
// member out: its "this login is dead" may clear only the session it came with, not the new one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { useExampleHost } from './support/example-host.js';

const host = useExampleHost();

describe("the README's session store under a late answer", () => {
  const post = async (path: string, body: unknown, cookie: string) => {
    const reply = await host.post(path, body, cookie);
    return { status: reply.status, json: reply.json, cookies: reply.headers.getSetCookie() };
  };

  it('a dead-login answer that arrives after MFA succeeded leaves the new session signed in', async () => {
    const login = await post(
      '/api/login',
      { organization_id: ORGANIZATION_IDS.acme, email_address: 'sms@acme.test', password: SEED_PASSWORD },
      '',
    );
    assert.equal(login.status, 200);
    const old = login.cookies[0]!.split(';')[0]!;
    const [sms] = (await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550101')).body;

    // An SMS resend Stytch will answer "this intermediate session is gone", held until MFA is done.
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    host.proxy.rules.set('/v1/b2b/otps/sms/send', {
      answer: () => {
        arrived();
        return {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            status_code: 404,
            error_type: 'intermediate_session_not_found',
            error_message: 'Intermediate session could not be found.',
          }),
        };
      },
      hold: new Promise<void>((resolve) => (release = resolve)),
    });
    const late = post('/api/mfa/sms/send', {}, old);
    await reached; // the resend has read the old session and is waiting for Stytch

    const mfa = await post('/api/mfa/sms/authenticate', { code: sms.code }, old);
    assert.equal(mfa.status, 200, JSON.stringify(mfa.json));
    const current = mfa.cookies[0]!.split(';')[0]!;
    assert.notEqual(current, old);

    release();
    const resend = await late;
    assert.equal(resend.status, 404);
    assert.deepEqual(
      resend.cookies.filter((c) => /^app_session=;/.test(c)),
      [],
      'the late answer must not clear the cookie of the session MFA just started',
    );
    const member = await post('/api/mfa/member/get', {}, current);
    assert.equal(member.status, 200);
    assert.equal(member.json.member_id, MEMBER_IDS.smsAcme);
  });
});
