// What the browser gets back: every operation's answers (and refusals, and names that are no
// operation) scanned for what the host holds — its tokens, its project secret, the client's
// Authorization header, a stack trace — and for fields Stytch sends that nobody chose to forward.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MEMBER_IDS,
  ORGANIZATION_IDS,
  SEED_ADMIN_PHONE,
  SEED_RECOVERY_CODES,
  totp,
} from '../../emulator/index.js';
import { call } from '../emulator/helpers.js';
import { useHost, type Reply } from './support/host.js';
import { INHERITED, leaksIn } from './support/leaks.js';

const host = useHost();

async function lastCode(phone: string): Promise<string> {
  const sms = await call(host.emulator.base, 'GET', `/__emulator/sms?to=${encodeURIComponent(phone)}`);
  return sms.body.at(-1).code as string;
}

/** Every operation, with a session that can make it, plus failures of each kind; every reply kept. */
async function walk(): Promise<{ name: string; reply: Reply }[]> {
  const replies: { name: string; reply: Reply }[] = [];
  const post = async (name: string, body: unknown, cookie?: string, headers?: Record<string, string>) => {
    const reply = await host.post(`/api/mfa/${name}`, body, cookie, headers);
    replies.push({ name, reply });
    return reply;
  };
  const ok = (reply: Reply, what: string) => assert.equal(reply.status, 200, `${what}: ${reply.text}`);

  // Mid-login (an intermediate session): enroll by SMS.
  let cookie = await host.login('new@acme.test');
  ok(await post('state', {}, cookie), 'state');
  ok(await post('sms/send', { mfa_phone_number: '+14155550150' }, cookie), 'sms/send');
  await post('sms/authenticate', { code: '000000' }, cookie);
  await post('recovery_codes/get', {}, cookie); // needs a full session
  const code = await lastCode('+14155550150');
  const enrolled = await post('sms/authenticate', { code, set_mfa_enrollment: 'enroll' }, cookie);
  ok(enrolled, 'sms/authenticate');
  cookie = enrolled.cookie;

  // Signed in: the settings' operations.
  ok(await post('state', {}, cookie), 'state (signed in)');
  ok(await post('member/get', {}, cookie), 'member/get');
  ok(await post('organization/get', {}, cookie), 'organization/get');
  const created = await post('totp/create', {}, cookie);
  ok(created, 'totp/create');
  const added = await post('totp/authenticate', { code: totp(created.json.secret, Date.now()) }, cookie);
  ok(added, 'totp/authenticate');
  cookie = added.cookie;
  ok(await post('recovery_codes/get', {}, cookie), 'recovery_codes/get');
  ok(await post('recovery_codes/rotate', {}, cookie), 'recovery_codes/rotate');
  ok(
    await post('member/update', { mfa_enrolled: true, default_mfa_method: 'totp' }, cookie),
    'member/update',
  );
  ok(await post('member/delete_phone', {}, cookie), 'member/delete_phone');
  ok(await post('member/delete_totp', {}, cookie), 'member/delete_totp');

  // A recovery code at login.
  const totpCookie = await host.login('totp@acme.test');
  const recovered = await post(
    'recovery_codes/recover',
    { recovery_code: SEED_RECOVERY_CODES[0] },
    totpCookie,
  );
  ok(recovered, 'recovery_codes/recover');

  // An admin: the admin elements' operations (a member's are refused by Stytch).
  await post('members/search', {}, cookie);
  let admin = await host.login('admin@acme.test');
  const adminIn = await post('sms/authenticate', { code: await lastCode(SEED_ADMIN_PHONE) }, admin);
  ok(adminIn, 'sms/authenticate (admin)');
  admin = adminIn.cookie;
  ok(await post('rbac/permissions', {}, admin), 'rbac/permissions');
  ok(await post('members/search', { limit: 50 }, admin), 'members/search');
  ok(await post('organization/update', { mfa_policy: 'REQUIRED_FOR_ALL' }, admin), 'organization/update');
  const target = { member_id: MEMBER_IDS.smsAcme };
  ok(await post('members/update', { ...target, mfa_enrolled: true }, admin), 'members/update');
  ok(await post('members/delete_totp', { member_id: MEMBER_IDS.totpAcme }, admin), 'members/delete_totp');
  ok(await post('members/delete_phone', target, admin), 'members/delete_phone');

  // Refusals and failures.
  await post('state', {});
  await post('member/get', '{"oops"', cookie);
  await post('member/get', '[]', cookie);
  await post('member/get', {}, cookie, { 'Content-Type': 'text/plain' });
  await post('member/get', {}, cookie, { Origin: 'https://evil.test', 'Sec-Fetch-Site': 'cross-site' });
  await post('sms/send', { mfa_phone_number: '+1555' }, await host.login('new@acme.test'));
  for (const name of INHERITED) {
    await post(name, {}, cookie);
    await post(`x/${name}`, {}, cookie);
    await post(`${name}/${name}`, {}, cookie);
  }
  for (const odd of [
    '',
    'x',
    'state/',
    'sms//send',
    'sms/%2e%2e/state',
    'member/__proto__',
    'constructor/state',
  ]) {
    await post(odd, {}, cookie);
  }
  return replies;
}

