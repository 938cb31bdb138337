import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_TOTP_SECRET, totp } from '../../emulator/index.js';
import { basic, call, sdkLogin, useEmulator } from './helpers.js';
import { readPngQr } from './png-qr.js';

const ctx = useEmulator();
const acme = ORGANIZATION_IDS.acme;

const login = (email: string, organization_id: string = acme) => sdkLogin(ctx.base, email, organization_id);

async function clockMs(): Promise<number> {
  return Date.parse((await call(ctx.base, 'GET', '/__emulator/clock')).body.now);
}

describe('primary authentication', () => {
  it('asks a member of a REQUIRED_FOR_ALL organization with no factor to enroll', async () => {
    const { status, body } = await login('new@acme.test');
    assert.equal(status, 200);
    assert.equal(body.data.member_authenticated, false);
    assert.equal(body.data.member_session, null);
    assert.equal(body.data.session_token, '');
    assert.ok(body.data.intermediate_session_token.length >= 40);
    assert.deepEqual(body.data.mfa_required, { member_options: null, secondary_auth_initiated: null });
  });

  it('sends the SMS itself for an SMS member, and not for a TOTP member', async () => {
    const sms = await login('sms@acme.test');
    assert.equal(sms.body.data.mfa_required.secondary_auth_initiated, 'sms_otp');
    const totpMember = await login('totp@acme.test');
    assert.equal(totpMember.body.data.mfa_required.secondary_auth_initiated, null);
    assert.notEqual(totpMember.body.data.mfa_required.member_options.totp_registration_id, '');
    const outbox = await call(ctx.base, 'GET', '/__emulator/sms');
    assert.deepEqual(
      outbox.body.map((m: { to: string }) => m.to),
      ['+14155550101'],
    );
    assert.match(outbox.body[0].code, /^\d{6}$/);
  });

  it('gives an OPTIONAL organization member who is not enrolled a full session', async () => {
    const { body } = await login('user@initech.test', ORGANIZATION_IDS.initech);
    assert.equal(body.data.member_authenticated, true);
    assert.ok(body.data.session_token);
    assert.equal(body.data.session_jwt.split('.').length, 3);
    assert.ok(Date.parse(body.data.member_session.expires_at) > Date.now());
  });

  it('refuses a wrong password with unauthorized_credentials', async () => {
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: acme,
      email_address: 'new@acme.test',
      password: 'wrong',
      session_duration_minutes: 60,
    });
    assert.equal(status, 401);
    assert.equal(body.error_type, 'unauthorized_credentials');
    assert.equal(body.status_code, 401);
    assert.match(body.request_id, /^request-id-test-/);
    assert.match(body.error_url, /^https:\/\/stytch\.com\/docs\/api\/errors\/401/);
  });
});

