// What the demo tests share: a fresh visitor on the running demo, and the dev phone's codes.
import type { Browser, BrowserContext, Page } from 'puppeteer-core';

export const STEP_TIMEOUT = { timeout: 15_000 };

/**
 * A fresh visitor (no session, unless `context` carries one) on `url` + `search`, the emulator reset
 * through the page's own button.
 */
export async function visit(
  browser: Browser,
  url: string,
  search = '',
  context?: BrowserContext,
): Promise<Page> {
  const page = await (context ?? (await browser.createBrowserContext())).newPage();
  await page.goto(`${url}${search}`);
  await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
  await page.click('#reset');
  await page.waitForFunction(
    () => document.querySelector('#emulator-status')?.textContent?.startsWith('Reset:'),
    STEP_TIMEOUT,
  );
  await page.waitForSelector('#sign-in:not([hidden])', STEP_TIMEOUT);
  return page;
}

/** The newest code the dev phone shows for a number. */
export async function phoneCode(page: Page, to: string): Promise<string> {
  const code = await page.waitForSelector(`#sms li[data-sms-to="${to}"] .code`, STEP_TIMEOUT);
  return (await code!.evaluate((el) => el.textContent))!;
}
