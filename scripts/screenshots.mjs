// `npm run screenshots`: starts what `npm start` starts, signs in through the demo in headless Chromium
// and writes the README's screenshots to docs/screenshots/ — light, dark and mobile.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', '5178'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
});
let output = '';
server.stdout.setEncoding('utf8');
while (!/Local:\s+http/.test(output)) {
  const [chunk] = await once(server.stdout, 'data', { signal: AbortSignal.timeout(30_000) });
  output += stripVTControlCharacters(chunk);
}
const url = /Local:\s+(http:\/\/\S+)/.exec(output)[1];
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});

/** Opens the demo at a size and scheme, signs in as `email` (if given) and waits for `ready`. */
async function shoot(name, { width, height, dark = false, email = '', ready = '#sign-in:not([hidden])' }) {
  await fetch(`${url}__emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }]);
  await page.goto(url);
  await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
  if (email) await page.click(`button.member[data-email="${email}"]`);
  await page.waitForSelector(ready, { timeout: 15_000 });
  await page.evaluate(() => globalThis.document.activeElement?.blur?.()); // no focus ring in the picture
  await new Promise((resolve) => setTimeout(resolve, 1200)); // the dev panel's next refresh
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  console.log(`${OUT}/${name}.png`);
  await context.close();
}

const smsStep = 'mfa-flow[step="enter-sms-code"]';
try {
  await shoot('sign-in-light', { width: 1280, height: 800 });
  await shoot('sign-in-dark', { width: 1280, height: 800, dark: true });
  await shoot('sms-code-light', { width: 1280, height: 800, email: 'sms@acme.test', ready: smsStep });
  await shoot('sms-code-dark', {
    width: 1280,
    height: 800,
    dark: true,
    email: 'sms@acme.test',
    ready: smsStep,
  });
  await shoot('enroll-mobile', {
    width: 375,
    height: 800,
    email: 'new@acme.test',
    ready: 'mfa-flow[step="select-method"]',
  });
  await shoot('signed-in-dark', {
    width: 1280,
    height: 800,
    dark: true,
    email: 'user@initech.test',
    ready: 'mfa-settings[step="select-method"]',
  });
} finally {
  await browser.close();
  server.kill();
}
