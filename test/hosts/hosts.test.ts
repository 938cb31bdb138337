// The kit as a framework user meets it: the package packed as npm would publish it, used by Vue 3,
// React 19 and Svelte 5 apps built by Vite with each framework's plugin (type-checked with the
// generated typings) and by an Angular 21 app built by the Angular CLI, each driven in Chromium through an SMS enrollment against the emulator — the
// element's properties and events bound with each framework's own syntax, and the element unmounted
// and mounted again between the SMS and the code without a second SMS.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { createEmulator, ORGANIZATION_IDS, SEED_PASSWORD, type Emulator } from '../../emulator/index.js';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hosts = join(root, 'test/hosts');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
const STEP = { timeout: 15_000 };
const PHONE = '+14155550123';

/** `npm pack` of the built package, extracted where the host apps' imports resolve. */
function installPackedPackage(): void {
  if (!existsSync(join(root, 'dist/index.js')))
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root });
  const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-hosts-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  const target = join(hosts, 'node_modules/stytch-mfa-elements');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', target, '--strip-components=1']);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The Angular app is its own package (Angular 21 wants its own TypeScript): `npm ci` there when its
 * lockfile is newer than what is installed, then `ng build`. Resolves with the modules the build read.
 */
function buildAngular(): string[] {
  const dir = join(hosts, 'angular');
  // Its own npm: none of the npm_config_* of an `npm test` around us (its prefix is the repository),
  // and not the NODE_ENV=production Vite's build() left in this process (npm would omit devDependencies).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_ENV'),
  );
  const installed = join(dir, 'node_modules/.package-lock.json');
  if (
    !existsSync(installed) ||
    statSync(installed).mtimeMs < statSync(join(dir, 'package-lock.json')).mtimeMs
  ) {
    execFileSync('npm', ['ci', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      env,
      stdio: 'inherit',
    });
  }
  execFileSync('npx', ['ng', 'build', '--stats-json'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, NG_CLI_ANALYTICS: 'false' },
  });
  return Object.keys(
    (JSON.parse(readFileSync(join(dir, 'dist/stats.json'), 'utf8')) as { inputs: object }).inputs,
  );
}

function check(command: string, args: string[]): void {
  try {
    execFileSync('npx', [command, ...args], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    assert.fail(`${command} ${args.join(' ')}\n${stdout}${stderr}`);
  }
}

describe('host apps from the packed package', () => {
  let emulator: Emulator;
  let server: Server;
  let browser: Browser;
  let origin = '';
  let angularInputs: string[] = [];

  before(async () => {
    installPackedPackage();
    await build({ configFile: join(hosts, 'vite.config.ts') });
    angularInputs = buildAngular();
    emulator = createEmulator();
    server = createServer((req, res) => {
      void emulator.handle(req, res, () => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        const file = path.startsWith('/angular/')
          ? join(hosts, 'angular/dist/browser', path.slice('/angular/'.length) || 'index.html')
          : join(hosts, 'dist', path);
        if (path.includes('..') || !existsSync(file)) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
  });

  it('type-checks each app with the generated typings', () => {
    check('tsc', ['-p', 'test/hosts/react/tsconfig.json']);
    check('vue-tsc', ['-p', 'test/hosts/vue/tsconfig.json']);
    check('svelte-check', [
      '--workspace',
      'test/hosts/svelte',
      '--tsconfig',
      './tsconfig.json',
      '--fail-on-warnings',
    ]);
  });

  it('builds the Angular app (its compiler checks the templates) from the packed package', () => {
    const kit = angularInputs.filter((input) => input.includes('stytch-mfa-elements'));
    assert.ok(kit.length > 10, angularInputs.join('\n'));
    assert.deepEqual(
      kit.filter((input) => !input.startsWith('../node_modules/stytch-mfa-elements/dist/')),
      [],
      'every module of the kit from the packed package',
    );
  });

  const heard = (page: Page) => page.$$eval('#heard li', (items) => items.map((li) => li.textContent ?? ''));
  const hearing = (page: Page, said: string, times = 1) =>
    page.waitForFunction(
      (text, n) =>
        [...document.querySelectorAll('#heard li')].filter((li) => li.textContent === text).length >= n,
      STEP,
      said,
      times,
    );
  const texts = () => emulator.state.sms_outbox.filter((message) => message.to === PHONE);

  for (const app of ['vue', 'react', 'svelte', 'angular']) {
    it(`${app}: SMS enrollment, the element mounted again without a second SMS`, async () => {
      emulator.reset();
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const query = new URLSearchParams({
        org: ORGANIZATION_IDS.acme,
        email: 'new@acme.test',
        password: SEED_PASSWORD,
        phone: PHONE,
      });
      await page.goto(`${origin}/${app}/${app === 'angular' ? '' : 'index.html'}?${query}`);

      // authResponse and client set as properties: the element starts, sends to phone-number.
      await hearing(page, 'mfa-step enter-sms-code');
      assert.equal(texts().length, 1);
      assert.deepEqual(await heard(page), ['mfa-sms-sent +1•••••••123', 'mfa-step enter-sms-code']);

      // Leave and come back: a new element, told by the app (sms-sent) that the code is on its way.
      await page.click('#toggle');
      await page.waitForFunction(() => !document.querySelector('sms-otp-input'), STEP);
      await page.click('#toggle');
      await hearing(page, 'mfa-step enter-sms-code', 2);
      assert.equal(texts().length, 1, 'no second SMS for the element mounted again');
      await page.click('sms-otp-input >>> mfa-code-input >>> input');
      await page.keyboard.type(texts()[0]!.code);
      await hearing(page, 'mfa-step done');

      assert.equal(texts().length, 1, 'one SMS in all');
      assert.deepEqual(await heard(page), [
        'mfa-sms-sent +1•••••••123',
        'mfa-step enter-sms-code',
        'mfa-step enter-sms-code',
        'mfa-enrolled sms_otp',
        'mfa-authenticated sms_otp',
        'mfa-step done',
      ]);
      const member = Object.values(emulator.state.members).find((m) => m.email_address === 'new@acme.test');
      assert.equal(member?.mfa_phone_number, PHONE);
      assert.equal(member?.mfa_phone_number_verified, true);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
