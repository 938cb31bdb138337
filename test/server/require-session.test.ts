// The route guard, against the emulator through the official `stytch` package: only a full session
// Stytch still holds passes — not the password step alone, not a revoked or expired session.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { B2BClient } from 'stytch';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_PASSWORD, SEED_RECOVERY_CODES } from '../../emulator/index.js';
import {
  hostSessionFrom,
  mfaSessionMiddleware,
  requireMfaSession,
  type HostSession,
} from '../../server/index.js';
import type { MfaSessionOptions } from '../../server/index.js';
import { call, useEmulator } from '../emulator/helpers.js';
import { stytchClient } from './support/host.js';
import { PROJECT_BASIC } from './support/leaks.js';
import { logsOf } from './support/raw.js';

const ctx = useEmulator();
const AUTH = `Basic ${PROJECT_BASIC}`;
let stytch: B2BClient;

/** A host whose session store holds `session`; counts its clearSession calls. */
function options(session: HostSession | null, extra: Partial<MfaSessionOptions> = {}) {
  const cleared: Request[] = [];
  const opts: MfaSessionOptions = {
    stytch,
    getSession: () => session,
    clearSession: (request) => {
      cleared.push(request);
      return { 'Set-Cookie': 'app_session=; Max-Age=0' };
    },
    ...extra,
  };
  return { opts, cleared };
}

const page = (headers: Record<string, string> = {}) =>
  new Request('http://app.test/account', { headers: { cookie: 'app_session=x', ...headers } });

async function refusal(result: unknown, status: number, type: string) {
  assert.ok(result instanceof Response, `refused, not ${JSON.stringify(result)}`);
  assert.equal(result.status, status);
  const body = (await result.json()) as Record<string, unknown>;
  assert.equal(body.error_type, type);
  assert.doesNotMatch(JSON.stringify(body), /session_token|session_jwt|intermediate/);
}

/** A password login through Stytch's backend API: the host's session it leads to. */
async function password(email: string, organization_id: string): Promise<HostSession> {
  return hostSessionFrom(
    await stytch.passwords.authenticate({ organization_id, email_address: email, password: SEED_PASSWORD }),
  );
}

/** The password step, then the SMS code Stytch texted: a full session with two factors. */
async function withSms(): Promise<HostSession> {
  const login = await password('sms@acme.test', ORGANIZATION_IDS.acme);
  const sms = (await call(ctx.base, 'GET', '/__emulator/sms?to=%2B14155550101')).body.at(-1);
  const answer = await stytch.otps.sms.authenticate({
    organization_id: login.organization_id,
    member_id: login.member_id,
    code: sms.code,
    intermediate_session_token: login.intermediate_session_token!,
  });
  return hostSessionFrom(answer);
}

