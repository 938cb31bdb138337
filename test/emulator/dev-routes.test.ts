import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED, SEED_PASSWORD } from '../../emulator/index.js';
import { call, useEmulator } from './helpers.js';

const ctx = useEmulator();

const loginSms = () =>
  call(ctx.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
    organization_id: ORGANIZATION_IDS.acme,
    email_address: 'sms@acme.test',
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });

describe('dev routes', () => {
  it('GET /__emulator/seed gives the seed as defined', async () => {
    const { body } = await call(ctx.base, 'GET', '/__emulator/seed');
    assert.deepEqual(body, SEED);
    assert.deepEqual(
      body.organizations.map((o: { organization_slug: string; mfa_policy: string; mfa_methods: string }) => [
        o.organization_slug,
        o.mfa_policy,
        o.mfa_methods,
      ]),
      [
        ['acme', 'REQUIRED_FOR_ALL', 'ALL_ALLOWED'],
        ['globex', 'REQUIRED_FOR_ALL', 'RESTRICTED'],
        ['initech', 'OPTIONAL', 'ALL_ALLOWED'],
      ],
    );
    assert.equal(body.members.length, 8);
    assert.deepEqual(
      body.members
        .filter((m: { roles?: string[] }) => m.roles?.includes('stytch_admin'))
        .map((m: { email_address: string }) => m.email_address),
      ['admin@acme.test', 'admin@initech.test'],
      'one admin in acme and one in initech',
    );
    assert.ok(body.members.every((m: { password: string }) => m.password === 'mfa-demo-password'));
  });

  it('GET /__emulator/sms filters by number, oldest first', async () => {
    await loginSms();
    await loginSms();
    const all = await call(ctx.base, 'GET', '/__emulator/sms');
    assert.equal(all.body.length, 2);
    assert.ok(all.body[0].sent_at <= all.body[1].sent_at);
    assert.match(all.body[0].body, new RegExp(all.body[0].code));
    const other = await call(ctx.base, 'GET', '/__emulator/sms?to=%2B19995550000');
    assert.deepEqual(other.body, []);
  });

  it('POST /__emulator/reset clears outboxes, clock and faults', async () => {
    await loginSms();
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 100 });
    await call(ctx.base, 'POST', '/__emulator/faults', { path: '/b2b/totp', status: 500, times: 3 });
    assert.deepEqual((await call(ctx.base, 'POST', '/__emulator/reset')).body, { ok: true });
    assert.deepEqual((await call(ctx.base, 'GET', '/__emulator/sms')).body, []);
    assert.equal((await call(ctx.base, 'GET', '/__emulator/clock')).body.offset_seconds, 0);
    assert.deepEqual((await call(ctx.base, 'GET', '/__emulator/faults')).body, { faults: [] });
  });

  it('the clock only moves forward', async () => {
    const before = Date.parse((await call(ctx.base, 'GET', '/__emulator/clock')).body.now);
    const moved = await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 3600 });
    assert.equal(moved.body.offset_seconds, 3600);
    assert.ok(Date.parse(moved.body.now) - before >= 3600_000);
    const back = await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: -5 });
    assert.equal(back.status, 400);
  });

  it('faults fail the next `times` requests, then stop', async () => {
    await call(ctx.base, 'POST', '/__emulator/faults', {
      path: '/sdk/v1/b2b/passwords/authenticate',
      status: 503,
      error_type: 'internal_server_error',
      times: 2,
    });
    assert.equal((await loginSms()).status, 503);
    const second = await loginSms();
    assert.equal(second.status, 503);
    assert.equal(second.body.error_type, 'internal_server_error');
    assert.equal((await loginSms()).status, 200);
  });

  it('a fault can slow a request down, make its body malformed, or drop it', async () => {
    await call(ctx.base, 'POST', '/__emulator/faults', {
      path: '/b2b/passwords/authenticate',
      delay_ms: 150,
    });
    const started = Date.now();
    assert.equal((await loginSms()).status, 200);
    assert.ok(Date.now() - started >= 140);

    await call(ctx.base, 'POST', '/__emulator/faults', {
      path: '/b2b/passwords/authenticate',
      malformed: true,
    });
    const malformed = await fetch(`${ctx.base}/sdk/v1/b2b/passwords/authenticate`, {
      method: 'POST',
      body: '{}',
    });
    await assert.rejects(malformed.json(), SyntaxError);

    await call(ctx.base, 'POST', '/__emulator/faults', { path: '/b2b/passwords/authenticate', drop: true });
    await assert.rejects(loginSms());
  });

  it('refuses a fault that says nothing to do', async () => {
    const { status } = await call(ctx.base, 'POST', '/__emulator/faults', { path: '/b2b/totp' });
    assert.equal(status, 400);
  });

  it('exports fixed IDs in Stytch forms', () => {
    for (const id of Object.values(ORGANIZATION_IDS)) assert.match(id, /^organization-test-[0-9a-f-]{36}$/);
    for (const id of Object.values(MEMBER_IDS)) assert.match(id, /^member-test-[0-9a-f-]{36}$/);
  });
});
