// Many requests at once: the emulator's rules hold (a code works once, the SMS limit holds), its state
// stays the size of what is live, and its file is written coalesced and atomically.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  createEmulator,
  MEMBER_IDS,
  ORGANIZATION_IDS,
  SEED_PASSWORD,
  SEED_TOTP_SECRET,
  totp,
} from '../../emulator/index.js';
import { basic, call, sdkLogin, useEmulator } from './helpers.js';

const ctx = useEmulator();
const acme = ORGANIZATION_IDS.acme;

const login = (email: string, organization_id: string = acme) => sdkLogin(ctx.base, email, organization_id);

describe('under load', () => {
  it('twenty SMS sends at once to one number: five go, the rest are rate-limited', async () => {
    const ist = (await login('new@acme.test')).body.data.intermediate_session_token;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(ctx.base, 'POST', '/sdk/v1/b2b/otps/sms/send', {
          organization_id: acme,
          member_id: MEMBER_IDS.newAcme,
          mfa_phone_number: '+14155550188',
          intermediate_session_token: ist,
        }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [...Array(5).fill(200), ...Array(15).fill(429)]);
    assert.equal((await call(ctx.base, 'GET', '/__emulator/sms?to=%2B14155550188')).body.length, 5);
  });

  it('ten TOTP checks at once with one code: exactly one is accepted', async () => {
    const ists = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await login('totp@acme.test')).body.data.intermediate_session_token,
      ),
    );
    const now = Date.parse((await call(ctx.base, 'GET', '/__emulator/clock')).body.now);
    const code = totp(SEED_TOTP_SECRET, now);
    const answers = await Promise.all(
      ists.map((ist) =>
        call(ctx.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
          organization_id: acme,
          member_id: MEMBER_IDS.totpAcme,
          code,
          intermediate_session_token: ist,
          session_duration_minutes: 60,
        }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    assert.ok(
      answers.every((a) => a.status === 200 || a.body.error_type === 'totp_code_already_authenticated'),
    );
  });

  it('forgets expired sessions and intermediate sessions as time passes', async () => {
    const session = (await login('user@initech.test', ORGANIZATION_IDS.initech)).body.data.session_token;
    await login('new@acme.test');
    assert.ok(Object.keys(ctx.emulator.state.sessions).length >= 1);
    assert.ok(Object.keys(ctx.emulator.state.intermediate_sessions).length >= 1);
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 2 * 3600 });
    await call(ctx.base, 'POST', '/sdk/v1/b2b/sessions/authenticate', {}, { auth: basic(session) });
    assert.deepEqual(Object.keys(ctx.emulator.state.sessions), []);
    assert.deepEqual(Object.keys(ctx.emulator.state.intermediate_sessions), []);
  });
});

describe('the state file under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-load-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is written coalesced and atomically, and a temporary file left by a crash is removed', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(`${file}.99999.tmp`, '{"half": '); // as a process killed mid-write leaves it
    const emulator = createEmulator({ dataFile: file });
    assert.deepEqual(readdirSync(dir), [], 'the stale temporary file is gone');
    const server = await emulator.listen(0);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
          organization_id: ORGANIZATION_IDS.initech,
          email_address: 'user@initech.test',
          password: SEED_PASSWORD,
        }),
      ),
    );
    await emulator.close();
    assert.deepEqual(readdirSync(dir), ['state.json']);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { sessions: Record<string, unknown> };
    assert.equal(Object.keys(saved.sessions).length, 50, 'the last write holds every change');
  });
});