describe('the handler’s answers', () => {
  it('never hold a token, the project secret, credentials or a stack trace', async () => {
    const replies = await walk();
    assert.ok(replies.length > 60);
    const secrets = host.secrets();
    assert.ok(secrets.length >= 6, 'the host held an IST, sessions and JWTs');
    for (const { name, reply } of replies) {
      assert.deepEqual(
        leaksIn(reply.text, secrets),
        [],
        `${name} (${reply.status}): ${reply.text.slice(0, 300)}`,
      );
      assert.ok(reply.status < 500, `${name}: ${reply.status} ${reply.text.slice(0, 200)}`);
    }
  });

  it('never hold a member’s whole phone number, only its masked form', async () => {
    const replies = await walk();
    const sms = await host.post('/api/mfa/state', {}, await host.login('sms@acme.test'));
    replies.push({ name: 'state (sms@acme)', reply: sms });
    const numbers = ['+14155550150', '+14155550101'];
    for (const { name, reply } of replies) {
      for (const number of numbers)
        assert.ok(
          !reply.text.includes(number.slice(2)),
          `${name} holds ${number}: ${reply.text.slice(0, 300)}`,
        );
      // However it is written: a phone field shows at most its first and last three digits.
      for (const [, value] of reply.text.matchAll(/"mfa_phone_number":"([^"]*)"/g))
        assert.ok(value!.replace(/\D/g, '').length <= 4, `${name}: mfa_phone_number ${value}`);
    }
    assert.ok(replies.some(({ reply }) => reply.text.includes('"mfa_phone_number":"+1•••••••150"')));
  });

  it('give the phone masked as the elements show it, and text the member’s number when sent back', async () => {
    const cookie = await host.login('sms@acme.test');
    const state = await host.post('/api/mfa/state', {}, cookie);
    assert.equal(state.json.member_id, MEMBER_IDS.smsAcme);
    assert.equal(state.json.member.mfa_phone_number, '+1•••••••101');
    assert.equal(state.json.mfa_required.member_options.mfa_phone_number, '+1•••••••101');
    // <sms-otp-input> sends back the number it was given (a resend): it reaches the number on file.
    const before = (await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550101')).body.length;
    const send = await host.post('/api/mfa/sms/send', { mfa_phone_number: '+1•••••••101' }, cookie);
    assert.equal(send.status, 200, send.text);
    assert.equal(send.json.member.mfa_phone_number, '+1•••••••101');
    const after = await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550101');
    assert.equal(after.body.length, before + 1);
    const signedIn = await host.post('/api/mfa/sms/authenticate', { code: after.body.at(-1).code }, cookie);
    assert.equal(signedIn.status, 200, signedIn.text);
    assert.equal(signedIn.json.member.mfa_phone_number, '+1•••••••101');
  });

  it('answer names that are no operation with a 404', async () => {
    const cookie = await host.login('new@acme.test');
    for (const name of INHERITED) {
      for (const path of [name, `x/${name}`]) {
        const reply = await host.post(`/api/mfa/${path}`, {}, cookie);
        assert.equal(reply.status, 404, `${path}: ${reply.text.slice(0, 200)}`);
      }
    }
  });

  it('forward only the fields the elements read, not whatever Stytch adds', async () => {
    const added = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(added);
      if (value && typeof value === 'object')
        return Object.fromEntries([
          ...Object.entries(value).map(([key, inner]) => [key, added(inner)]),
          ['stytch_added_field', 'forwarded-blindly'],
        ]);
      return value;
    };
    host.proxy.rules.set('*', { rewrite: added });
    const replies = await walk();
    for (const { name, reply } of replies) {
      assert.doesNotMatch(
        reply.text,
        /forwarded-blindly|stytch_added_field/,
        `${name}: ${reply.text.slice(0, 300)}`,
      );
    }
    const state = replies.find((r) => r.name === 'state')!.reply.json;
    assert.deepEqual(Object.keys(state.member).sort(), [
      'default_mfa_method',
      'email_address',
      'email_address_verified',
      'member_id',
      'mfa_enrolled',
      'mfa_phone_number',
      'mfa_phone_number_verified',
      'name',
      'organization_id',
      'status',
      'totp_registration_id',
    ]);
    assert.equal(state.organization.organization_id, ORGANIZATION_IDS.acme);
    assert.equal(state.organization.trusted_metadata, undefined);
  });
});
