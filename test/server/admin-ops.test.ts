// The admin elements' operations through the host's server: each made with the host's member session
// as Stytch's authorization, so the emulator's RBAC decides — an admin may, a plain member gets
// Stytch's 403, a login half-way through MFA or none gets a 401, and a host session whose Stytch
// session is another organization's is refused by Stytch, not waved through by the handler.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_ADMIN_PHONE, SEED_PASSWORD } from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { stytchClient, useHost, type Reply } from './support/host.js';
import { INHERITED, leaksIn } from './support/leaks.js';

const host = useHost();
const { acme, initech } = ORGANIZATION_IDS;

/** Each admin operation with a body that changes something, aimed at user@initech.test. */
const ADMIN_OPS: [string, Record<string, unknown>][] = [
  [
    'organization/update',
    { mfa_policy: 'REQUIRED_FOR_ALL', mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] },
  ],
  ['members/search', { limit: 10 }],
  ['members/update', { member_id: MEMBER_IDS.userInitech, mfa_enrolled: true }],
  ['members/delete_phone', { member_id: MEMBER_IDS.userInitech }],
  ['members/delete_totp', { member_id: MEMBER_IDS.userInitech }],
];

function refused(reply: Reply, status: number, type: string): void {
  assert.equal(reply.status, status, reply.text);
  assert.equal(reply.json.error_type, type, reply.text);
  assert.equal(reply.json.status_code, status);
  assert.equal(typeof reply.json.error_message, 'string');
  assert.equal(reply.json.member, undefined);
  assert.equal(reply.json.organization, undefined);
  assert.deepEqual(leaksIn(reply.text, host.secrets()), []);
}

function initechUnchanged(): void {
  const state = host.emulator.emulator.state;
  assert.equal(state.organizations[initech]!.mfa_policy, 'OPTIONAL');
  assert.equal(state.organizations[initech]!.mfa_methods, 'ALL_ALLOWED');
  assert.equal(state.members[MEMBER_IDS.userInitech]!.mfa_enrolled, false);
}

/** acme's admin, signed in through the host with the code texted to their phone. */
async function acmeAdmin(): Promise<string> {
  const cookie = await host.login('admin@acme.test');
  const sms = await call(
    host.emulator.base,
    'GET',
    `/__emulator/sms?to=${encodeURIComponent(SEED_ADMIN_PHONE)}`,
  );
  const done = await host.post('/api/mfa/sms/authenticate', { code: sms.body.at(-1).code }, cookie);
  assert.equal(done.status, 200, done.text);
  return done.cookie;
}

