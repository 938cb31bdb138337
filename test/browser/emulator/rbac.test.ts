// The real SDK's RBAC client and admin calls against the emulator: the bootstrap's policy and the
// session's roles give `rbac.isAuthorizedSync` its answer, and the emulator refuses a member's admin
// calls with the error the SDK surfaces.
import { expect } from '@open-wc/testing';
import { StytchAPIError } from '@stytch/vanilla-js';
import { login, signOut, testClient } from '../support/client.js';
import { MEMBER_IDS, ORGANIZATION_IDS, resetEmulator } from '../support/emulator.js';
import { failure } from '../support/failure.js';

const client = testClient();

describe('RBAC through the real SDK', () => {
  beforeEach(async () => {
    await signOut();
    await resetEmulator();
  });

  it("an admin is authorized, searches the organization's members and changes its policy", async () => {
    await login('admin@initech.test', ORGANIZATION_IDS.initech);
    expect(await client.rbac.isAuthorized('stytch.member', 'search')).to.equal(true);
    expect(client.rbac.isAuthorizedSync('stytch.organization', 'update.settings.mfa-policy')).to.equal(true);
    expect(client.rbac.isAuthorizedSync('stytch.member', 'update.info.delete.mfa-totp')).to.equal(true);

    const found = await client.organization.members.search({ limit: 10 });
    expect(found.members.map((m) => m.email_address).sort()).to.deep.equal([
      'admin@initech.test',
      'user@initech.test',
    ]);
    expect(found.results_metadata.total).to.equal(2);

    const updated = await client.organization.update({
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    });
    expect(updated.organization.mfa_policy).to.equal('REQUIRED_FOR_ALL');
    expect(client.organization.getSync()?.allowed_mfa_methods).to.deep.equal(['totp']);

    const member = await client.organization.members.update({
      member_id: MEMBER_IDS.userInitech,
      mfa_enrolled: true,
    });
    expect(member.member.mfa_enrolled).to.equal(true);
  });

  it('a member is not authorized, and the emulator refuses the calls anyway', async () => {
    await login('user@initech.test', ORGANIZATION_IDS.initech);
    expect(await client.rbac.isAuthorized('stytch.member', 'search')).to.equal(false);
    expect(client.rbac.isAuthorizedSync('stytch.organization', 'update.settings.mfa-policy')).to.equal(false);
    expect(client.rbac.isAuthorizedSync('stytch.self', 'update.info.delete.mfa-phone')).to.equal(true);

    const calls = [
      client.organization.members.search({}),
      client.organization.update({ mfa_policy: 'REQUIRED_FOR_ALL' }),
      client.organization.members.update({ member_id: MEMBER_IDS.adminInitech, mfa_enrolled: true }),
      client.organization.members.deleteMFAPhoneNumber(MEMBER_IDS.adminInitech),
      client.organization.members.deleteMFATOTP(MEMBER_IDS.adminInitech),
    ];
    for (const call of calls) {
      const error = await failure(call);
      expect(error).to.be.instanceOf(StytchAPIError);
      expect((error as StytchAPIError).error_type).to.equal('unauthorized_action');
      expect((error as StytchAPIError).status_code).to.equal(403);
    }
  });
});
