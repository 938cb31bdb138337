// The demo as a person uses it: every seeded member signs in and finishes their MFA with only what the
// page shows — the code on the dev phone, the authenticator's code, the setup key on screen, the link
// in the dev inbox — then signs out and is asked for MFA again. The event log shows what fired.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { startDevServer } from './dev-server.js';
import { phoneCode, STEP_TIMEOUT, visit as visitAt } from './visitor.js';

describe('the demo, used as a person would', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url = '';

  before(async () => {
    ({ server, url } = await startDevServer(5177));
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  const visit = () => visitAt(browser, url);

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  const flowAt = (page: Page, step: string) => page.waitForSelector(`mfa-flow[step="${step}"]`, STEP_TIMEOUT);

  /** The code the authenticator panel shows now for an account. */
  async function authenticatorCode(page: Page, account: string): Promise<string> {
    const code = await page.waitForSelector(
      `#authenticator li[data-totp-for="${account}"] code`,
      STEP_TIMEOUT,
    );
    return (await code!.evaluate((el) => el.textContent))!;
  }

  async function signedInAs(page: Page, email: string, factor: string): Promise<void> {
    await page.waitForSelector('#signed-in:not([hidden])', STEP_TIMEOUT);
    const who = (await page.$eval('#who', (el) => el.textContent)) ?? '';
    assert.match(who, new RegExp(email.replace('.', '\\.')));
    assert.match(who, new RegExp(factor));
    await page.waitForSelector('mfa-settings[step="select-method"]', STEP_TIMEOUT);
  }

  /** axe's violations on the page as it is now (through shadow roots), as "rule: target" lines. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    return page.evaluate(async () => {
      const { violations } = await (
        globalThis as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe.run();
      return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
    });
  }

  const events = (page: Page) => page.$$eval('#events li', (items) => items.map((li) => li.dataset.event));

  it('sms@acme.test: the code from the dev phone; signed out, MFA is asked again', async () => {
    const page = await visit();
    await page.click('button.member[data-email="sms@acme.test"]');
    await flowAt(page, 'enter-sms-code');
    await page.keyboard.type(await phoneCode(page, '+14155550101'));
    await signedInAs(page, 'sms@acme.test', 'text message');
    const fired = await events(page);
    assert.ok(fired.includes('mfa-authenticated'), fired.join());
    assert.ok(fired.includes('mfa-step'), fired.join());
    assert.ok(!fired.includes('mfa-code-complete'), 'the code never reaches the page');

    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
    await page.reload();
    await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT); // the session is gone
    await page.click('button.member[data-email="sms@acme.test"]');
    await flowAt(page, 'enter-sms-code');
  });

  it('totp@acme.test: the code from the authenticator panel', async () => {
    const page = await visit();
    await page.click('button.member[data-email="totp@acme.test"]');
    await flowAt(page, 'enter-totp-code');
    await page.keyboard.type(await authenticatorCode(page, 'totp@acme.test'));
    await signedInAs(page, 'totp@acme.test', 'authenticator app');
  });

  it('new@acme.test enrolls a phone: types it, reads the code on the dev phone', async () => {
    const page = await visit();
    await page.click('button.member[data-email="new@acme.test"]');
    await flowAt(page, 'select-method');
    const [textMessage] = await page.$$('mfa-flow >>> [part~="method-option"]');
    assert.match((await textMessage!.evaluate((el) => el.textContent)) ?? '', /Text message/);
    await textMessage!.click();
    await flowAt(page, 'enter-phone');
    // As a person waits for the field to settle: the number is checked once the phone library is in.
    const field = await page.waitForSelector('mfa-flow >>> mfa-phone-input', STEP_TIMEOUT);
    await page.waitForFunction((el) => (el as unknown as { ready: boolean }).ready, STEP_TIMEOUT, field);
    await page.click('mfa-flow >>> mfa-phone-input >>> input');
    await page.keyboard.type('4155550123');
    await page.keyboard.press('Enter');
    await flowAt(page, 'enter-sms-code');
    await page.keyboard.type(await phoneCode(page, '+14155550123'));
    await signedInAs(page, 'new@acme.test', 'text message');
    assert.ok((await events(page)).includes('mfa-enrolled'));
  });

  it('new@globex.test sets up an authenticator with the key on screen, and saves the recovery codes', async () => {
    const page = await visit();
    await page.click('button.member[data-email="new@globex.test"]');
    await flowAt(page, 'scan-totp');
    const key = await page.$eval('mfa-flow >>> [part~="secret"]', (el) => el.textContent ?? '');
    await page.type('#key', key);
    await page.click('#add-key button');
    const code = await authenticatorCode(page, `Key ${key.replace(/\s/g, '').slice(0, 4)}…`);
    await page.click('mfa-flow >>> totp-setup >>> [part~="submit-button"]');
    await flowAt(page, 'enter-totp-code');
    await page.keyboard.type(code);
    await flowAt(page, 'save-recovery-codes');
    await page.click('mfa-flow >>> [part~="acknowledge"]');
    await page.click('mfa-flow >>> mfa-recovery-codes >>> [part~="submit-button"]');
    await signedInAs(page, 'new@globex.test', 'authenticator app');
  });

  it('user@initech.test needs no MFA: signed in at once', async () => {
    const page = await visit();
    await page.click('button.member[data-email="user@initech.test"]');
    await signedInAs(page, 'user@initech.test', 'password');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations at sign-in, at a code step and signed in (${scheme})`, async () => {
      const page = await visit();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      assert.deepEqual(await axeViolations(page), [], 'sign-in');
      await page.click('button.member[data-email="sms@acme.test"]');
      await flowAt(page, 'enter-sms-code');
      assert.deepEqual(await axeViolations(page), [], 'the SMS code step');
      await page.keyboard.type(await phoneCode(page, '+14155550101'));
      await signedInAs(page, 'sms@acme.test', 'text message');
      assert.deepEqual(await axeViolations(page), [], 'signed in');
    });
  }

  it('the seeded admin finds the Organization page: the policy and the members; a member does not', async () => {
    const page = await visit();
    await page.click('button.member[data-email="admin@initech.test"]');
    await signedInAs(page, 'admin@initech.test', 'password');
    await page.waitForSelector(
      '#organization:not([hidden]) mfa-org-policy[step="select-method"]',
      STEP_TIMEOUT,
    );
    await page.waitForSelector('#organization:not([hidden]) mfa-members[step="select-method"]', STEP_TIMEOUT);
    assert.equal(await page.$eval('#organization h1', (h) => h.textContent), 'Organization');
    assert.deepEqual(await axeViolations(page), []);

    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
    await page.click('button.member[data-email="user@initech.test"]');
    await signedInAs(page, 'user@initech.test', 'password');
    assert.equal(await page.$eval('#organization', (s) => (s as HTMLElement).hidden), true);
    assert.equal(await page.$('#organization mfa-members'), null);
  });

  it('a sign-in link from the dev inbox, then the code from the dev phone', async () => {
    const page = await visit();
    await page.select(
      '#magic-email',
      await page.$eval('#magic-email', (s) => {
        const options = Array.from((s as HTMLSelectElement).options);
        return options.find((o) => o.text === 'sms@acme.test')!.value;
      }),
    );
    await page.click('#magic-link button[type="submit"]');
    const link = await page.waitForSelector('#email li[data-email-to="sms@acme.test"] a', STEP_TIMEOUT);
    await Promise.all([page.waitForNavigation(), link!.click()]);
    await flowAt(page, 'enter-sms-code');
    await page.keyboard.type(await phoneCode(page, '+14155550101'));
    await signedInAs(page, 'sms@acme.test', 'email link');
  });

  it('has a page per element, axe-clean: a live instance at its first step, its reference', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    const firstSteps: Record<string, string> = {
      'sms-otp-input': 'enter-phone',
      'totp-setup': 'scan-totp',
      'mfa-enroll': 'select-method',
      'mfa-authenticate': 'enter-sms-code',
      'mfa-flow': 'enter-sms-code',
      'mfa-recovery-codes': 'save-recovery-codes',
      'mfa-settings': 'select-method',
      'mfa-org-policy': 'select-method',
      'mfa-members': 'select-method',
    };
    for (const [tag, step] of Object.entries(firstSteps)) {
      await page.goto(`${url}?page=elements&tag=${tag}`);
      await page.waitForSelector(`#element-page .stage ${tag}[step="${step}"]`, STEP_TIMEOUT);
      assert.deepEqual(await axeViolations(page), [], `the page of <${tag}>`);
      const headings = await page.$$eval('#element-page h2', (hs) => hs.map((h) => h.textContent));
      assert.ok(headings.includes('Attributes') && headings.includes('Events'), `${tag}: ${headings.join()}`);
    }
    for (const tag of ['mfa-code-input', 'mfa-phone-input', 'mfa-provider']) {
      await page.goto(`${url}?page=elements&tag=${tag}`);
      await page.waitForSelector('#element-page table', STEP_TIMEOUT);
      assert.deepEqual(await axeViolations(page), [], `the page of <${tag}>`);
    }
    await page.goto(`${url}?page=elements&tag=mfa-code-input`);
    await page.waitForSelector('#element-page .stage mfa-code-input', STEP_TIMEOUT);
    // A control changes the live instance.
    await page.type('#attr-length', '8');
    await page.$eval('#attr-length', (el) => el.dispatchEvent(new Event('change')));
    await page.waitForSelector('#element-page .stage mfa-code-input[length="8"]', STEP_TIMEOUT);
  });

  it('has a themes page: three themes from the public properties and parts, axe-clean', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${url}?page=themes`);
    await page.waitForFunction(
      () => document.querySelectorAll('.theme-panel mfa-enroll[step="select-method"]').length === 3,
      STEP_TIMEOUT,
    );
    assert.deepEqual(await axeViolations(page), [], 'the themes page');
    // Each theme reaches inside the elements: its own primary colour, font and corner radius.
    const looks = await page.$$eval('.theme-panel mfa-enroll', (elements) =>
      elements.map((el) => {
        const option = el.shadowRoot!.querySelector('[part~="method-option"]')!;
        const style = getComputedStyle(option);
        return `${style.color} ${style.fontFamily.split(',')[0]} ${style.borderTopLeftRadius}`;
      }),
    );
    assert.equal(new Set(looks).size, 3, looks.join(' | '));
    // A brand theme also applies to the whole demo from the Theme menu.
    await page.goto(`${url}?theme=midnight`);
    await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
    await page.click('button.member[data-email="totp@acme.test"]');
    await flowAt(page, 'enter-totp-code');
    assert.deepEqual(await axeViolations(page), [], 'a code step in Midnight');
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`an element page has no axe violations, and nothing scrolls sideways at 320 px (${scheme})`, async () => {
      const page = await (await browser.createBrowserContext()).newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.setViewport({ width: 320, height: 700 });
      await page.goto(`${url}?page=elements&tag=sms-otp-input`);
      await page.waitForSelector('#element-page sms-otp-input[step="enter-phone"]', STEP_TIMEOUT);
      assert.deepEqual(await axeViolations(page), []);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
      await page.goto(url);
      await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    });
  }
});
