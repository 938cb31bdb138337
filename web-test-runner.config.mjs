// Browser tests: real Chromium, the real Stytch SDK, and the emulator mounted at the page's origin.
// Run through `npm test` (or `npm run test:browser`), which loads TypeScript with tsx.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { B2BClient } from 'stytch';
import { createEmulator, PROJECT } from './emulator/index.ts';
import { createApp } from './examples/express.ts';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
import { ensureFirefox, wantedBrowsers } from './scripts/browsers.mjs';
import { startWebKit } from './scripts/webkit.mjs';
import { cjsAsEsm } from './scripts/wtr-cjs.mjs';
import { visualBaselines } from './scripts/wtr-visual.mjs';
import { recordingOptions } from './test/shapes/recorder.ts';

const emulator = createEmulator(recordingOptions());

// Backend mode: the README's Express host, its B2BClient calling the same emulator over HTTP (the
// official package needs a base URL of its own), mounted under /api at the page's origin.
const backendServer = await emulator.listen(0);
const warn = console.warn; // the package warns about a custom env, as it should
console.warn = () => undefined;
const host = createApp(
  new B2BClient({ ...PROJECT, env: `http://127.0.0.1:${backendServer.address().port}/` }),
);
console.warn = warn;

/**
 * Paths the test server answers with 503, as if the network failed while a lazily loaded module was
 * fetched. Set by a test through `POST /__test/unreachable` `{ paths: [...] }` (substrings of a path);
 * safe because test files run one at a time (`concurrency: 1`).
 */
let unreachable = [];
/**
 * A whole page of a test's own (the README's examples, run as written), stored by `POST /__test/page`
 * `{ html }` and served at `GET /__test/page.html` without the runner's CSP or scripts: it loads as a
 * real page does, with its own `load` event.
 */
let page = '';
/** Paths the test server answers only after `ms` (a slow network), set by `POST /__test/slow`. */
let slow = { paths: [], ms: 0 };
async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text || '{}');
}

