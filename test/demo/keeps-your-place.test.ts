// The demo keeps your place (issue 23, item 5): a reload, Back/Forward or a change of language or
// theme mid-MFA comes back to the MFA step; the top links keep the page's options; an element page
// leaves other tabs' sessions alone; a double-click signs in once; the setup-key box recovers from a
// bad key; element pages render the manifest's `code` as code, not backticks.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { startDevServer } from './dev-server.js';
import { phoneCode, STEP_TIMEOUT, visit as visitAt } from './visitor.js';

describe('the demo keeps your place', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url = '';

  before(async () => {
    ({ server, url } = await startDevServer(5181));
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  const visit = (search = '', context?: BrowserContext) => visitAt(browser, url, search, context);

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  const flowAt = (page: Page, step: string) =>
    page.waitForSelector(`#mfa:not([hidden]) mfa-flow[step="${step}"]`, STEP_TIMEOUT);

  /** The text messages the emulator sent to a number, oldest first. */
  async function smsTo(to: string): Promise<unknown[]> {
    const all = (await (await fetch(`${url}__emulator/sms`)).json()) as { to: string }[];
    return all.filter((m) => m.to === to);
  }

  async function signedInAs(page: Page, email: string): Promise<void> {
    await page.waitForSelector('#signed-in:not([hidden])', STEP_TIMEOUT);
    assert.match(
      (await page.$eval('#who', (el) => el.textContent)) ?? '',
      new RegExp(email.replace('.', '\\.')),
    );
  }

  it('comes back to the MFA step after a reload, Back/Forward, and a change of language or theme', async () => {
    const page = await visit();
    await page.click('button.member[data-email="sms@acme.test"]');
    await flowAt(page, 'enter-sms-code');

    await page.reload();
    await flowAt(page, 'enter-sms-code');
    assert.equal(
      await page.$eval('#sign-in', (el) => (el as HTMLElement).hidden),
      true,
      'not the member list',
    );
    assert.match(await page.$eval('#mfa-who', (el) => el.textContent ?? ''), /sms@acme\.test/);

    await Promise.all([page.waitForNavigation(), page.click('#nav-themes')]);
    await page.waitForSelector('.theme-panel', STEP_TIMEOUT);
    await Promise.all([page.waitForNavigation(), page.goBack()]);
    await flowAt(page, 'enter-sms-code');

    await Promise.all([page.waitForNavigation(), page.select('#lang', 'fr')]);
    const flow = await flowAt(page, 'enter-sms-code');
    assert.equal(await flow!.evaluate((el) => (el as HTMLElement).lang), 'fr');
    await Promise.all([page.waitForNavigation(), page.select('#theme', 'dark')]);
    await flowAt(page, 'enter-sms-code');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');

    // And the member finishes where they were, with the newest code the emulator sent.
    const sent = (await smsTo('+14155550101')).length;
    await page.waitForFunction(
      (count) => document.querySelectorAll('#sms li[data-sms-to="+14155550101"]').length === count,
      STEP_TIMEOUT,
      sent,
    );
    await page.click('mfa-flow >>> mfa-code-input >>> input');
    await page.keyboard.type(await phoneCode(page, '+14155550101'));
    await signedInAs(page, 'sms@acme.test');
  });

  it('keeps lang, theme and mode in the top links and the element list', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    const options = { lang: 'fr', theme: 'dark', mode: 'server' };
    await page.goto(`${url}?${new URLSearchParams(options)}`);
    await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
    const kept = (href: string) => {
      const params = new URL(href).searchParams;
      return Object.entries(options).every(([name, value]) => params.get(name) === value);
    };
    for (const id of ['nav-sign-in', 'nav-elements', 'nav-themes']) {
      const href = await page.$eval(`#${id}`, (a) => (a as HTMLAnchorElement).href);
      assert.ok(kept(href), `${id}: ${href}`);
    }
    await Promise.all([page.waitForNavigation(), page.click('#nav-elements')]);
    await page.waitForSelector('#element-page .element-nav a', STEP_TIMEOUT);
    assert.equal(await page.$eval('#lang', (s) => (s as HTMLSelectElement).value), 'fr');
    const links = await page.$$eval('#element-page .element-nav a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    assert.ok(links.length > 5);
    for (const href of links) assert.ok(kept(href), href);
  });

  it('opening an element page leaves a session in another tab alone', async () => {
    const context = await browser.createBrowserContext();
    const page = await visit('', context);
    await page.click('button.member[data-email="user@initech.test"]');
    await signedInAs(page, 'user@initech.test');

    const other = await context.newPage();
    await other.goto(`${url}?page=elements&tag=mfa-settings`);
    await other.waitForSelector('#element-page .stage mfa-settings[step="select-method"]', STEP_TIMEOUT);
    await other.goto(`${url}?page=elements&tag=sms-otp-input`);
    await other.waitForSelector('#element-page .stage sms-otp-input[step="enter-phone"]', STEP_TIMEOUT);

    await page.bringToFront();
    await page.reload();
    await signedInAs(page, 'user@initech.test');
    // The session is still good on the server: the settings read the member's factors with it.
    await page.waitForSelector('mfa-settings[step="select-method"]', STEP_TIMEOUT);
  });

  it('a double-click on a member signs in once and sends one text message', async () => {
    const page = await visit();
    const signIns: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/passwords/authenticate')) signIns.push(request.method());
    });
    await page.click('button.member[data-email="sms@acme.test"]', { count: 2 });
    await flowAt(page, 'enter-sms-code');
    await page.waitForSelector('#sms li[data-sms-to="+14155550101"]', STEP_TIMEOUT);
    // (A member with a phone gets their code with the password sign-in: one sign-in, one message.)
    assert.deepEqual(signIns, ['POST']);
    assert.equal((await smsTo('+14155550101')).length, 1);
  });

  it('takes a good setup key after a bad one', async () => {
    const page = await visit();
    await page.type('#key', 'not a key');
    await page.click('#add-key button');
    assert.equal(await page.$eval('#key', (el) => (el as HTMLInputElement).validity.valid), false);
    await page.$eval('#key', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#key', 'JBSW Y3DP EHPK 3PXP');
    await page.click('#add-key button');
    await page.waitForSelector('#authenticator li[data-totp-for="Key JBSW…"] code', STEP_TIMEOUT);
    assert.equal(await page.$eval('#key', (el) => (el as HTMLInputElement).validity.valid), true);
  });

  it("renders the manifest's `code` as code on the element pages, never backticks", async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    for (const tag of ['mfa-flow', 'mfa-code-input', 'mfa-provider']) {
      await page.goto(`${url}?page=elements&tag=${tag}`);
      await page.waitForSelector('#element-page table', STEP_TIMEOUT);
      const backticks = await page.$$eval('#element-page p, #element-page td', (cells) =>
        cells.map((n) => n.textContent ?? '').filter((t) => t.includes('`')),
      );
      assert.deepEqual(backticks, [], tag);
      const code = await page.$$eval(
        '#element-page .card > p code, #element-page td:not(:first-child) code',
        (els) => els.map((el) => el.textContent),
      );
      assert.ok(code.length > 0, `${tag}: no code in the descriptions`);
    }
    // mfa-flow's description names its element routes as code.
    await page.goto(`${url}?page=elements&tag=mfa-flow`);
    await page.waitForSelector('#element-page table', STEP_TIMEOUT);
    const names = await page.$$eval('#element-page .card > p code', (els) => els.map((el) => el.textContent));
    assert.ok(names.includes('<mfa-enroll>'), names.join());
  });
});