describe('SMS OTP', () => {
  async function sendAs(ist: string, phone = '+14155550123') {
    return call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
      mfa_phone_number: phone,
      intermediate_session_token: ist,
    });
  }

  it('refuses numbers that are not E.164, and countries not enabled', async () => {
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    for (const bad of ['4155550123', '+1 415 555 0123', '+1415555012', '+10155550123']) {
      const { status, body } = await sendAs(ist, bad);
      assert.equal(status, 400, bad);
      assert.equal(body.error_type, 'invalid_phone_number', bad);
    }
    const uk = await sendAs(ist, '+442071838750');
    assert.equal(uk.body.error_type, 'invalid_phone_number_country_code');
    assert.deepEqual((await call(ctx.base, 'GET', '/__emulator/sms')).body, []);
  });

  it('spends a code after five wrong tries', async () => {
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    await sendAs(ist);
    const code = (await call(ctx.base, 'GET', '/__emulator/sms?to=%2B14155550123')).body[0].code;
    const wrong = code === '000000' ? '111111' : '000000';
    const authenticate = (c: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
        organization_id: acme,
        member_id: MEMBER_IDS.newAcme,
        code: c,
        session_duration_minutes: 60,
        intermediate_session_token: ist,
      });
    for (let i = 0; i < 5; i++)
      assert.equal((await authenticate(wrong)).body.error_type, 'otp_code_not_found');
    const spent = await authenticate(code);
    assert.equal(spent.status, 401);
    assert.equal(spent.body.error_type, 'unable_to_auth_otp_code');
  });

  it('a code works once', async () => {
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    await sendAs(ist);
    const code = (await call(ctx.base, 'GET', '/__emulator/sms')).body[0].code;
    const body = { organization_id: acme, member_id: MEMBER_IDS.newAcme, code, session_duration_minutes: 60 };
    const first = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
      ...body,
      intermediate_session_token: ist,
    });
    assert.equal(first.status, 200);
    const again = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', body, {
      auth: basic(first.body.data.session_token),
    });
    assert.equal(again.body.error_type, 'otp_code_not_found');
  });

  it('requires an intermediate session or session for a member who has a factor', async () => {
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
      organization_id: acme,
      member_id: MEMBER_IDS.smsAcme,
    });
    assert.equal(status, 400);
    assert.equal(body.error_type, 'no_session_arguments');
  });

  it("TOTP create through the SDK needs the member's login, so a public token cannot block a setup", async () => {
    const target = { organization_id: acme, member_id: MEMBER_IDS.newAcme };
    const anonymous = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', target);
    assert.equal(anonymous.status, 400);
    assert.equal(anonymous.body.error_type, 'no_session_arguments');
    // Nothing was started: the member's own setup goes ahead.
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    const own = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', {
      ...target,
      intermediate_session_token: ist,
    });
    assert.equal(own.status, 200);
    // Someone else's login is refused too.
    const other = (await login('new@globex.test', ORGANIZATION_IDS.globex)).body.data
      .intermediate_session_token;
    const theirs = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', {
      ...target,
      intermediate_session_token: other,
    });
    assert.equal(theirs.status, 400);
  });

  it('a RESTRICTED organization refuses SMS', async () => {
    const ist = (await login('new@globex.test', ORGANIZATION_IDS.globex)).body.data
      .intermediate_session_token;
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
      organization_id: ORGANIZATION_IDS.globex,
      member_id: MEMBER_IDS.newGlobex,
      mfa_phone_number: '+14155550123',
      intermediate_session_token: ist,
    });
    assert.equal(status, 403);
    assert.equal(body.error_type, 'operation_restricted_by_organization_mfa_methods');
  });
});

