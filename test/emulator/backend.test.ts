// Stytch's backend MFA guide ("Enrolling a Member in MFA"), walked with the official `stytch` package
// against the emulator's `/v1/b2b/...` routes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { B2BClient, StytchError } from 'stytch';
import { MEMBER_IDS, ORGANIZATION_IDS, PROJECT, SEED_PASSWORD, totp } from '../../emulator/index.js';
import { call, useEmulator } from './helpers.js';

const ctx = useEmulator();
let client: B2BClient | undefined;
/** The host's client, made once the emulator listens. */
const stytch = new Proxy({} as B2BClient, {
  get: (_, key) =>
    (client ??= quietly(() => new B2BClient({ ...PROJECT, env: `${ctx.base}/` })))[key as keyof B2BClient],
});

/** The package warns about a custom `env` on construction; the warning is expected here. */
function quietly<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

async function rejects(promise: Promise<unknown>, errorType: string, status?: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StytchError, `expected a StytchError, got ${String(error)}`);
    assert.equal(error.error_type, errorType);
    if (status) assert.equal(error.status_code, status);
    return true;
  });
}

const acme = ORGANIZATION_IDS.acme;
const PHONE = '+14155550199';

async function lastCode(to: string): Promise<string> {
  const outbox = (await call(ctx.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(to)}`)).body;
  return outbox.at(-1).code;
}

async function primary(email: string, organization_id: string = acme) {
  return stytch.passwords.authenticate({ organization_id, email_address: email, password: SEED_PASSWORD });
}

/** The guide's steps 1–3 for new@acme.test: primary auth, send to a new number, enroll with the code. */
async function enrollBySms() {
  const login = await primary('new@acme.test');
  await stytch.otps.sms.send({
    organization_id: acme,
    member_id: MEMBER_IDS.newAcme,
    mfa_phone_number: PHONE,
    intermediate_session_token: login.intermediate_session_token,
  });
  return stytch.otps.sms.authenticate({
    organization_id: acme,
    member_id: MEMBER_IDS.newAcme,
    code: await lastCode(PHONE),
    intermediate_session_token: login.intermediate_session_token,
    set_mfa_enrollment: 'enroll',
    session_duration_minutes: 60,
  });
}

describe('the backend API with the official stytch package', () => {
  it('walks the guide: primary auth, send, authenticate with the IST and enroll', async () => {
    const login = await primary('new@acme.test');
    assert.equal(login.member_authenticated, false);
    assert.ok(login.intermediate_session_token);
    assert.equal(login.mfa_required?.member_options, null);

    const sent = await stytch.otps.sms.send({
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
      mfa_phone_number: PHONE,
      intermediate_session_token: login.intermediate_session_token,
    });
    assert.equal(sent.status_code, 200);
    assert.equal(sent.member.mfa_phone_number, PHONE);
    assert.equal(sent.member.mfa_phone_number_verified, false);

    const done = await stytch.otps.sms.authenticate({
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
      code: await lastCode(PHONE),
      intermediate_session_token: login.intermediate_session_token,
      set_mfa_enrollment: 'enroll',
    });
    assert.equal(done.member.mfa_enrolled, true);
    assert.equal(done.member.mfa_phone_number_verified, true);
    assert.ok(done.session_token);
    assert.ok(done.session_jwt);
    assert.deepEqual(
      done.member_session?.authentication_factors.map((f) => f.type),
      ['password', 'otp'],
    );

    const local = await stytch.sessions.authenticateJwtLocal({ session_jwt: done.session_jwt });
    assert.equal(local.member_id, MEMBER_IDS.newAcme);
    assert.equal(local.organization_id, acme);
    assert.equal(local.member_session_id, done.member_session?.member_session_id);

    const checked = await stytch.sessions.authenticate({ session_token: done.session_token });
    assert.equal(checked.member.member_id, MEMBER_IDS.newAcme);
  });

  it('a JWT signed by another key, or for another project, is refused offline', async () => {
    const { session_jwt } = await enrollBySms();
    const [head, body] = session_jwt.split('.');
    const forged = `${head}.${body}.${Buffer.from('not the signature').toString('base64url')}`;
    await assert.rejects(stytch.sessions.authenticateJwtLocal({ session_jwt: forged }), /jwt_invalid/);
    const other = quietly(
      () => new B2BClient({ project_id: 'project-test-other', secret: PROJECT.secret, env: `${ctx.base}/` }),
    );
    await assert.rejects(other.sessions.authenticateJwtLocal({ session_jwt }), /jwt_invalid/);
  });

  it('unenrolls with the session token', async () => {
    const { session_token } = await enrollBySms();
    const member = await stytch.organizations.members.get({
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
    });
    assert.equal(member.member.mfa_enrolled, true);

    // Initech is OPTIONAL: unenrollment sticks there (REQUIRED_FOR_ALL keeps every member enrolled).
    const initech = ORGANIZATION_IDS.initech;
    const login = await primary('user@initech.test', initech);
    assert.equal(login.member_authenticated, true);
    await stytch.otps.sms.send({
      organization_id: initech,
      member_id: MEMBER_IDS.userInitech,
      mfa_phone_number: PHONE,
      session_token: login.session_token,
    });
    const enrolled = await stytch.otps.sms.authenticate({
      organization_id: initech,
      member_id: MEMBER_IDS.userInitech,
      code: await lastCode(PHONE),
      session_token: login.session_token,
      set_mfa_enrollment: 'enroll',
    });
    assert.equal(enrolled.member.mfa_enrolled, true);
    await stytch.otps.sms.send({
      organization_id: initech,
      member_id: MEMBER_IDS.userInitech,
      session_jwt: enrolled.session_jwt,
    });
    const unenrolled = await stytch.otps.sms.authenticate({
      organization_id: initech,
      member_id: MEMBER_IDS.userInitech,
      code: await lastCode(PHONE),
      session_token: enrolled.session_token,
      set_mfa_enrollment: 'unenroll',
    });
    assert.equal(unenrolled.member.mfa_enrolled, false);
    assert.ok(session_token);
  });

  it('refuses two session arguments, none, a wrong secret and a code used twice', async () => {
    const login = await primary('new@acme.test');
    const ist = login.intermediate_session_token;
    await stytch.otps.sms.send({
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
      mfa_phone_number: PHONE,
      intermediate_session_token: ist,
    });
    const code = await lastCode(PHONE);
    const base = { organization_id: acme, member_id: MEMBER_IDS.newAcme, code };
    await rejects(
      stytch.otps.sms.authenticate({ ...base, intermediate_session_token: ist, session_token: 'x' }),
      'too_many_session_arguments',
      400,
    );
    await rejects(stytch.otps.sms.authenticate(base), 'no_session_arguments', 400);

    const wrong = quietly(
      () => new B2BClient({ ...PROJECT, secret: 'secret-test-wrong', env: `${ctx.base}/` }),
    );
    await rejects(
      wrong.otps.sms.authenticate({ ...base, intermediate_session_token: ist }),
      'unauthorized_credentials',
      401,
    );

    const done = await stytch.otps.sms.authenticate({
      ...base,
      intermediate_session_token: ist,
      set_mfa_enrollment: 'enroll',
    });
    await rejects(
      stytch.otps.sms.authenticate({ ...base, session_token: done.session_token }),
      'otp_code_not_found',
      404,
    );
  });

  it('a member enrolled by the backend is asked for MFA at the SDK login, and the other way round', async () => {
    await enrollBySms();
    const sdkLogin = await call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
    });
    assert.equal(sdkLogin.body.data.member_authenticated, false);
    assert.equal(sdkLogin.body.data.mfa_required.member_options.mfa_phone_number, PHONE);
    assert.equal(sdkLogin.body.data.mfa_required.secondary_auth_initiated, 'sms_otp');

    // Enrolled through the SDK routes (TOTP for new@globex.test) → the backend login asks for MFA.
    const globex = ORGANIZATION_IDS.globex;
    const ist = (
      await call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
        organization_id: globex,
        email_address: 'new@globex.test',
        password: SEED_PASSWORD,
      })
    ).body.data.intermediate_session_token;
    const target = {
      organization_id: globex,
      member_id: MEMBER_IDS.newGlobex,
      intermediate_session_token: ist,
    };
    const created = (await call(ctx.base, 'POST', '/sdk/v1/b2b/totp', target)).body.data;
    const now = Date.parse((await call(ctx.base, 'GET', '/__emulator/clock')).body.now);
    const enrolled = await call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
      ...target,
      code: totp(created.secret, now),
      set_mfa_enrollment: 'enroll',
    });
    assert.equal(enrolled.status, 200);
    const backendLogin = await primary('new@globex.test', globex);
    assert.equal(backendLogin.member_authenticated, false);
    assert.equal(
      backendLogin.mfa_required?.member_options?.totp_registration_id,
      created.totp_registration_id,
    );
  });

  it('serves TOTP, recovery codes, members and organizations', async () => {
    const login = await primary('totp@acme.test');
    const recovered = await stytch.recoveryCodes.recover({
      organization_id: acme,
      member_id: MEMBER_IDS.totpAcme,
      recovery_code: 'acme-rcv1-a1b2',
      intermediate_session_token: login.intermediate_session_token,
    });
    assert.equal(recovered.recovery_codes_remaining, 9);
    const codes = await stytch.recoveryCodes.get({ organization_id: acme, member_id: MEMBER_IDS.totpAcme });
    assert.equal(codes.recovery_codes.length, 9);
    const rotated = await stytch.recoveryCodes.rotate({
      organization_id: acme,
      member_id: MEMBER_IDS.totpAcme,
    });
    assert.equal(rotated.recovery_codes.length, 10);

    const org = await stytch.organizations.get({ organization_id: 'acme' });
    assert.equal(org.organization.organization_id, acme);
    const updated = await stytch.organizations.members.update({
      organization_id: acme,
      member_id: MEMBER_IDS.smsAcme,
      name: 'Sam S.',
    });
    assert.equal(updated.member.name, 'Sam S.');
    const removed = await stytch.organizations.members.deleteTOTP({
      organization_id: acme,
      member_id: MEMBER_IDS.totpAcme,
    });
    assert.equal(removed.member.totp_registration_id, '');

    const step = await primary('user@initech.test', ORGANIZATION_IDS.initech);
    const created = await stytch.totps.create({
      organization_id: ORGANIZATION_IDS.initech,
      member_id: MEMBER_IDS.userInitech,
    });
    assert.equal(created.recovery_codes.length, 10);
    await stytch.sessions.revoke({ session_token: step.session_token });
    await rejects(
      stytch.sessions.authenticate({ session_token: step.session_token }),
      'session_not_found',
      404,
    );
  });

  it('the seed route lists the project credentials', async () => {
    const seed = (await call(ctx.base, 'GET', '/__emulator/seed')).body;
    assert.deepEqual(seed.project, PROJECT);
  });
});
