// The settings' calls (and the recovery codes) need a signed-in member: a login half-way through
// MFA (an intermediate session) may not read or change them. Each operation is tried on its own,
// so dropping the check from any one of them fails here by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_RECOVERY_CODES } from '../../emulator/index.js';
import { useHost } from './support/host.js';

const host = useHost();

/** Every operation that needs a full session, with a body that would change something if let through. */
const FULL_SESSION_ONLY: [string, Record<string, unknown>][] = [
  ['member/get', {}],
  ['member/update', { mfa_enrolled: false, default_mfa_method: 'sms_otp' }],
  ['member/delete_phone', {}],
  ['member/delete_totp', {}],
  ['organization/get', {}],
  ['recovery_codes/get', {}],
  ['recovery_codes/rotate', {}],
];

describe('operations that need a signed-in member', () => {
  for (const [name, body] of FULL_SESSION_ONLY) {
    it(`${name} refuses a login half-way through MFA with a 401, changing nothing`, async () => {
      const cookie = await host.login('totp@acme.test');
      const before = await host.post('/api/mfa/state', {}, cookie);
      assert.equal(before.status, 200, before.text);
      assert.equal(before.json.member_authenticated, false, 'an intermediate session');

      const reply = await host.post(`/api/mfa/${name}`, body, cookie);
      assert.equal(reply.status, 401, `${name}: ${reply.text}`);
      assert.equal(reply.json.error_type, 'session_not_found');
      assert.equal(reply.json.member, undefined, 'nothing about the member is answered');
      for (const code of SEED_RECOVERY_CODES) assert.doesNotMatch(reply.text, new RegExp(code));

      const after = await host.post('/api/mfa/state', {}, cookie);
      assert.deepEqual(after.json.member, before.json.member, 'the member is unchanged');
      const stored = host.emulator.emulator.state.members[before.json.member.member_id];
      assert.deepEqual(stored?.totp?.recovery_codes, SEED_RECOVERY_CODES, 'the recovery codes still work');
    });
  }
});