describe('TOTP and recovery codes', () => {
  it('refuses a second registration while one is pending, and a replayed code', async () => {
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    const create = () =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/totp', {
        organization_id: acme,
        member_id: MEMBER_IDS.newAcme,
        intermediate_session_token: ist,
      });
    const created = await create();
    assert.equal(created.status, 200);
    assert.match(created.body.data.qr_code, /^data:image\/png;base64,iVBORw0KGgo/);
    const uri = new URL(readPngQr(created.body.data.qr_code));
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.searchParams.get('secret'), created.body.data.secret);
    assert.equal((await create()).body.error_type, 'pending_totp_exists');
    const code = totp(created.body.data.secret, await clockMs());
    const body = { organization_id: acme, member_id: MEMBER_IDS.newAcme, code, session_duration_minutes: 60 };
    const ok = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
      ...body,
      intermediate_session_token: ist,
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.member.totp_registration_id, created.body.data.totp_registration_id);
    const replay = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', body, {
      auth: basic(ok.body.data.session_token),
    });
    assert.equal(replay.body.error_type, 'totp_code_already_authenticated');
  });

  it('refuses a code of an older step once a newer one was used', async () => {
    const authenticate = async (at: number) => {
      const ist = (await login('totp@acme.test')).body.data.intermediate_session_token;
      return call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
        organization_id: acme,
        member_id: MEMBER_IDS.totpAcme,
        code: totp(SEED_TOTP_SECRET, at),
        session_duration_minutes: 60,
        intermediate_session_token: ist,
      });
    };
    const now = await clockMs();
    // The next step's code is accepted (clock drift); the current step's, though still in the
    // window, is older than a code already used: a code seen over the member's shoulder.
    const newer = await authenticate(now + 30_000);
    assert.equal(newer.status, 200, JSON.stringify(newer.body));
    const older = await authenticate(now);
    assert.equal(older.status, 400, JSON.stringify(older.body));
    assert.equal(older.body.error_type, 'totp_code_already_authenticated');
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 60 });
    const later = await authenticate(await clockMs());
    assert.equal(later.status, 200, 'a newer step still works');
  });

  it('expires a pending registration', async () => {
    const ist = (await login('new@globex.test', ORGANIZATION_IDS.globex)).body.data
      .intermediate_session_token;
    const created = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', {
      organization_id: ORGANIZATION_IDS.globex,
      member_id: MEMBER_IDS.newGlobex,
      expiration_minutes: 5,
      intermediate_session_token: ist,
    });
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 301 });
    const late = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
      organization_id: ORGANIZATION_IDS.globex,
      member_id: MEMBER_IDS.newGlobex,
      code: totp(created.body.data.secret, await clockMs()),
      session_duration_minutes: 60,
      intermediate_session_token: ist,
    });
    assert.equal(late.body.error_type, 'expired_totp');
  });

  it('caps wrong TOTP codes with 429', async () => {
    const ist = (await login('totp@acme.test')).body.data.intermediate_session_token;
    const right = totp(SEED_TOTP_SECRET, await clockMs());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const attempt = (code: string) =>
      call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
        organization_id: acme,
        member_id: MEMBER_IDS.totpAcme,
        code,
        session_duration_minutes: 60,
        intermediate_session_token: ist,
      });
    for (let i = 0; i < 10; i++)
      assert.equal((await attempt(wrong)).body.error_type, 'unable_to_authenticate_totp');
    const limited = await attempt(right);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error_type, 'too_many_requests');
    assert.ok(limited.body.error_details.retry_after_seconds > 0);
  });

  it('tells a recovery code typed as a TOTP code apart', async () => {
    const ist = (await login('totp@acme.test')).body.data.intermediate_session_token;
    const { body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
      organization_id: acme,
      member_id: MEMBER_IDS.totpAcme,
      code: 'abcd-efgh-ijkl',
      session_duration_minutes: 60,
      intermediate_session_token: ist,
    });
    assert.equal(body.error_type, 'recovery_code_used_as_totp_code');
  });
});

describe('sessions', () => {
  it('authenticates, expires by the clock, and revokes', async () => {
    const token = (await login('user@initech.test', ORGANIZATION_IDS.initech)).body.data.session_token;
    const ok = await call(ctx.base, 'POST', '/sdk/v1/b2b/sessions/authenticate', {}, { auth: basic(token) });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.member.email_address, 'user@initech.test');
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 61 * 60 });
    const dead = await call(
      ctx.base,
      'POST',
      '/sdk/v1/b2b/sessions/authenticate',
      {},
      { auth: basic(token) },
    );
    assert.equal(dead.status, 404);
    assert.equal(dead.body.error_type, 'session_not_found');
  });

  it('revokes a session', async () => {
    const token = (await login('user@initech.test', ORGANIZATION_IDS.initech)).body.data.session_token;
    assert.equal(
      (await call(ctx.base, 'POST', '/sdk/v1/b2b/sessions/revoke', undefined, { auth: basic(token) })).status,
      200,
    );
    const after = await call(ctx.base, 'GET', '/sdk/v1/b2b/organizations/members/me', undefined, {
      auth: basic(token),
    });
    assert.equal(after.body.error_type, 'session_not_found');
  });

  it('updates and deletes factors with a session', async () => {
    const token = (await login('user@initech.test', ORGANIZATION_IDS.initech)).body.data.session_token;
    const auth = { auth: basic(token) };
    const badDefault = await call(
      ctx.base,
      'PUT',
      '/sdk/v1/b2b/organizations/members/update',
      { default_mfa_method: 'totp' },
      auth,
    );
    assert.equal(badDefault.body.error_type, 'default_mfa_member_missing_factor');
    const set = await call(
      ctx.base,
      'PUT',
      '/sdk/v1/b2b/organizations/members/update',
      { mfa_phone_number: '+14155550177' },
      auth,
    );
    assert.equal(set.body.data.member.mfa_phone_number, '+14155550177');
    const deleted = await call(
      ctx.base,
      'DELETE',
      '/sdk/v1/b2b/organizations/members/deletePhoneNumber',
      undefined,
      auth,
    );
    assert.equal(deleted.body.data.member.mfa_phone_number, '');
    const org = await call(ctx.base, 'GET', '/sdk/v1/b2b/organizations/me', undefined, auth);
    assert.equal(org.body.data.organization.mfa_policy, 'OPTIONAL');
  });
});

