// The clock moves only as far as a Date (and an RFC 3339 time) can follow, and a data file whose clock
// cannot run is refused with a message saying so, instead of an emulator that answers 500 to everything.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { createEmulator, InvalidStateError, ORGANIZATION_IDS } from '../../emulator/index.js';
import { stateFromSeed } from '../../emulator/state.js';
import { call, sdkLogin, useEmulator } from './helpers.js';

const ctx = useEmulator();
const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-clock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The emulator's last moment: the clock may not pass it. */
const LATEST = Date.parse('9998-01-01T00:00:00Z');

const advance = (seconds: number) =>
  call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: seconds });

/** Every kind of route still answers: the dev clock, a login (times in its session and JWT), the backend. */
async function assertAlive(): Promise<void> {
  const clock = await call(ctx.base, 'GET', '/__emulator/clock');
  assert.equal(clock.status, 200);
  const login = await sdkLogin(ctx.base, 'user@initech.test', ORGANIZATION_IDS.initech);
  assert.equal(login.status, 200, JSON.stringify(login.body));
  assert.ok(Date.parse(login.body.data.member_session.expires_at) > Date.parse(clock.body.now));
}

function stateFile(name: string, changes: Record<string, unknown>): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...stateFromSeed(), ...changes }));
  return file;
}

describe('the clock', () => {
  for (const [label, seconds] of [
    ['1e20', 1e20],
    ['Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
    ['Number.MAX_VALUE', Number.MAX_VALUE],
  ] as const) {
    it(`refuses advance_seconds ${label} (400), and every route still answers`, async () => {
      const answer = await advance(seconds);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error_type, 'bad_request');
      assert.match(answer.body.error_message, /advance_seconds/);
      assert.equal((await call(ctx.base, 'GET', '/__emulator/clock')).body.offset_seconds, 0);
      await assertAlive();
    });
  }

  it('goes up to its last moment, and not one step past it, however it gets there', async () => {
    // Three steps of about 3,000 years: the first two fit, the third would pass the last moment.
    assert.equal((await advance(1e11)).status, 200);
    assert.equal((await advance(1e11)).status, 200);
    assert.equal((await advance(1e11)).status, 400);
    const now = Date.parse((await call(ctx.base, 'GET', '/__emulator/clock')).body.now);
    const left = Math.floor((LATEST - now) / 1000) - 60;
    assert.equal((await advance(left)).status, 200);
    await assertAlive();
    assert.equal((await advance(120)).status, 400);
    await assertAlive();
  });
});

describe('a data file whose clock cannot run', () => {
  for (const [label, offset] of [
    ['1e20', 1e20],
    ['negative', -60],
    ['not a number', '3600'],
    ['missing', undefined],
  ] as const) {
    it(`is refused when clock_offset_seconds is ${label}, with a message naming it`, () => {
      const file = stateFile(`clock-${label.replace(/\W/g, '-')}.json`, { clock_offset_seconds: offset });
      assert.throws(
        () => createEmulator({ dataFile: file }),
        (error: unknown) =>
          error instanceof InvalidStateError &&
          error.message.startsWith(`${file}: clock_offset_seconds is `) &&
          error.message.includes('9998-01-01T00:00:00Z'),
      );
    });
  }

  it('is refused when a table is not an object of records, naming the table but not its content', () => {
    for (const [table, value] of [
      ['members', []],
      ['sessions', [{ session_token: 'a-secret-session-token' }]],
      ['intermediate_sessions', null],
      ['magic_links', 'a-secret-link-token'],
    ] as const) {
      const file = stateFile(`table-${table}.json`, { [table]: value });
      assert.throws(
        () => createEmulator({ dataFile: file }),
        (error: unknown) =>
          error instanceof InvalidStateError &&
          error.message.startsWith(`${file}: ${table} must be an object`) &&
          !error.message.includes('secret'),
      );
    }
  });

  it('stops the bin with that message and exit status 1, not a stack trace', async () => {
    const file = stateFile('cli.json', { clock_offset_seconds: 1e20 });
    const cli = fileURLToPath(new URL('../../emulator/cli.ts', import.meta.url));
    // An emulator that did start would listen for ever: it is killed after 20 s.
    const args = ['--import', 'tsx', cli, '--port', '0', '--data', file];
    const run = promisify(execFile)(process.execPath, args, { timeout: 20_000 });
    await assert.rejects(run, (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.equal(error.stderr.trim().split('\n').length, 1, error.stderr);
      assert.match(error.stderr, /^stytch-mfa-emulator: .*clock_offset_seconds is 100000000000000000000:/);
      return true;
    });
  });
});
