// The README's backend example as a developer runs it: `npx stytch-mfa-emulator`, then
// examples/server.ts with the emulator's credentials, unchanged, driven in Chromium — the login
// page, MFA with the texted code, the signed-in page; and the route guard refusing that page to a
// password step alone and to a revoked session.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STEP = { timeout: 15_000 };
const SMS_PHONE = '+14155550101';

/** Starts a process and resolves with the first http URL it prints. */
function startPrinting(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code})`)));
  });
  return { child, url };
}

describe("the README's backend example, run as written", () => {
  let emulator: ChildProcess;
  let server: ChildProcess;
  let browser: Browser;
  let stytch = '';
  let site = '';
  let basic = '';
  /** What the example server wrote to stderr (its logs). */
  let serverLog = '';

  before(async () => {
    // What a published package holds: the emulator's CLI, the server helper and the CDN build.
    if (!existsSync(`${root}dist/emulator/cli.js`))
      execFileSync('npm', ['run', '--silent', 'build:emulator'], { cwd: root });
    if (!existsSync(`${root}dist/server/index.js`))
      execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: root });
    if (!existsSync(`${root}dist/cdn/stytch-mfa-elements.js`))
      execFileSync('npm', ['run', '--silent', 'build:cdn'], { cwd: root });

    const emu = startPrinting(process.execPath, ['bin/stytch-mfa-emulator.js', '--port', '0', '--quiet']);
    emulator = emu.child;
    stytch = await emu.url;
    const { project } = (await (await fetch(`${stytch}/__emulator/seed`)).json()) as {
      project: { project_id: string; secret: string };
    };
    basic = `Basic ${Buffer.from(`${project.project_id}:${project.secret}`).toString('base64')}`;
    const app = startPrinting(process.execPath, ['--import', 'tsx', 'examples/server.ts'], {
      STYTCH_PROJECT_ID: project.project_id,
      STYTCH_SECRET: project.secret,
      STYTCH_BASE_URL: `${stytch}/`,
      PORT: '0',
    });
    server = app.child;
    server.stderr!.on('data', (chunk: Buffer) => (serverLog += String(chunk)));
    site = await app.url;
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    server?.kill();
    emulator?.kill();
  });

  /** The login page, filled in and sent as a person would; resolves on the MFA page. */
  async function signIn(email: string): Promise<Page> {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${site}/`);
    await page.type('#organization', 'acme');
    await page.type('#email', email);
    await page.type('#password', SEED_PASSWORD);
    await Promise.all([page.waitForNavigation(STEP), page.click('button')]);
    assert.equal(new URL(page.url()).pathname, '/mfa');
    return page;
  }

  async function textedCode(): Promise<string> {
    const outbox = (await (
      await fetch(`${stytch}/__emulator/sms?to=${encodeURIComponent(SMS_PHONE)}`)
    ).json()) as {
      code: string;
    }[];
    return outbox.at(-1)!.code;
  }

  /**
   * Opens the signed-in page as a page load; resolves with the document the server answered with
   * (after its redirects, before any script of the page runs) and its heading.
   */
  async function openAccount(page: Page) {
    const response = await page.goto(`${site}/account`, { waitUntil: 'domcontentloaded' });
    const html = (await response?.text().catch(() => '')) ?? ''; // gone once the page's script moves on
    return {
      path: new URL(response!.url()).pathname,
      status: response?.status(),
      heading: /<h1>([^<]*)<\/h1>/.exec(html)?.[1],
    };
  }

  it('signs in with a password and the texted code, and shows the signed-in page', async () => {
    const page = await signIn('sms@acme.test');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', STEP);
    await Promise.all([page.waitForNavigation(STEP), page.keyboard.type(await textedCode())]);
    assert.equal(new URL(page.url()).pathname, '/account');
    await page.waitForFunction(
      `document.querySelector('#who')?.textContent?.startsWith('Signed in as')`,
      STEP,
    );
    assert.equal(
      await page.$eval('#who', (p) => p.textContent),
      'Signed in as sms@acme.test (password, otp).',
    );

    await Promise.all([page.waitForNavigation(STEP), page.click('#sign-out')]);
    const after = await openAccount(page);
    assert.equal(after.path, '/', 'signed out, the page is refused');
  });

  it('lands a magic link on the MFA page: the server authenticates it, the page loads no SDK', async () => {
    const sent = await fetch(`${stytch}/v1/b2b/magic_links/email/login_or_signup`, {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organization_id: ORGANIZATION_IDS.acme,
        email_address: 'sms@acme.test',
        login_redirect_url: `${site}/mfa`,
      }),
    });
    assert.equal(sent.status, 200);
    const emails = (await (await fetch(`${stytch}/__emulator/email?to=sms@acme.test`)).json()) as {
      link: string;
    }[];
    const link = emails.at(-1)!.link;
    const page = await (await browser.createBrowserContext()).newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const landed = await page.goto(link);
    assert.equal(landed?.headers()['cache-control'], 'no-store', 'the member on the page is not kept');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', STEP);
    assert.ok(!requested.includes('/api/mfa/state'), 'the page said who is signing in: not asked');
    assert.equal(await page.$('script[data-mfa-state]'), null, 'and the kit took it off the page');
    // Reloaded (the member back from their texts): the used token is refused, the session goes on.
    await page.reload();
    assert.equal(new URL(page.url()).pathname, '/mfa');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', STEP);
    assert.ok(requested.includes('/api/mfa/state'), 'reloaded, the page asks who is signing in');
    assert.deepEqual(
      requested.filter((path) => path.includes('headless') || path.startsWith('/sdk/')),
      [],
      'neither the SDK nor a call to Stytch from the page',
    );
    await Promise.all([page.waitForNavigation(STEP), page.keyboard.type(await textedCode())]);
    assert.equal(new URL(page.url()).pathname, '/account');

    // A link works once: opened again, it leads to the login page.
    const again = await (await browser.createBrowserContext()).newPage();
    await again.goto(link);
    assert.equal(new URL(again.url()).pathname, '/');
    const token = new URL(link).searchParams.get('token')!;
    assert.match(serverLog, /Magic link refused: \w+/, 'a refusal is logged by its type');
    assert.ok(!serverLog.includes(token), 'never the token');
  });

  it('refuses the signed-in page after the password step alone', async () => {
    const page = await signIn('sms@acme.test');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', STEP);
    const cookies = await page.browserContext().cookies();
    assert.ok(
      cookies.some((c) => c.name === 'app_session' && c.httpOnly),
      'the password step set the cookie',
    );
    const account = await openAccount(page);
    assert.equal(account.path, '/', 'sent back to the login page');
    assert.equal(account.heading, 'Sign in');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    assert.equal(me, 401);
  });

  it('refuses the signed-in page once the session is revoked', async () => {
    const page = await signIn('sms@acme.test');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', STEP);
    await Promise.all([page.waitForNavigation(STEP), page.keyboard.type(await textedCode())]);
    await page.waitForFunction(
      `document.querySelector('#who')?.textContent?.startsWith('Signed in as')`,
      STEP,
    );
    assert.equal((await openAccount(page)).path, '/account', 'a reload still passes');

    const revoked = await fetch(`${stytch}/v1/b2b/sessions/revoke`, {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: JSON.stringify({ member_id: MEMBER_IDS.smsAcme }),
    });
    assert.equal(revoked.status, 200);
    const account = await openAccount(page);
    assert.equal(account.path, '/', 'sent back to the login page');
    const cookies = await page.browserContext().cookies();
    assert.ok(!cookies.some((c) => c.name === 'app_session'), 'the dead session cookie is cleared');
  });

  it('says what went wrong at the login page', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${site}/`);
    await page.type('#organization', 'no-such-org');
    await page.type('#email', 'sms@acme.test');
    await page.type('#password', SEED_PASSWORD);
    await page.click('button');
    await page.waitForFunction(`document.querySelector('#error')?.textContent`, STEP);
    assert.equal(await page.$eval('#error', (p) => p.textContent), 'There is no such organization.');
    await page.$eval('#organization', (i) => ((i as unknown as { value: string }).value = 'acme'));
    await page.type('#password', '-typo');
    await page.click('button');
    await page.waitForFunction(
      `document.querySelector('#error')?.textContent === 'Wrong email or password.'`,
      STEP,
    );
  });
});
