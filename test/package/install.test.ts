// The README's Install, CDN and curl steps, as a developer meets them: the packed package installed
// into an empty app with the README's command; the README's Express line serving its CDN build to a
// page that loads the README's script tag (in Chromium); the README's curl walk pasted as a whole,
// with the installed `npx stytch-mfa-emulator`; and `npm publish --dry-run` accepting the package.
// It packs dist/ as it is (`npm test` builds it just before; alone, it builds only when dist/ is missing).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's first ```lang block after `marker` (holding `containing`), as written. */
function block(marker: string, lang: string, containing = ''): string {
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `README has ${marker}`);
  const blocks = [...readme.slice(at).matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))];
  const found = blocks.map((m) => m[1]!).find((text) => text.includes(containing));
  assert.ok(found, `README has a ${lang} block after ${marker}`);
  return found;
}

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe("the README's install, CDN and curl steps", () => {
  const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-install-'));
  const app = join(dir, 'app');
  let tarball = '';

  before(() => {
    if (
      !existsSync(join(root, 'dist/cdn/stytch-mfa-elements.js')) ||
      !existsSync(join(root, 'dist/index.js'))
    )
      npm(['run', '--silent', 'build'], root);
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root));
    tarball = join(dir, packed.filename);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    // The README's command, its placeholder path replaced by where the file is.
    const install =
      block('## Install', 'sh', 'npm install')
        .split('\n')
        .find((line) => line.startsWith('npm install')) ?? '';
    assert.ok(install.includes(`/path/to/${packed.filename}`), `the README installs ${packed.filename}`);
    const command = install.split('#')[0]!.trim().replace(`/path/to/${packed.filename}`, tarball);
    execFileSync('sh', ['-c', `${command} --prefer-offline --no-audit --no-fund`], {
      cwd: app,
      stdio: 'pipe',
    });
    npm(['install', 'express', '--prefer-offline', '--no-audit', '--no-fund'], app);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the CDN build from the installed package to a page that loads it', async () => {
    const serve = block('## CDN', 'js');
    const script = block('## CDN', 'html');
    writeFileSync(
      join(app, 'server.js'),
      `import express from 'express';
const app = express();
${serve}
app.get('/', (req, res) =>
  res.type('html').send(\`<!doctype html><html lang="en"><head><title>CDN</title>
${script}</head><body><mfa-code-input></mfa-code-input></body></html>\`));
const server = app.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`,
    );
    const host = spawn(process.execPath, ['server.js'], { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch(chromiumLaunchOptions());
      const [line] = (await once(host.stdout, 'data')) as [Buffer];
      const port = /port (\d+)/.exec(String(line))?.[1];
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      // (Page code as strings: this file is typed for Node, without the DOM.)
      await page.waitForFunction(
        "document.querySelector('mfa-code-input')?.shadowRoot?.querySelector('input')",
      );
      // Every element gets defined without the page doing anything (those of no first step once
      // the CDN entry's own chunk of them has arrived).
      const defined = await page.evaluate(
        "Promise.all(['mfa-provider', 'mfa-flow', 'sms-otp-input', 'totp-setup', 'mfa-settings'].map((tag) => customElements.whenDefined(tag).then(() => tag)))",
      );
      assert.deepEqual(defined, ['mfa-provider', 'mfa-flow', 'sms-otp-input', 'totp-setup', 'mfa-settings']);
      assert.deepEqual(failed, []);
    } finally {
      await browser?.close();
      host.kill();
    }
  });

  it('runs the curl walk pasted as a whole, ending signed in', async () => {
    // As written, on a port of its own (9010 may be a developer's own emulator).
    const walk = block("### The guide's steps with curl", 'sh').replaceAll('9010', String(await freePort()));
    // Its own process group, so the emulator it starts in the background stops with it; a walk that
    // hangs (an emulator that never listens) is stopped after a minute and fails.
    const shell = spawn('bash', ['-c', walk], {
      cwd: app,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let out = '';
    shell.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    shell.stderr.on('data', (chunk: Buffer) => (out += String(chunk)));
    let code: number | null;
    try {
      [code] = (await once(shell, 'exit')) as [number | null];
    } finally {
      try {
        process.kill(-shell.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    assert.equal(code, 0, out);
    // The curl answers have no newline between them: the walk's last answer is its last object.
    const last = JSON.parse(out.slice(out.lastIndexOf('{"request_id"'))) as Record<string, unknown>;
    assert.equal(last.status_code, 200, out);
    assert.match(String(last.session_token), /\S/);
    assert.equal((last.member as { mfa_enrolled?: boolean }).mfa_enrolled, true);
  });

  it('is accepted by npm publish --dry-run', () => {
    const output = execFileSync('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const summaries = JSON.parse(output) as Record<string, { files: { path: string }[] }>;
    const summary = summaries['stytch-mfa-elements'];
    assert.ok(summary, output);
    const files = summary.files.map((file) => file.path);
    for (const needed of ['CHANGELOG.md', 'dist/cdn/stytch-mfa-elements.js', 'bin/stytch-mfa-emulator.js'])
      assert.ok(files.includes(needed), needed);
  });
});
