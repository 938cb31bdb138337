// Stytch's RBAC on the SDK's admin routes (`organization.update`, `organization.members.*`): the
// seeded admins may manage their own organization, a plain member is refused with Stytch's 403, a
// caller without a session or with another organization's member gets nothing, and what an admin
// changes is what the next sign-in asks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_ADMIN_PHONE } from '../../emulator/index.js';
import { basic, call, sdkLogin, useEmulator, type Answer } from './helpers.js';

const ctx = useEmulator();
const { acme, initech } = ORGANIZATION_IDS;

/** A full SDK session for a seeded member: initech's need only the password, acme's admin an SMS code. */
async function session(email: string, organization_id: string): Promise<string> {
  const login = (await sdkLogin(ctx.base, email, organization_id)).body.data;
  if (login.session_token) return login.session_token;
  const outbox = (await call(ctx.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(SEED_ADMIN_PHONE)}`))
    .body;
  const done = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/authenticate', {
    organization_id,
    member_id: login.member_id,
    code: outbox.at(-1).code,
    intermediate_session_token: login.intermediate_session_token,
    session_duration_minutes: 60,
  });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return done.body.data.session_token;
}

const acmeAdmin = () => session('admin@acme.test', acme);
const initechAdmin = () => session('admin@initech.test', initech);
const initechMember = () => session('user@initech.test', initech);

/** The admin calls, each as the SDK sends it, aimed at a member of `target`'s choosing. */
const ADMIN_CALLS: { name: string; method: string; path: (member: string) => string; body?: unknown }[] = [
  {
    name: 'organization.update',
    method: 'PUT',
    path: () => '/sdk/v1/b2b/organizations/me',
    body: { mfa_policy: 'REQUIRED_FOR_ALL', mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] },
  },
  {
    name: 'organization.members.search',
    method: 'POST',
    path: () => '/sdk/v1/b2b/organizations/me/members/search',
    body: { limit: 10 },
  },
  {
    name: 'organization.members.update',
    method: 'PUT',
    path: (id) => `/sdk/v1/b2b/organizations/members/${encodeURIComponent(id)}`,
    body: { mfa_enrolled: true },
  },
  {
    name: 'organization.members.deleteMFAPhoneNumber',
    method: 'DELETE',
    path: (id) => `/sdk/v1/b2b/organizations/members/mfa_phone_numbers/${encodeURIComponent(id)}`,
  },
  {
    name: 'organization.members.deleteMFATOTP',
    method: 'DELETE',
    path: (id) => `/sdk/v1/b2b/organizations/members/totp/${encodeURIComponent(id)}`,
  },
];

const sdk = (method: string, path: string, body: unknown, token?: string): Promise<Answer> =>
  call(ctx.base, method, path, body, token ? { auth: basic(token) } : {});

function refused(answer: Answer, status: number, type: string): void {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body.error_type, type);
  assert.equal(answer.body.status_code, status);
  assert.equal(typeof answer.body.error_message, 'string');
  assert.equal(answer.body.error_url, `https://stytch.com/docs/api/errors/${status}#${type}`);
  assert.equal(answer.body.data, undefined, 'no data in a refusal');
}

describe('RBAC: the project and the roles', () => {
  it('the bootstrap answers the default roles in the shape the SDK reads', async () => {
    const boot = (await call(ctx.base, 'GET', '/sdk/v1/projects/bootstrap/public-token-test-x')).body.data;
    const roles = new Map(boot.rbac_policy.roles.map((r: { role_id: string }) => [r.role_id, r]));
    assert.deepEqual([...roles.keys()].sort(), ['stytch_admin', 'stytch_member']);
    // The SDK's check: a role's permission on the resource lists the action or '*'.
    const can = (role: string, resource: string, action: string) =>
      (roles.get(role) as { permissions: { resource_id: string; actions: string[] }[] }).permissions.some(
        (p) => p.resource_id === resource && (p.actions.includes(action) || p.actions.includes('*')),
      );
    for (const [resource, action] of [
      ['stytch.organization', 'update.settings.mfa-policy'],
      ['stytch.organization', 'update.settings.allowed-mfa-methods'],
      ['stytch.member', 'search'],
      ['stytch.member', 'update.settings.mfa-enrolled'],
      ['stytch.member', 'update.settings.default-mfa-method'],
      ['stytch.member', 'update.info.delete.mfa-phone'],
      ['stytch.member', 'update.info.delete.mfa-totp'],
    ] as const) {
      assert.equal(can('stytch_admin', resource, action), true, `admin: ${resource} ${action}`);
      assert.equal(can('stytch_member', resource, action), false, `member: ${resource} ${action}`);
    }
    assert.equal(can('stytch_member', 'stytch.self', 'update.info.delete.mfa-phone'), true);
    const resources = boot.rbac_policy.resources.map((r: { resource_id: string }) => r.resource_id);
    assert.deepEqual(resources, ['stytch.organization', 'stytch.member', 'stytch.self']);
  });

  it("an admin's member, session and JWT carry stytch_admin; a member's only stytch_member", async () => {
    const admin = (await sdkLogin(ctx.base, 'admin@initech.test', initech)).body.data;
    assert.deepEqual(admin.member_session.roles, ['stytch_member', 'stytch_admin']);
    assert.deepEqual(
      admin.member.roles.map((r: { role_id: string }) => r.role_id),
      ['stytch_member', 'stytch_admin'],
    );
    const claims = JSON.parse(Buffer.from(admin.session_jwt.split('.')[1], 'base64url').toString());
    assert.deepEqual(claims['https://stytch.com/session'].roles, ['stytch_member', 'stytch_admin']);
    const member = (await sdkLogin(ctx.base, 'user@initech.test', initech)).body.data;
    assert.deepEqual(member.member_session.roles, ['stytch_member']);
  });
});

describe('RBAC: the admin calls through the SDK routes', () => {
  it('an admin updates the MFA policy and the allowed methods with one call', async () => {
    const token = await acmeAdmin();
    const answer = await sdk('PUT', '/sdk/v1/b2b/organizations/me', ADMIN_CALLS[0]!.body, token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const org = answer.body.data.organization;
    assert.equal(org.organization_id, acme);
    assert.equal(org.mfa_policy, 'REQUIRED_FOR_ALL');
    assert.equal(org.mfa_methods, 'RESTRICTED');
    assert.deepEqual(org.allowed_mfa_methods, ['totp']);
    const again = await sdk('GET', '/sdk/v1/b2b/organizations/me', undefined, token);
    assert.deepEqual(again.body.data.organization.allowed_mfa_methods, ['totp']);
  });

  it('an organization update is checked: a known policy, methods, never RESTRICTED to none', async () => {
    const token = await acmeAdmin();
    const put = (body: unknown) => sdk('PUT', '/sdk/v1/b2b/organizations/me', body, token);
    refused(await put({ mfa_policy: 'SOMETIMES' }), 400, 'invalid_organization_mfa_policy');
    refused(await put({ mfa_methods: 'SOME' }), 400, 'invalid_organization_mfa_factor_setting');
    refused(
      await put({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['email'] }),
      400,
      'invalid_organization_allowed_mfa_methods',
    );
    refused(
      await put({ mfa_methods: 'RESTRICTED', allowed_mfa_methods: [] }),
      400,
      'allowed_mfa_methods_required_for_restricted',
    );
    const org = (await sdk('GET', '/sdk/v1/b2b/organizations/me', undefined, token)).body.data.organization;
    assert.equal(org.mfa_methods, 'ALL_ALLOWED', 'nothing changed');
  });

  it("an admin requires MFA of a member and sets another member's default method", async () => {
    const token = await initechAdmin();
    const path = `/sdk/v1/b2b/organizations/members/${MEMBER_IDS.userInitech}`;
    const answer = await sdk('PUT', path, { member_id: MEMBER_IDS.userInitech, mfa_enrolled: true }, token);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.data.member.member_id, MEMBER_IDS.userInitech);
    assert.equal(answer.body.data.member.mfa_enrolled, true);

    const acmeToken = await acmeAdmin();
    const sms = await sdk(
      'PUT',
      `/sdk/v1/b2b/organizations/members/${MEMBER_IDS.totpAcme}`,
      { default_mfa_method: 'totp' },
      acmeToken,
    );
    assert.equal(sms.status, 200, JSON.stringify(sms.body));
    assert.equal(sms.body.data.member.default_mfa_method, 'totp');
  });

  it("an admin removes a member's phone and authenticator app", async () => {
    const token = await acmeAdmin();
    const phone = await sdk(
      'DELETE',
      `/sdk/v1/b2b/organizations/members/mfa_phone_numbers/${MEMBER_IDS.smsAcme}`,
      undefined,
      token,
    );
    assert.equal(phone.status, 200, JSON.stringify(phone.body));
    assert.equal(phone.body.data.member.mfa_phone_number, '');
    assert.equal(phone.body.data.member.mfa_phone_number_verified, false);
    const app = await sdk(
      'DELETE',
      `/sdk/v1/b2b/organizations/members/totp/${MEMBER_IDS.totpAcme}`,
      undefined,
      token,
    );
    assert.equal(app.status, 200, JSON.stringify(app.body));
    assert.equal(app.body.data.member.totp_registration_id, '');
  });

  for (const each of ADMIN_CALLS) {
    it(`${each.name}: a stytch_member is refused with 403 unauthorized_action, and nothing changes`, async () => {
      const token = await initechMember();
      const before = ctx.emulator.state;
      const answer = await sdk(each.method, each.path(MEMBER_IDS.adminInitech), each.body, token);
      refused(answer, 403, 'unauthorized_action');
      const after = ctx.emulator.state;
      assert.deepEqual(after.organizations, before.organizations);
      assert.deepEqual(after.members, before.members);
    });

    it(`${each.name}: no session is 401; a login half-way through MFA is no session either`, async () => {
      refused(
        await sdk(each.method, each.path(MEMBER_IDS.smsAcme), each.body),
        401,
        'unauthorized_credentials',
      );
      // The admin's password step: an intermediate session, which the SDK keeps out of its credentials.
      const ist = (await sdkLogin(ctx.base, 'admin@acme.test', acme)).body.data.intermediate_session_token;
      assert.ok(ist);
      refused(
        await sdk(each.method, each.path(MEMBER_IDS.smsAcme), each.body, ist),
        404,
        'session_not_found',
      );
      const member = ctx.emulator.state.members[MEMBER_IDS.smsAcme]!;
      assert.equal(member.mfa_phone_number, '+14155550101', 'nothing changed');
      assert.equal(ctx.emulator.state.organizations[acme]!.mfa_methods, 'ALL_ALLOWED');
    });
  }

  for (const each of ADMIN_CALLS.slice(2)) {
    it(`${each.name}: another organization's member is not found, for an admin too`, async () => {
      const token = await initechAdmin();
      refused(
        await sdk(each.method, each.path(MEMBER_IDS.smsAcme), each.body, token),
        404,
        'member_not_found',
      );
      assert.equal(ctx.emulator.state.members[MEMBER_IDS.smsAcme]!.mfa_phone_number, '+14155550101');
      assert.equal(ctx.emulator.state.members[MEMBER_IDS.smsAcme]!.mfa_enrolled, true);
    });

    it(`${each.name}: names every object inherits are no member`, async () => {
      const token = await initechAdmin();
      for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
        refused(await sdk(each.method, each.path(id), each.body, token), 404, 'member_not_found');
    });
  }

  it('a member may still change their own account through the admin routes (stytch.self)', async () => {
    const token = await initechMember();
    const answer = await sdk(
      'PUT',
      `/sdk/v1/b2b/organizations/members/${MEMBER_IDS.userInitech}`,
      { mfa_enrolled: true },
      token,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.data.member.mfa_enrolled, true);
  });
});

describe('RBAC: what the policy changes is what the next sign-in asks', () => {
  it('acme restricted to authenticator apps: the next sign-in of new@acme.test may only set up TOTP', async () => {
    const token = await acmeAdmin();
    const before = (await sdkLogin(ctx.base, 'new@acme.test')).body.data;
    assert.equal(before.organization.mfa_methods, 'ALL_ALLOWED');

    await sdk('PUT', '/sdk/v1/b2b/organizations/me', ADMIN_CALLS[0]!.body, token);
    const login = (await sdkLogin(ctx.base, 'new@acme.test')).body.data;
    assert.ok(login.mfa_required, 'MFA is asked');
    assert.equal(login.mfa_required.member_options, null, 'nothing set up yet');
    assert.equal(login.organization.mfa_methods, 'RESTRICTED');
    assert.deepEqual(login.organization.allowed_mfa_methods, ['totp']);
    const sms = await call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
      organization_id: acme,
      member_id: MEMBER_IDS.newAcme,
      mfa_phone_number: '+14155550177',
      intermediate_session_token: login.intermediate_session_token,
    });
    refused(sms, 403, 'operation_restricted_by_organization_mfa_methods');
  });

  it('initech made REQUIRED_FOR_ALL: a member who signed in with a password alone is now asked for MFA', async () => {
    const first = (await sdkLogin(ctx.base, 'user@initech.test', initech)).body.data;
    assert.equal(first.mfa_required, null);
    const token = await initechAdmin();
    const put = await sdk('PUT', '/sdk/v1/b2b/organizations/me', { mfa_policy: 'REQUIRED_FOR_ALL' }, token);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const next = (await sdkLogin(ctx.base, 'user@initech.test', initech)).body.data;
    assert.ok(next.mfa_required, 'MFA is asked now');
    assert.equal(next.session_token, '');
  });

  it("sms@acme.test's phone removed by the admin: their next sign-in asks them to set a factor up", async () => {
    const token = await acmeAdmin();
    await sdk(
      'DELETE',
      `/sdk/v1/b2b/organizations/members/mfa_phone_numbers/${MEMBER_IDS.smsAcme}`,
      undefined,
      token,
    );
    const login = (await sdkLogin(ctx.base, 'sms@acme.test')).body.data;
    assert.ok(login.mfa_required);
    assert.equal(login.mfa_required.member_options, null);
    assert.equal(login.mfa_required.secondary_auth_initiated, null, 'no code sent to the old phone');
  });
});