describe('the admin operations', () => {
  it("rbac/permissions answers Stytch's decision for an admin and for a member", async () => {
    const admin = await host.post(
      '/api/mfa/rbac/permissions',
      {},
      await host.login('admin@initech.test', initech),
    );
    assert.equal(admin.status, 200, admin.text);
    assert.deepEqual(admin.json, {
      permissions: {
        'stytch.organization': {
          'update.settings.mfa-policy': true,
          'update.settings.allowed-mfa-methods': true,
        },
        'stytch.member': {
          search: true,
          'update.settings.mfa-enrolled': true,
          'update.settings.default-mfa-method': true,
          'update.info.delete.mfa-phone': true,
          'update.info.delete.mfa-totp': true,
        },
      },
    });
    const member = await host.post(
      '/api/mfa/rbac/permissions',
      {},
      await host.login('user@initech.test', initech),
    );
    assert.equal(member.status, 200, member.text);
    for (const actions of Object.values(member.json.permissions as Record<string, Record<string, boolean>>))
      for (const [action, can] of Object.entries(actions)) assert.equal(can, false, action);
  });

  it('an admin changes the policy, and the next sign-in of a member is asked for MFA', async () => {
    const admin = await host.login('admin@initech.test', initech);
    const before = await host.post('/api/mfa/state', {}, await host.login('user@initech.test', initech));
    assert.equal(before.json.member_authenticated, true, 'OPTIONAL: the password alone');

    const reply = await host.post('/api/mfa/organization/update', ADMIN_OPS[0]![1], admin);
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.organization.organization_id, initech);
    assert.equal(reply.json.organization.mfa_policy, 'REQUIRED_FOR_ALL');
    assert.equal(reply.json.organization.mfa_methods, 'RESTRICTED');
    assert.deepEqual(reply.json.organization.allowed_mfa_methods, ['totp']);

    const next = await host.post('/api/mfa/state', {}, await host.login('user@initech.test', initech));
    assert.equal(next.json.member_authenticated, false);
    assert.equal(next.json.mfa_required.member_options, null, 'asked to set a factor up');
    assert.deepEqual(next.json.organization.allowed_mfa_methods, ['totp']);
  });

  it("an admin searches acme's members and pages with the cursor; phones are masked", async () => {
    const admin = await acmeAdmin();
    const first = await host.post('/api/mfa/members/search', { limit: 3 }, admin);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.json.results_metadata.total, 5);
    assert.equal(first.json.members.length, 3);
    const rest = await host.post(
      '/api/mfa/members/search',
      { limit: 3, cursor: first.json.results_metadata.next_cursor },
      admin,
    );
    assert.equal(rest.status, 200, rest.text);
    assert.equal(rest.json.results_metadata.next_cursor, null);
    const members = [...first.json.members, ...rest.json.members];
    assert.deepEqual(members.map((m) => m.email_address).sort(), [
      'admin@acme.test',
      'later@acme.test',
      'new@acme.test',
      'sms@acme.test',
      'totp@acme.test',
    ]);
    const sms = members.find((m) => m.member_id === MEMBER_IDS.smsAcme);
    assert.equal(sms.mfa_phone_number, '+1•••••••101');
    assert.deepEqual(members.find((m) => m.member_id === MEMBER_IDS.adminAcme).roles, [
      'stytch_member',
      'stytch_admin',
    ]);
    assert.doesNotMatch(first.text + rest.text, /4155550101|4155550102/);

    const found = await host.post(
      '/api/mfa/members/search',
      {
        query: { operator: 'AND', operands: [{ filter_name: 'member_email_fuzzy', filter_value: 'totp@' }] },
      },
      admin,
    );
    assert.deepEqual(
      found.json.members.map((m: { email_address: string }) => m.email_address),
      ['totp@acme.test'],
    );
  });

  it('an admin requires MFA of a member, removes their phone and authenticator app; their next sign-in enrolls again', async () => {
    const admin = await acmeAdmin();
    const update = await host.post(
      '/api/mfa/members/update',
      { member_id: MEMBER_IDS.totpAcme, mfa_enrolled: true },
      admin,
    );
    assert.equal(update.status, 200, update.text);
    assert.equal(update.json.member.member_id, MEMBER_IDS.totpAcme);
    assert.equal(update.json.member.mfa_enrolled, true);

    const phone = await host.post('/api/mfa/members/delete_phone', { member_id: MEMBER_IDS.smsAcme }, admin);
    assert.equal(phone.status, 200, phone.text);
    assert.equal(phone.json.member.mfa_phone_number, '');
    const app = await host.post('/api/mfa/members/delete_totp', { member_id: MEMBER_IDS.totpAcme }, admin);
    assert.equal(app.status, 200, app.text);
    assert.equal(app.json.member.totp_registration_id, '');

    const next = await host.post('/api/mfa/state', {}, await host.login('sms@acme.test'));
    assert.equal(next.json.member_authenticated, false);
    assert.equal(next.json.mfa_required.member_options, null, 'sms@acme.test sets a factor up again');
  });

  for (const [name, body] of [...ADMIN_OPS, ['rbac/permissions', {}] as [string, Record<string, unknown>]]) {
    it(`${name}: no session, or a login half-way through MFA, is a 401; nothing changes`, async () => {
      refused(await host.post(`/api/mfa/${name}`, body), 401, 'session_not_found');
      const midway = await host.login('admin@acme.test');
      refused(await host.post(`/api/mfa/${name}`, body, midway), 401, 'session_not_found');
      initechUnchanged();
    });
  }

  for (const [name, body] of ADMIN_OPS) {
    it(`${name}: a stytch_member is refused by Stytch with 403 unauthorized_action`, async () => {
      const member = await host.login('user@initech.test', initech);
      // Aimed at another member: on their own account a member may (stytch.self).
      const other = Object.hasOwn(body, 'member_id') ? { ...body, member_id: MEMBER_IDS.adminInitech } : body;
      refused(await host.post(`/api/mfa/${name}`, other, member), 403, 'unauthorized_action');
      initechUnchanged();
    });

    it(`${name}: a host session whose Stytch session is another organization's is refused by Stytch`, async () => {
      // The host's store names initech, but the session it holds is acme's admin's (a store mix-up).
      const stytch = stytchClient(`${host.emulator.base}/`);
      const login = await stytch.passwords.authenticate({
        organization_id: acme,
        email_address: 'admin@acme.test',
        password: SEED_PASSWORD,
      });
      const sms = await call(
        host.emulator.base,
        'GET',
        `/__emulator/sms?to=${encodeURIComponent(SEED_ADMIN_PHONE)}`,
      );
      const acmeSession = await stytch.otps.sms.authenticate({
        organization_id: acme,
        member_id: MEMBER_IDS.adminAcme,
        code: sms.body.at(-1).code,
        intermediate_session_token: login.intermediate_session_token,
      });
      const cookie = host.start({
        organization_id: initech,
        member_id: MEMBER_IDS.adminInitech,
        session_token: acmeSession.session_token,
      });
      refused(await host.post(`/api/mfa/${name}`, body, cookie), 403, 'unauthorized_action');
      initechUnchanged();
    });
  }

  for (const name of ['members/update', 'members/delete_phone', 'members/delete_totp']) {
    it(`${name}: another organization's member, and inherited names as IDs, are not found`, async () => {
      const admin = await host.login('admin@initech.test', initech);
      for (const id of [MEMBER_IDS.smsAcme, 'constructor', '__proto__', 'toString'])
        refused(
          await host.post(`/api/mfa/${name}`, { member_id: id, mfa_enrolled: false }, admin),
          404,
          'member_not_found',
        );
      refused(await host.post(`/api/mfa/${name}`, {}, admin), 400, 'bad_request');
      const state = host.emulator.emulator.state;
      assert.equal(state.members[MEMBER_IDS.smsAcme]!.mfa_phone_number, '+14155550101');
      assert.equal(state.members[MEMBER_IDS.smsAcme]!.mfa_enrolled, true);
    });
  }

  it('names every object inherits are no admin operation (404)', async () => {
    const admin = await host.login('admin@initech.test', initech);
    for (const name of INHERITED)
      for (const path of [`members/${name}`, `rbac/${name}`, `organization/${name}`]) {
        const reply = await host.post(`/api/mfa/${path}`, {}, admin);
        assert.equal(reply.status, 404, `${path}: ${reply.text.slice(0, 200)}`);
      }
  });
});