/** Writes pass/fail counts for scripts/test.mjs to print CI's closing line. */
function countsReporter(file) {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped++;
      else if (test.passed) totals.passed++;
      else totals.failed++;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.errors += session.errors.length;
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "frame-src 'self'", // a test's own page (/__test/page.html) opens in a frame
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Each test file's own module URLs: every local import is given the test session's id (`?fresh=`),
 * so no engine can hand a file a module an earlier file loaded. WebKit keeps lazily loaded modules
 * in its memory cache across pages even when told not to store them; a test that makes a module
 * unreachable (or slow) must see the request reach the server.
 */
const freshModules = {
  name: 'fresh-modules-per-test-file',
  transformImport({ source, context }) {
    const id = context.URL.searchParams.get('wtr-session-id') ?? context.URL.searchParams.get('fresh');
    if (!id || !/^\.{0,2}\/(?!\/)/.test(source)) return undefined; // local: ./x, ../x, /x
    return `${source}${source.includes('?') ? '&' : '?'}fresh=${id}`;
  },
};

/**
 * `viewport` ({ width, height }) in every engine: the page's viewport through puppeteer (Chromium,
 * Firefox); the window through WebDriver (WebKit), which has no viewport command.
 */
const viewportCommand = {
  name: 'viewport-in-every-engine',
  async executeCommand({ command, payload, session }) {
    if (command !== 'viewport') return undefined;
    if (session.browser.type === 'puppeteer') {
      await session.browser.getPage(session.id).setViewport(payload);
      return true;
    }
    if (session.browser.type === 'webdriver') {
      await session.browser.driver.setWindowSize(payload.width, payload.height);
      return true;
    }
    throw new Error(`viewport: not supported for ${session.browser.type}`);
  },
};

/**
 * `shift-tab` in every engine: Shift held while Tab is pressed (focus moves back). The runner's own
 * `sendKeys` can hold a key only through puppeteer; WebDriver gets WebdriverIO's `keys()`, which
 * holds a modifier until it is sent again.
 */
const shiftTabCommand = {
  name: 'shift-tab-in-every-engine',
  async executeCommand({ command, session }) {
    if (command !== 'shift-tab') return undefined;
    if (session.browser.type === 'puppeteer') {
      const { keyboard } = session.browser.getPage(session.id);
      await keyboard.down('Shift');
      await keyboard.press('Tab');
      await keyboard.up('Shift');
      return true;
    }
    if (session.browser.type === 'webdriver') {
      await session.browser.driver.keys(['Shift', 'Tab', 'Shift']);
      return true;
    }
    throw new Error(`shift-tab: not supported for ${session.browser.type}`);
  },
};

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  // Firefox ESR through puppeteer-core over WebDriver BiDi; prefs keep it off the network.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: ensureFirefox(),
        headless: true,
        extraPrefsFirefox: {
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': 9,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': 9,
          'network.proxy.no_proxies_on': '127.0.0.1,localhost',
          'network.proxy.allow_hijacking_localhost': false,
        },
      },
    }),
  // WebKitGTK's MiniBrowser through WebKitWebDriver (scripts/webkit.mjs).
  webkit: async () => {
    const { port, capabilities } = await startWebKit();
    return webdriverLauncher({ hostname: '127.0.0.1', port, logLevel: 'error', capabilities });
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  // One engine at a time: they share the emulator, and tests set its clock and faults.
  concurrentBrowsers: 1,
  // A browser's first start on a fresh, busy machine (a new Firefox profile) has taken over 30 s.
  browserStartTimeout: 120_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  browsers: await Promise.all(wantedBrowsers().map((name) => launchers[name]())),
  // Strict CSP on every test page: no inline scripts or styles, no eval, nothing off-origin.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>stytch-mfa-elements tests</title>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  middleware: [
    async (ctx, next) => {
      const path = ctx.path;
      if (path.startsWith('/sdk/v1/') || path.startsWith('/__emulator/')) {
        ctx.respond = false;
        await emulator.handle(ctx.req, ctx.res);
        return;
      }
      if (path.startsWith('/api/')) {
        ctx.respond = false;
        ctx.res.statusCode = 200; // Koa starts every response at 404; Express expects Node's 200
        await new Promise((resolve, reject) => {
          ctx.res.once('finish', resolve);
          host(ctx.req, ctx.res, (error) => (error ? reject(error) : resolve()));
        });
        return;
      }
      if (path === '/__test/unreachable' && ctx.method === 'POST') {
        unreachable = (await readJson(ctx.req)).paths ?? [];
        ctx.body = { paths: unreachable };
        return;
      }
      if (path === '/__test/page' && ctx.method === 'POST') {
        page = String((await readJson(ctx.req)).html ?? '');
        ctx.body = { ok: true };
        return;
      }
      if (path === '/__test/page.html') {
        ctx.type = 'html';
        ctx.body = page;
        return;
      }
      if (path === '/__test/slow' && ctx.method === 'POST') {
        const body = await readJson(ctx.req);
        slow = { paths: body.paths ?? [], ms: Math.min(Number(body.ms) || 0, 5000) };
        ctx.body = slow;
        return;
      }
      if (slow.paths.some((part) => path.includes(part))) {
        await new Promise((resolve) => setTimeout(resolve, slow.ms));
      }
      if (unreachable.some((part) => path.includes(part))) {
        ctx.status = 503;
        return;
      }
      await next();
    },
  ],
  plugins: [
    freshModules,
    viewportCommand,
    shiftTabCommand,
    visualBaselines,
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    // CommonJS packages used in the browser: the QR encoder (the kit) and the QR decoder (the tests).
    cjsAsEsm(['qrcode', 'jsqr']),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countsReporter(process.env.WTR_COUNTS_FILE),
  ],
};
