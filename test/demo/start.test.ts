// `npm start` as a new user runs it: the demo dev server, opened in headless Chromium.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LOCAL_URL = /Local:\s+(http:\/\/\S+)/;

/** The URL Vite prints, colours stripped; fails if the server exits first or after 30 s. */
async function serverUrl(child: ChildProcess): Promise<string> {
  let output = '';
  let errors = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new AbortController();
  const onExit = (code: number | null) =>
    exited.abort(
      new Error(`The dev server exited (${String(code)}) before it was ready:\n${output}${errors}`),
    );
  child.once('exit', onExit);
  const signal = AbortSignal.any([exited.signal, AbortSignal.timeout(30_000)]);
  try {
    while (!LOCAL_URL.test(output)) {
      const [chunk] = (await once(child.stdout!, 'data', { signal })) as [string];
      output += stripVTControlCharacters(chunk);
    }
  } finally {
    child.off('exit', onExit);
  }
  return LOCAL_URL.exec(output)![1]!;
}

describe('npm start', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url = '';

  before(async () => {
    // The same server `npm start` runs, on another port so a running demo does not collide.
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '5179'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    url = await serverUrl(server);
    browser = await puppeteer.launch({
      executablePath: ensureChromium(),
      args: CHROMIUM_ARGS,
      headless: true,
    });
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  it('serves the demo, whose SDK client reaches the emulator and signs in', async () => {
    assert.equal(url, 'http://127.0.0.1:5179/');
    const page = await browser.newPage();
    const offOrigin: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== new URL(url).origin) offOrigin.push(request.url());
    });
    await page.goto(url);
    await page.waitForSelector('#status[data-state="connected"]', { timeout: 15_000 });
    const text = await page.$eval('#status', (el) => el.textContent);
    assert.match(text ?? '', /reached the emulator and found Acme Corp/);

    await page.select('#member', await page.$eval('#member option', (o) => (o as HTMLOptionElement).value));
    await page.click('button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent !== '', {
      timeout: 10_000,
    });
    assert.match(
      (await page.$eval('#result', (el) => el.textContent)) ?? '',
      /MFA required for new@acme\.test/,
    );

    // A member whose organization needs no MFA is signed in at once, and sees their settings.
    await page.select(
      '#member',
      await page.$eval('#member', (s) => {
        const options = Array.from((s as HTMLSelectElement).options);
        return options.find((o) => o.text.startsWith('user@initech.test'))!.value;
      }),
    );
    await page.click('button[type="submit"]');
    await page.waitForFunction(
      () => document.querySelector('mfa-settings')?.getAttribute('step') === 'select-method',
      { timeout: 10_000 },
    );
    assert.match((await page.$eval('#result', (el) => el.textContent)) ?? '', /no MFA needed/);
    assert.deepEqual(offOrigin, []);
  });

  it('"your server" mode: the README\'s Express host signs in and runs <mfa-flow>, no token on the page', async () => {
    await fetch(`${url}__emulator/reset`, { method: 'POST' });
    const page = await (await browser.createBrowserContext()).newPage(); // no cookie of the test before
    const received: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) {
        received.push(response.url());
        void response.text().then(
          (body) => {
            if (/"(session_token|session_jwt|intermediate_session_token)":"[^"]/.test(body))
              received.push(`TOKEN in ${response.url()}`);
          },
          () => undefined,
        );
      }
    });
    await page.goto(`${url}?mode=server`);
    await page.waitForSelector('#status[data-state="connected"]', { timeout: 15_000 });
    assert.match((await page.$eval('#status', (el) => el.textContent)) ?? '', /your server/);
    assert.equal(await page.$eval('input[value="server"]', (el) => (el as HTMLInputElement).checked), true);

    await page.select(
      '#member',
      await page.$eval('#member', (s) => {
        const options = Array.from((s as HTMLSelectElement).options);
        return options.find((o) => o.text.startsWith('sms@acme.test'))!.value;
      }),
    );
    await page.click('button[type="submit"]');
    await page.waitForFunction(
      () => document.querySelector('mfa-flow')?.getAttribute('step') === 'enter-sms-code',
      {
        timeout: 15_000,
      },
    );
    const outbox = (await (await fetch(`${url}__emulator/sms?to=%2B14155550101`)).json()) as {
      code: string;
    }[];
    await page.keyboard.type(outbox.at(-1)!.code);
    await page.waitForFunction(
      () => document.querySelector('mfa-settings')?.getAttribute('step') === 'select-method',
      {
        timeout: 15_000,
      },
    );
    assert.match(
      (await page.$eval('#result', (el) => el.textContent)) ?? '',
      /Signed in as sms@acme\.test with sms_otp/,
    );
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.ok(
      received.some((u) => u.endsWith('/api/mfa/sms/authenticate')),
      received.join(' '),
    );
    assert.deepEqual(
      received.filter((u) => u.startsWith('TOKEN')),
      [],
    );
  });

  it('"your server" mode refuses another origin\'s page, though the browser sends the cookie', async () => {
    await fetch(`${url}__emulator/reset`, { method: 'POST' });
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`${url}?mode=server`);
    await page.waitForSelector('#status[data-state="connected"]', { timeout: 15_000 });
    const signedIn = await page.evaluate(async () => {
      const response = await fetch('/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          organization_id: 'acme',
          email_address: 'new@acme.test',
          password: 'mfa-demo-password',
        }),
      });
      return response.status;
    });
    assert.equal(signedIn, 200);

    // A page on another port of the same host: same site, so SameSite=Lax lets the cookie go along.
    const attacker = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    attacker.listen(0, '127.0.0.1');
    await once(attacker, 'listening');
    const elsewhere = await context.newPage();
    await elsewhere.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const attempts = await elsewhere.evaluate(async (target) => {
      const body = JSON.stringify({ mfa_phone_number: '+14155550126' });
      const simple = await fetch(`${target}api/mfa/sms/send`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'Content-Type': 'text/plain' },
        body,
      }).then(
        (r) => r.type,
        (e: Error) => e.name,
      );
      const json = await fetch(`${target}api/mfa/sms/send`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body,
      }).then(
        (r) => String(r.status),
        (e: Error) => e.name,
      );
      return { simple, json };
    }, url);
    attacker.close();
    // The simple request reached the server (opaque to the page) and was refused; the JSON one
    // needed a preflight the handler never grants.
    assert.deepEqual(attempts, { simple: 'opaque', json: 'TypeError' });
    const sent = (await (await fetch(`${url}__emulator/sms?to=%2B14155550126`)).json()) as unknown[];
    assert.deepEqual(sent, []);
    await context.close();
  });
});
