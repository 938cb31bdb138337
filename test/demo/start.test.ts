// `npm start` as a new user runs it: the demo dev server, opened in headless Chromium.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { startDevServer } from './dev-server.js';

describe('npm start', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url = '';

  before(async () => {
    ({ server, url } = await startDevServer(5179));
    browser = await puppeteer.launch(chromiumLaunchOptions());
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
    assert.match(
      (await page.$eval('#status', (el) => el.textContent)) ?? '',
      /browser SDK against the emulator/,
    );
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });

    await page.click('button.member[data-email="new@acme.test"]');
    await page.waitForSelector('mfa-flow[step="select-method"]', { timeout: 10_000 });
    assert.match((await page.$eval('#mfa-who', (el) => el.textContent)) ?? '', /new@acme\.test/);

    // A member whose organization needs no MFA is signed in at once, and sees their settings.
    await page.goto(url);
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
    await page.click('button.member[data-email="user@initech.test"]');
    await page.waitForSelector('mfa-settings[step="select-method"]', { timeout: 10_000 });
    assert.match((await page.$eval('#who', (el) => el.textContent)) ?? '', /user@initech\.test/);
    assert.deepEqual(offOrigin, []);
  });

  it('"your server" mode: the README\'s Express host signs in and runs <mfa-flow>, no token on the page', async () => {
    await fetch(`${url}__emulator/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
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
    assert.match((await page.$eval('#status', (el) => el.textContent)) ?? '', /Your server/);
    assert.equal(await page.$eval('#mode', (el) => (el as HTMLSelectElement).value), 'server');
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });

    await page.click('button.member[data-email="sms@acme.test"]');
    await page.waitForSelector('mfa-flow[step="enter-sms-code"]', { timeout: 15_000 });
    const code = await page.waitForSelector('#sms li[data-sms-to="+14155550101"] .code', { timeout: 15_000 });
    await page.keyboard.type((await code!.evaluate((el) => el.textContent))!);
    await page.waitForSelector('mfa-settings[step="select-method"]', { timeout: 15_000 });
    const who = (await page.$eval('#who', (el) => el.textContent)) ?? '';
    assert.match(who, /sms@acme\.test/);
    assert.match(who, /text message/);
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.ok(
      received.some((u) => u.endsWith('/api/mfa/sms/authenticate')),
      received.join(' '),
    );
    assert.deepEqual(
      received.filter((u) => u.startsWith('TOKEN')),
      [],
    );

    // Signed out through the server: a reload finds no session.
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
    await page.reload();
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
  });

  it('"your server" mode refuses another origin\'s page, though the browser sends the cookie', async () => {
    await fetch(`${url}__emulator/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
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

describe('npm start with STYTCH_PUBLIC_TOKEN', () => {
  const token = 'public-token-test-00000000-0000-4000-8000-00000000beef';
  let server: ChildProcess;
  let browser: Browser;
  let url = '';

  before(async () => {
    ({ server, url } = await startDevServer(5175, {
      STYTCH_PUBLIC_TOKEN: token,
      STYTCH_PUBLIC_ORGANIZATION_ID: 'organization-test-real',
    }));
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  it('runs against that Stytch project: no emulator, no dev panel, the SDK calls Stytch', async () => {
    // No emulator: its dev routes are not there (the dev server answers with the page instead).
    const seed = await fetch(`${url}__emulator/seed`);
    assert.doesNotMatch(seed.headers.get('content-type') ?? '', /json/);
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    const elsewhere: string[] = [];
    let reachedStytch: () => void;
    const stytchCalled = new Promise<void>((resolve) => (reachedStytch = resolve));
    page.on('request', (request) => {
      if (new URL(request.url()).origin === new URL(url).origin) return void request.continue();
      elsewhere.push(request.url()); // no network here: recorded, not sent
      if (request.url().startsWith('https://test.stytch.com/sdk/v1/')) reachedStytch();
      return void request.abort();
    });
    await page.goto(url);
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
    assert.match((await page.$eval('#status', (el) => el.textContent)) ?? '', /Against your Stytch project/);
    assert.equal(await page.$eval('#dev', (el) => (el as HTMLElement).hidden), true);
    assert.equal(await page.$eval('#members', (el) => (el as HTMLElement).hidden), true);
    assert.equal(await page.$eval('mfa-provider', (el) => el.getAttribute('public-token')), token);
    await stytchCalled;
    assert.ok(
      elsewhere.some((u) => u.startsWith(`https://test.stytch.com/sdk/v1/projects/bootstrap/${token}`)),
      elsewhere.join(' '),
    );
  });
});
