// Stytch's RBAC on the backend's admin calls, with the official `stytch` package: with a member
// session as `method_options.authorization` the session's roles decide; without one the project's
// secret is enough.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { B2BClient, StytchError } from 'stytch';
import {
  MEMBER_IDS,
  ORGANIZATION_IDS,
  PROJECT,
  SEED_PASSWORD,
  SEED_TOTP_SECRET,
  totp,
} from '../../emulator/index.js';
import { call, useEmulator } from './helpers.js';

const ctx = useEmulator();
let client: B2BClient | undefined;
const stytch = new Proxy({} as B2BClient, {
  get: (_, key) => {
    if (!client) {
      const warn = console.warn; // the package warns about a custom env
      console.warn = () => undefined;
      client = new B2BClient({ ...PROJECT, env: `${ctx.base}/` });
      console.warn = warn;
    }
    return client[key as keyof B2BClient];
  },
});

const { acme, initech } = ORGANIZATION_IDS;

async function rejects(promise: Promise<unknown>, errorType: string, status: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StytchError, `expected a StytchError, got ${String(error)}`);
    assert.equal(error.error_type, errorType);
    assert.equal(error.status_code, status);
    return true;
  });
}

/** A full session (token and JWT): initech's members need the password alone, acme's a texted code. */
async function signIn(email: string, organization_id: string) {
  const login = await stytch.passwords.authenticate({
    organization_id,
    email_address: email,
    password: SEED_PASSWORD,
  });
  if (login.session_token) return { token: login.session_token, jwt: login.session_jwt, ist: '' };
  const phone = ctx.emulator.state.members[login.member_id]!.mfa_phone_number;
  const outbox = (await call(ctx.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(phone)}`)).body;
  const done = await stytch.otps.sms.authenticate({
    organization_id,
    member_id: login.member_id,
    code: outbox.at(-1).code,
    intermediate_session_token: login.intermediate_session_token,
  });
  return { token: done.session_token, jwt: done.session_jwt, ist: login.intermediate_session_token };
}

/** totp@acme.test, a plain member, signed in with its authenticator app. */
async function signInTotp() {
  const login = await stytch.passwords.authenticate({
    organization_id: acme,
    email_address: 'totp@acme.test',
    password: SEED_PASSWORD,
  });
  const done = await stytch.totps.authenticate({
    organization_id: acme,
    member_id: login.member_id,
    code: totp(SEED_TOTP_SECRET, Date.now()),
    intermediate_session_token: login.intermediate_session_token,
  });
  return { token: done.session_token, jwt: done.session_jwt };
}

type Authorization = { session_token: string } | { session_jwt: string };

/** Each admin call of the `stytch` package, on acme, aimed at sms@acme.test where a member is named. */
const CALLS: [string, (authorization?: Authorization) => Promise<unknown>][] = [
  [
    'organizations.update',
    (authorization) =>
      stytch.organizations.update(
        { organization_id: acme, mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] },
        authorization ? { authorization } : undefined,
      ),
  ],
  [
    'organizations.members.search',
    (authorization) =>
      stytch.organizations.members.search(
        { organization_ids: [acme], limit: 5 },
        authorization ? { authorization } : undefined,
      ),
  ],
  [
    'organizations.members.update',
    (authorization) =>
      stytch.organizations.members.update(
        { organization_id: acme, member_id: MEMBER_IDS.smsAcme, mfa_enrolled: false },
        authorization ? { authorization } : undefined,
      ),
  ],
  [
    'organizations.members.deleteMFAPhoneNumber',
    (authorization) =>
      stytch.organizations.members.deleteMFAPhoneNumber(
        { organization_id: acme, member_id: MEMBER_IDS.smsAcme },
        authorization ? { authorization } : undefined,
      ),
  ],
  [
    'organizations.members.deleteTOTP',
    (authorization) =>
      stytch.organizations.members.deleteTOTP(
        { organization_id: acme, member_id: MEMBER_IDS.totpAcme },
        authorization ? { authorization } : undefined,
      ),
  ],
];

/** Nothing an admin call changes has changed. */
function unchanged(): void {
  const state = ctx.emulator.state;
  assert.equal(state.organizations[acme]!.mfa_methods, 'ALL_ALLOWED');
  assert.equal(state.members[MEMBER_IDS.smsAcme]!.mfa_phone_number, '+14155550101');
  assert.equal(state.members[MEMBER_IDS.smsAcme]!.mfa_enrolled, true);
  assert.notEqual(state.members[MEMBER_IDS.totpAcme]!.totp, null);
}

describe('RBAC on the backend API', () => {
  it('rbac.policy() answers the default roles', async () => {
    const { policy } = await stytch.rbac.policy();
    assert.deepEqual(policy!.roles.map((r) => r.role_id).sort(), ['stytch_admin', 'stytch_member']);
  });

  for (const [name, run] of CALLS) {
    it(`${name}: the project's secret alone may`, async () => {
      await run();
    });

    it(`${name}: acme's admin may, by session token and by JWT`, async () => {
      const admin = await signIn('admin@acme.test', acme);
      await run({ session_token: admin.token });
      await ctx.emulator.reset();
      const again = await signIn('admin@acme.test', acme);
      await run({ session_jwt: again.jwt });
    });

    it(`${name}: a stytch_member of acme is refused with 403 unauthorized_action`, async () => {
      // A plain member other than the one the call is about (on their own account they may).
      const member = name.endsWith('deleteTOTP') ? await signIn('sms@acme.test', acme) : await signInTotp();
      await rejects(run({ session_token: member.token }), 'unauthorized_action', 403);
      unchanged();
    });

    it(`${name}: another organization's admin is refused with 403 unauthorized_action`, async () => {
      const other = await signIn('admin@initech.test', initech);
      await rejects(run({ session_token: other.token }), 'unauthorized_action', 403);
      await rejects(run({ session_jwt: other.jwt }), 'unauthorized_action', 403);
      unchanged();
    });

    it(`${name}: an intermediate session or a revoked session is no session`, async () => {
      const admin = await signIn('admin@acme.test', acme);
      await rejects(run({ session_token: admin.ist }), 'session_not_found', 404);
      await stytch.sessions.revoke({ session_token: admin.token });
      await rejects(run({ session_token: admin.token }), 'session_not_found', 404);
      unchanged();
    });
  }

  it("sessions.authenticate's authorization_check: a verdict for an admin, 403 for a member or another organization", async () => {
    const admin = await signIn('admin@initech.test', initech);
    const member = await signIn('user@initech.test', initech);
    const check = {
      organization_id: initech,
      resource_id: 'stytch.member',
      action: 'update.info.delete.mfa-totp',
    };
    const ok = await stytch.sessions.authenticate({ session_token: admin.token, authorization_check: check });
    assert.deepEqual(ok.verdict, { authorized: true, granting_roles: ['stytch_admin'] });
    await rejects(
      stytch.sessions.authenticate({ session_token: member.token, authorization_check: check }),
      'unauthorized_action',
      403,
    );
    await rejects(
      stytch.sessions.authenticate({
        session_token: admin.token,
        authorization_check: { ...check, organization_id: acme },
      }),
      'unauthorized_action',
      403,
    );
    const plain = await stytch.sessions.authenticate({ session_token: member.token });
    assert.equal(plain.verdict, undefined);
  });

  it('sessions.authenticateJwtLocal checks an authorization with the policy the emulator serves', async () => {
    const admin = await signIn('admin@initech.test', initech);
    const member = await signIn('user@initech.test', initech);
    const check = { organization_id: initech, resource_id: 'stytch.member', action: 'search' };
    const ok = await stytch.sessions.authenticateJwtLocal({
      session_jwt: admin.jwt,
      authorization_check: check,
    });
    assert.deepEqual(ok.roles, ['stytch_member', 'stytch_admin']);
    await assert.rejects(
      stytch.sessions.authenticateJwtLocal({ session_jwt: member.jwt, authorization_check: check }),
      /permission/,
    );
  });

  it('members.search pages with cursors and keeps to the organizations named', async () => {
    const first = await stytch.organizations.members.search({ organization_ids: [acme], limit: 3 });
    assert.equal(first.results_metadata.total, 5);
    assert.equal(first.members.length, 3);
    const rest = await stytch.organizations.members.search({
      organization_ids: [acme],
      limit: 3,
      cursor: first.results_metadata.next_cursor!,
    });
    assert.equal(rest.members.length, 2);
    assert.equal(rest.results_metadata.next_cursor, null);
    const all = [...first.members, ...rest.members].map((m) => m.email_address).sort();
    assert.deepEqual(all, [
      'admin@acme.test',
      'later@acme.test',
      'new@acme.test',
      'sms@acme.test',
      'totp@acme.test',
    ]);
    await rejects(
      stytch.organizations.members.search({ organization_ids: [] }),
      'member_search_organization_ids_empty',
      400,
    );
    await rejects(
      stytch.organizations.members.search({ organization_ids: ['constructor'] }),
      'organization_not_found',
      404,
    );
  });
});