describe('bad requests', () => {
  it('malformed JSON is 400 bad_request', async () => {
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', undefined, {
      raw: '{"organization_id": ',
    });
    assert.equal(status, 400);
    assert.equal(body.error_type, 'bad_request');
  });

  it('wrong types and missing fields are a 400 schema error listing each', async () => {
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
      organization_id: 7,
      member_id: MEMBER_IDS.newAcme,
      session_duration_minutes: '60',
    });
    assert.equal(status, 400);
    assert.deepEqual(
      body.body.map((issue: { dataPath: string; message: string }) => `${issue.dataPath} ${issue.message}`),
      [
        '.organization_id should be string',
        " should have required property 'code'",
        '.session_duration_minutes should be number',
      ],
    );
  });

  it('a body that is not an object is 400', async () => {
    const { status, body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', [1, 2]);
    assert.equal(status, 400);
    assert.equal(body.error_type, 'bad_request');
  });

  it('unknown routes are 404 route_not_found; wrong methods 405', async () => {
    const missing = await call(ctx.base, 'POST', '/sdk/v1/b2b/nothing', {});
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error_type, 'route_not_found');
    const wrongMethod = await call(ctx.base, 'GET', '/sdk/v1/b2b/otps/sms/send');
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.body.error_type, 'method_not_allowed');
  });

  it('needs Basic credentials with a test public token', async () => {
    const none = await call(ctx.base, 'GET', '/sdk/v1/projects/bootstrap/x', undefined, { auth: null });
    assert.equal(none.body.error_type, 'unauthorized_credentials');
    const live = await call(ctx.base, 'GET', '/sdk/v1/projects/bootstrap/x', undefined, {
      auth: basic('public-token-live-x', 'public-token-live-x'),
    });
    assert.equal(live.status, 401);
  });

  it('a session token nobody issued is session_not_found', async () => {
    const { status, body } = await call(ctx.base, 'GET', '/sdk/v1/b2b/recovery_codes', undefined, {
      auth: basic('forged-token'),
    });
    assert.equal(status, 404);
    assert.equal(body.error_type, 'session_not_found');
  });
});

describe('CORS', () => {
  it('answers preflights from loopback origins with credentials', async () => {
    const response = await fetch(`${ctx.base}/sdk/v1/b2b/otps/sms/send`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Headers': 'authorization,content-type,x-sdk-client',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /x-sdk-client/);
  });

  it('puts the CORS headers on errors too, and none for other origins', async () => {
    const error = await call(
      ctx.base,
      'POST',
      '/sdk/v1/b2b/nothing',
      {},
      { headers: { Origin: 'http://127.0.0.1:8000' } },
    );
    assert.equal(error.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
    const foreign = await call(ctx.base, 'GET', '/__emulator/clock', undefined, {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  });
});
