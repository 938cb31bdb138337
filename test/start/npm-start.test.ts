// The README's first command as a new user runs it on a fresh clone: `npm start`, with nothing
// built. `npm test` runs this file before it builds anything, so on CI's clean clone there is no
// dist/ to hide a missing step.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = 5181; // not the demo's 5173, so a demo left running does not collide

describe('npm start on a fresh clone', () => {
  let server: ChildProcess;
  let url = '';
  let output = '';

  before(async () => {
    // In CI this is a clean clone; elsewhere dist/ may exist, and nothing below may depend on it.
    if (process.env.CI) assert.equal(existsSync(`${root}dist`), false, 'dist/ exists before the first build');
    server = spawn('npm', ['start', '--', '--port', String(PORT)], {
      cwd: root,
      detached: true, // its own process group: npm, the shell and Vite end together
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = AbortSignal.timeout(60_000);
    const exited = once(server, 'exit', { signal }).then(([code]) => {
      throw new Error(`npm start exited (${String(code)}) before it was ready:\n${output}`);
    });
    server.stdout!.setEncoding('utf8');
    const ready = (async () => {
      while (!/Local:\s+http/.test(output)) {
        const [chunk] = (await once(server.stdout!, 'data', { signal })) as [string];
        output += stripVTControlCharacters(chunk);
      }
    })();
    await Promise.race([ready, exited]);
    url = `http://127.0.0.1:${PORT}/`;
  });

  after(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  it('serves the demo page', async () => {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>stytch-mfa-elements demo<\/title>/);
  });

  it("serves the emulator's seed at the same origin", async () => {
    const response = await fetch(`${url}__emulator/seed`);
    assert.equal(response.status, 200);
    const seed = (await response.json()) as { members: { email_address: string }[] };
    assert.ok(seed.members.some((m) => m.email_address === 'sms@acme.test'));
  });

  it("runs the README's Express host from the sources (your-server mode)", async () => {
    const seed = (await (await fetch(`${url}__emulator/seed`)).json()) as {
      members: { email_address: string; organization_id: string; password: string }[];
    };
    const member = seed.members.find((m) => m.email_address === 'sms@acme.test')!;
    const login = await fetch(`${url}api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organization_id: member.organization_id,
        email_address: member.email_address,
        password: member.password,
      }),
    });
    assert.equal(login.status, 200);
    assert.deepEqual(await login.json(), { mfa_required: true });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const state = await fetch(`${url}api/mfa/state`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: '{}',
    });
    assert.equal(state.status, 200);
    assert.equal(
      ((await state.json()) as { member: { email_address: string } }).member.email_address,
      member.email_address,
    );
  });
});
