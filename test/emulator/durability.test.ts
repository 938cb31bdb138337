// `--data` under the two ways a real emulator loses state: the process killed mid-burst (`kill -9`),
// and a disk that refuses the write (a full disk: the store's test hook fails each write of the
// temporary file with ENOSPC, as the kernel does). The CLI runs as a child process, as
// `stytch-mfa-emulator` runs.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createEmulator, ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { forTests } from '../../emulator/store.js';
import { basic, call } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'stytch-emulator-durability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = fileURLToPath(new URL('../../emulator/cli.ts', import.meta.url));

/** Makes the disk full in this process: each write fails as the kernel fails it; returns what makes space again. */
function fillDisk(): () => void {
  const writeFile = forTests.writeFile;
  forTests.writeFile = async () => {
    throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
  };
  return () => (forTests.writeFile = writeFile);
}
/** `--import` this in a child and its disk is full from the start. */
const FULL_DISK_CHILD = `data:text/javascript,${encodeURIComponent(
  `import { forTests } from ${JSON.stringify(new URL('../../emulator/store.ts', import.meta.url).href)};` +
    `forTests.writeFile = async () => { throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); };`,
)}`;

interface Running {
  child: ChildProcess;
  base: string;
  stderr: () => string;
}

/** `stytch-mfa-emulator --port 0 --quiet --data FILE`, resolved once it says where it listens. */
async function startCli(file: string, preload: string[] = []): Promise<Running> {
  const args = ['--import', 'tsx', ...preload, cli, '--port', '0', '--quiet', '--data', file];
  const child = spawn(process.execPath, args);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}): ${err}`)));
  });
  return { child, base, stderr: () => err };
}

/** A sign-in to Initech (MFA optional): a new session in the state, its token in the answer. */
const signIn = (base: string) =>
  call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
    organization_id: ORGANIZATION_IDS.initech,
    email_address: 'user@initech.test',
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });

describe('--data durability', () => {
  it('keeps every acknowledged write when the process is killed (-9) mid-burst', async () => {
    const file = join(dir, 'killed.json');
    const { child, base } = await startCli(file);
    const acknowledged: string[] = [];
    let killed = false;
    const exited = once(child, 'exit');
    // 20 sign-ins in flight; the process is killed the moment the 150th answer arrives, while
    // the others are being handled and written.
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (!killed && next++ < 400) {
          const answer = await signIn(base).catch(() => null);
          if (killed || !answer) return;
          assert.equal(answer.status, 200);
          acknowledged.push(answer.body.data.session_token as string);
          if (acknowledged.length === 150) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      }),
    );
    assert.deepEqual(await exited, [null, 'SIGKILL']);

    const restarted = createEmulator({ dataFile: file });
    const server = await restarted.listen(0);
    const again = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    let kept = 0;
    for (const token of acknowledged) {
      const checked = await call(
        again,
        'POST',
        '/sdk/v1/b2b/sessions/authenticate',
        {},
        { auth: basic(token) },
      );
      if (checked.status === 200) kept++;
    }
    await restarted.close();
    assert.equal(`${kept} of ${acknowledged.length} acknowledged`, '150 of 150 acknowledged');
  });

  it('exits 1 with one line when the last state cannot be saved on SIGTERM', async () => {
    const file = join(dir, 'full.json');
    // The disk is full: every write of the temporary file fails with ENOSPC.
    const running = await startCli(file, ['--import', FULL_DISK_CHILD]);
    const answer = await signIn(running.base);
    assert.equal(answer.status, 200, 'the member is answered from memory');
    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 1);
    const lines = running.stderr().trim().split('\n');
    assert.match(lines.at(-1)!, /^stytch-mfa-emulator: .*full\.json.*not saved.*ENOSPC/);
    assert.ok(!/^\s+at /m.test(running.stderr()), running.stderr());
    assert.ok(!running.stderr().includes(answer.body.data.session_token as string));
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.startsWith('full.json')),
      [],
      'no temporary file left',
    );
  });

  it('keeps answering from memory on a full disk, says so once, and says when it saves again', async () => {
    const file = join(dir, 'recovers.json');
    const lines: string[] = [];
    const emulator = createEmulator({ dataFile: file, log: (line) => lines.push(line) });
    const server = await emulator.listen(0);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const makeSpace = fillDisk();

    const tokens: string[] = [];
    const sessionIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await signIn(base);
      assert.equal(answer.status, 200);
      tokens.push(answer.body.data.session_token as string);
      sessionIds.push(answer.body.data.member_session.member_session_id as string);
    }
    const me = await call(base, 'GET', '/sdk/v1/b2b/organizations/members/me', undefined, {
      auth: basic(tokens[2]),
    });
    assert.equal(me.status, 200, 'the session lives in memory');
    const failures = lines.filter((line) => !/^(GET|POST) /.test(line));
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.match(failures[0]!, /recovers\.json.*ENOSPC/);
    assert.ok(tokens.every((token) => !failures[0]!.includes(token)));
    await assert.rejects(emulator.flush(), /recovers\.json.*not saved.*ENOSPC/);

    // Space again: the next change is saved, with the sessions made while the disk was full.
    makeSpace();
    assert.equal((await signIn(base)).status, 200);
    const reports = lines.filter((line) => !/^(GET|POST) /.test(line));
    assert.equal(reports.length, 2, reports.join('\n'));
    assert.match(reports[1]!, /saved to .*recovers\.json again/);
    await emulator.close();

    const restarted = createEmulator({ dataFile: file });
    for (const id of sessionIds) assert.ok(restarted.state.sessions[id], `session ${id} kept`);
  });
  it('keeps answering when the `log` it reports to throws', { timeout: 20_000 }, async () => {
    const file = join(dir, 'log-throws.json');
    let reports = 0;
    const emulator = createEmulator({
      dataFile: file,
      log: (line) => {
        if (/^(GET|POST) /.test(line)) return;
        reports++;
        throw new Error("the embedder's log is broken");
      },
    });
    const server = await emulator.listen(0);
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    const makeSpace = fillDisk();
    assert.equal((await signIn(base)).status, 200, 'answered from memory though the report threw');
    assert.equal((await signIn(base)).status, 200, 'and the next request too');
    await assert.rejects(emulator.flush(), /log-throws\.json.*not saved.*ENOSPC/);
    makeSpace();
    const last = await signIn(base);
    assert.equal(last.status, 200, 'answered once writes work again');
    await emulator.flush();
    assert.equal(reports, 2, 'told it failed, then that it saves again');
    await emulator.close();

    const restarted = createEmulator({ dataFile: file });
    const id = last.body.data.member_session.member_session_id as string;
    assert.ok(restarted.state.sessions[id], 'the last session is in the file');
  });
});
