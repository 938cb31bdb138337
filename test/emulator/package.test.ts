// The emulator as users get it: built JavaScript imported by package name from plain Node, and the bin.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the built emulator', () => {
  it("imports from plain Node as 'stytch-mfa-elements/emulator'", () => {
    const script = `
      const { createEmulator, SEED } = await import('stytch-mfa-elements/emulator');
      const emulator = createEmulator();
      const server = await emulator.listen(0);
      const base = 'http://127.0.0.1:' + server.address().port;
      const seed = await (await fetch(base + '/__emulator/seed')).json();
      console.log(JSON.stringify({ orgs: seed.organizations.length, same: seed.members.length === SEED.members.length }));
      await emulator.close();`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.deepEqual(JSON.parse(out), { orgs: 3, same: true });
  });

  it('`npx stytch-mfa-emulator` answers the bootstrap route', { timeout: 120_000 }, async () => {
    // As the README says to run it (the first time, npx installs the package from this folder).
    const child = spawn('npx', ['--yes', 'stytch-mfa-emulator', '--port', '0', '--quiet'], {
      cwd: root,
      detached: true,
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const timeout = AbortSignal.timeout(100_000);
      while (!/listening on (http:\/\/\S+)/.test(output)) {
        const [chunk] = (await once(child.stdout, 'data', { signal: timeout })) as [string];
        output += chunk;
      }
      const base = /listening on (http:\/\/\S+)/.exec(output)![1]!;
      const token = 'public-token-test-bin';
      const response = await fetch(`${base}/sdk/v1/projects/bootstrap/${token}`, {
        headers: { Authorization: `Basic ${Buffer.from(`${token}:${token}`).toString('base64')}` },
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as {
        data: { vertical: string; dfp_protected_auth_enabled: boolean };
      };
      assert.equal(body.data.vertical, 'B2B');
      assert.equal(body.data.dfp_protected_auth_enabled, false);
    } finally {
      process.kill(-child.pid!); // npx and the emulator it started
    }
  });
});
