import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  createEmulator,
  MEMBER_IDS,
  ORGANIZATION_IDS,
  PROJECT,
  SEED_PASSWORD,
  totp,
} from '../../emulator/index.js';
import { stateFromSeed } from '../../emulator/state.js';
import { basic, call } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function start(dataFile: string) {
  const emulator = createEmulator({ dataFile });
  const server = await emulator.listen(0);
  return { emulator, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('persistence (--data FILE)', () => {
  it('a restart keeps an enrolled TOTP and its session', async () => {
    const file = join(dir, 'state.json');
    const first = await start(file);
    const ist = (
      await call(first.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
        organization_id: ORGANIZATION_IDS.acme,
        email_address: 'new@acme.test',
        password: SEED_PASSWORD,
        session_duration_minutes: 60,
      })
    ).body.data.intermediate_session_token;
    const created = await call(first.base, 'POST', '/sdk/v1/b2b/totp', {
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
      intermediate_session_token: ist,
    });
    const secret: string = created.body.data.secret;
    const enrolled = await call(first.base, 'POST', '/sdk/v1/b2b/totp/authenticate', {
      organization_id: ORGANIZATION_IDS.acme,
      member_id: MEMBER_IDS.newAcme,
      code: totp(secret, Date.now()),
      session_duration_minutes: 60,
      intermediate_session_token: ist,
    });
    assert.equal(enrolled.status, 200);
    await first.emulator.close();

    // Written atomically: the file parses and no temporary file is left beside it.
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).members[MEMBER_IDS.newAcme].totp.secret, secret);
    assert.deepEqual(readdirSync(dir), ['state.json']);

    const second = await start(file);
    const me = await call(second.base, 'GET', '/sdk/v1/b2b/organizations/members/me', undefined, {
      auth: basic(enrolled.body.data.session_token),
    });
    assert.equal(me.status, 200);
    // The signing key is kept too: a JWT from before the restart still names the session.
    const checked = await call(
      second.base,
      'POST',
      '/v1/b2b/sessions/authenticate',
      { session_jwt: enrolled.body.data.session_jwt },
      { auth: `Basic ${Buffer.from(`${PROJECT.project_id}:${PROJECT.secret}`).toString('base64')}` },
    );
    assert.equal(checked.body.member_session.member_id, MEMBER_IDS.newAcme);
    assert.equal(me.body.data.member.totp_registration_id, created.body.data.totp_registration_id);
    const login = await call(second.base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'new@acme.test',
      password: SEED_PASSWORD,
      session_duration_minutes: 60,
    });
    assert.equal(
      login.body.data.mfa_required.member_options.totp_registration_id,
      created.body.data.totp_registration_id,
    );
    await second.emulator.close();
  });

  it('starts from the seed when the file does not exist yet', async () => {
    const { emulator, base } = await start(join(dir, 'fresh', 'state.json'));
    const seed = await call(base, 'GET', '/__emulator/seed');
    assert.equal(seed.status, 200);
    assert.equal(Object.keys(emulator.state.members).length, 8);
    await emulator.close();
  });

  it('reads a version 1 file (before magic links), and refuses one it does not know', async () => {
    const old = join(dir, 'v1.json');
    const state = stateFromSeed() as unknown as Record<string, unknown>;
    delete state.magic_links;
    writeFileSync(old, JSON.stringify({ ...state, version: 1 }));
    const { emulator } = await start(old);
    assert.equal(emulator.state.version, 2);
    assert.deepEqual(emulator.state.magic_links, {});
    await emulator.close();

    const future = join(dir, 'v9.json');
    writeFileSync(future, JSON.stringify({ ...state, version: 9 }));
    assert.throws(() => createEmulator({ dataFile: future }), /unknown emulator state version 9/);
  });

  it('creates the file readable by its owner only (it holds passwords, secrets and the signing key)', async () => {
    const file = join(dir, 'private', 'state.json');
    const { emulator, base } = await start(file);
    const login = await call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
      organization_id: ORGANIZATION_IDS.initech,
      email_address: 'user@initech.test',
      password: SEED_PASSWORD,
    });
    assert.equal(login.status, 200);
    await emulator.flush();
    assert.equal((statSync(file).mode & 0o777).toString(8), '600');
    await emulator.close();

    // A file left readable by others (by an older emulator) is made private on start.
    const shared = join(dir, 'shared.json');
    writeFileSync(shared, JSON.stringify(stateFromSeed()), { mode: 0o644 });
    chmodSync(shared, 0o644);
    const again = createEmulator({ dataFile: shared });
    assert.equal((statSync(shared).mode & 0o777).toString(8), '600');
    await again.close();
  });

  it('never writes through a symlink planted where a temporary file could go', async () => {
    const shared = join(dir, 'planted');
    mkdirSync(shared);
    const file = join(shared, 'state.json');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, "not the emulator's");
    const { emulator, base } = await start(file);
    // Planted after start (the start-up clean-up would remove it), at the name older emulators used.
    const planted = `${file}.${process.pid}.tmp`;
    symlinkSync(victim, planted);
    for (let i = 0; i < 3; i++) {
      const login = await call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
        organization_id: ORGANIZATION_IDS.initech,
        email_address: 'user@initech.test',
        password: SEED_PASSWORD,
      });
      assert.equal(login.status, 200);
    }
    await emulator.close();
    assert.equal(readFileSync(victim, 'utf8'), "not the emulator's");
    assert.ok(lstatSync(file).isFile(), 'the state file is a file, not the planted link');
    assert.ok(JSON.parse(readFileSync(file, 'utf8')).sessions);
    assert.deepEqual(readdirSync(shared).sort(), [`state.json`, `state.json.${process.pid}.tmp`]);
  });

  it('starts when a stale temporary name cannot be removed, and removes stale links without following them', () => {
    const shared = join(dir, 'stale');
    mkdirSync(shared);
    const file = join(shared, 'state.json');
    const victim = join(dir, 'stale-victim.txt');
    writeFileSync(victim, 'kept');
    // Stands for another user's file in a sticky directory (EPERM): a directory rm cannot remove.
    mkdirSync(`${file}.theirs.tmp`);
    writeFileSync(join(`${file}.theirs.tmp`, 'inside'), '');
    symlinkSync(victim, `${file}.1234.tmp`);
    const emulator = createEmulator({ dataFile: file });
    assert.deepEqual(readdirSync(shared), ['state.json.theirs.tmp']);
    assert.equal(readFileSync(victim, 'utf8'), 'kept');
    return emulator.close();
  });

  for (const [label, content, message] of [
    ['is not JSON', '{"version": 2, "members": {"secret-', /bad\.json: .*not JSON/],
    [
      'has a version it does not know',
      JSON.stringify({ version: 9 }),
      /bad\.json: unknown emulator state version 9/,
    ],
  ] as const) {
    it(`stops the bin with one line and exit status 1 when the file ${label}`, async () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, content);
      const cli = fileURLToPath(new URL('../../emulator/cli.ts', import.meta.url));
      // An emulator that did start would listen for ever: it is killed after 20 s.
      const args = ['--import', 'tsx', cli, '--port', '0', '--data', file];
      const run = promisify(execFile)(process.execPath, args, { timeout: 20_000 });
      await assert.rejects(run, (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.equal(error.stderr.trim().split('\n').length, 1, error.stderr);
        assert.match(error.stderr, /^stytch-mfa-emulator: /);
        assert.match(error.stderr, message);
        assert.ok(!error.stderr.includes('secret'), 'the file content is not shown');
        return true;
      });
    });
  }
});