describe('requireMfaSession', () => {
  before(() => {
    stytch = stytchClient(`${ctx.base}/`);
  });

  it('passes a full session after MFA, with the member and the factors it holds', async () => {
    const result = await requireMfaSession(page(), options(await withSms()).opts);
    assert.ok(!(result instanceof Response));
    assert.equal(result.member_id, MEMBER_IDS.smsAcme);
    assert.equal(result.organization_id, ORGANIZATION_IDS.acme);
    assert.equal(result.member.email_address, 'sms@acme.test');
    assert.deepEqual(
      result.factors.map((f) => f.type),
      ['password', 'otp'],
    );
    // The JWT alone is enough too.
    const jwtOnly = { ...(await withSms()), session_token: undefined };
    const byJwt = await requireMfaSession(page(), options(jwtOnly).opts);
    assert.ok(!(byJwt instanceof Response));
    assert.equal(byJwt.member_id, MEMBER_IDS.smsAcme);
  });

  it('refuses no session, and the password step alone, without asking Stytch', async () => {
    await refusal(await requireMfaSession(page(), options(null).opts), 401, 'session_not_found');
    const halfway = await password('sms@acme.test', ORGANIZATION_IDS.acme);
    assert.ok(halfway.intermediate_session_token);
    const { opts, cleared } = options(halfway);
    await refusal(await requireMfaSession(page(), opts), 401, 'session_not_found');
    assert.equal(cleared.length, 0, 'the login may still finish MFA');
  });

  it('refuses a revoked session and clears the cookie', async () => {
    const session = await withSms();
    await call(ctx.base, 'POST', '/v1/b2b/sessions/revoke', { member_id: session.member_id }, { auth: AUTH });
    const { opts, cleared } = options(session);
    const result = await requireMfaSession(page(), opts);
    assert.ok(result instanceof Response);
    assert.deepEqual(result.headers.getSetCookie(), ['app_session=; Max-Age=0']);
    await refusal(result, 401, 'session_not_found');
    assert.equal(cleared.length, 1);
  });

  it('refuses an expired session', async () => {
    const session = await withSms(); // 60 minutes, Stytch's default
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 61 * 60 }, { auth: null });
    await refusal(await requireMfaSession(page(), options(session).opts), 401, 'session_not_found');
  });

  it('refuses a session that is not the member the host thinks it is', async () => {
    const session = await withSms();
    const mixedUp = { ...session, member_id: MEMBER_IDS.newAcme };
    await refusal(await requireMfaSession(page(), options(mixedUp).opts), 401, 'session_not_found');
  });

  it('with requireMfa, refuses (403) a full session the organization let in on a password alone', async () => {
    const passwordOnly = await password('user@initech.test', ORGANIZATION_IDS.initech);
    assert.ok(passwordOnly.session_token, 'Initech does not require MFA');
    const passes = await requireMfaSession(page(), options(passwordOnly).opts);
    assert.ok(!(passes instanceof Response));
    assert.deepEqual(
      passes.factors.map((f) => f.type),
      ['password'],
    );
    const strict = options(passwordOnly, { requireMfa: true }).opts;
    await refusal(await requireMfaSession(page(), strict), 403, 'mfa_required');
    const withMfa = options(await withSms(), { requireMfa: true }).opts;
    assert.ok(!((await requireMfaSession(page(), withMfa)) instanceof Response));
  });

  it('with requireMfa, passes a member who signed in with a recovery code', async () => {
    const login = await password('totp@acme.test', ORGANIZATION_IDS.acme);
    const recovered = hostSessionFrom(
      await stytch.recoveryCodes.recover({
        organization_id: login.organization_id,
        member_id: login.member_id,
        recovery_code: SEED_RECOVERY_CODES[0]!,
        intermediate_session_token: login.intermediate_session_token!,
      }),
    );
    const result = await requireMfaSession(page(), options(recovered, { requireMfa: true }).opts);
    assert.ok(!(result instanceof Response), 'the member who lost their authenticator gets in');
    assert.deepEqual(
      result.factors.map((f) => f.type),
      ['password', 'recovery_codes'],
    );
  });

  it('sends a refused page load to loginUrl; a fetch gets JSON', async () => {
    const { opts } = options(null, { loginUrl: '/login' });
    const navigation = await requireMfaSession(
      page({ 'Sec-Fetch-Mode': 'navigate', Accept: 'text/html' }),
      opts,
    );
    assert.ok(navigation instanceof Response);
    assert.equal(navigation.status, 303);
    assert.equal(navigation.headers.get('location'), '/login');
    const htmlWithoutFetchMetadata = await requireMfaSession(page({ Accept: 'text/html' }), opts);
    assert.equal((htmlWithoutFetchMetadata as Response).status, 303);
    const fetched = await requireMfaSession(page({ 'Sec-Fetch-Mode': 'cors', Accept: '*/*' }), opts);
    await refusal(fetched, 401, 'session_not_found');
  });

  it('answers 503 when Stytch fails or is busy (429), keeping the session and logging nothing', async () => {
    const session = await withSms();
    for (const fault of [
      { status: 503, error_type: 'internal_server_error' },
      { status: 429, error_type: 'too_many_requests' },
      { drop: true },
    ]) {
      await call(ctx.base, 'POST', '/__emulator/faults', { path: '/b2b/sessions/authenticate', ...fault });
      const { opts, cleared } = options(session);
      const { result, logs } = await logsOf(() => requireMfaSession(page(), opts));
      await refusal(result, 503, 'internal_server_error');
      assert.equal(cleared.length, 0);
      assert.equal(logs, '');
    }
    assert.ok(!((await requireMfaSession(page(), options(session).opts)) instanceof Response));
  });

  it('takes Infinity as no limit and refuses a timeoutMs that sets no timer', async () => {
    const session = await withSms();
    const result = await requireMfaSession(page(), options(session, { timeoutMs: Infinity }).opts);
    assert.ok(!(result instanceof Response), 'Infinity waits for Stytch');
    for (const timeoutMs of [0, -1, Number.NaN]) {
      const { opts } = options(session, { timeoutMs });
      assert.throws(() => mfaSessionMiddleware(opts), { name: 'TypeError', message: /timeoutMs/ });
      await assert.rejects(requireMfaSession(page(), opts), { name: 'TypeError', message: /timeoutMs/ });
    }
  });
});
