// `npm run bench`: the budget figures of shared/SPEC.md §2 — brotli bytes of what each element needs
// to first render (lazy chunks listed apart), the CDN entry with the Stytch client — and the time to
// first render of <sms-otp-input> from the CDN build in headless Chromium (median of several loads).
// Figures only: nothing here fails a build (the byte budgets are enforced by `npm test`).
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { elementEntries, flowFirstSteps, kb, measure } from './sizes.mjs';

console.log(
  'Bytes (minified, brotli), what loads before first render; the Stytch client excluded unless said:\n',
);
for (const { name, entry } of elementEntries()) {
  const { initialBytes, lazy } = await measure(entry);
  console.log(`${name.padEnd(22)} ${kb(initialBytes).padStart(9)}`);
  for (const chunk of lazy) console.log(`${''.padEnd(22)}   lazy: ${chunk.name} ${kb(chunk.bytes)}`);
}
console.log(
  '\n<mfa-flow> first step (its code with <mfa-authenticate>, then what the route loads), budget 15 KB:',
);
for (const { route, bytes } of await flowFirstSteps()) console.log(`  ${route}: ${kb(bytes)}`);
const cdn = await measure('src/cdn.ts', { withSdk: true });
console.log(`${'CDN entry'.padEnd(22)} ${kb(cdn.initialBytes).padStart(9)}`);
for (const chunk of cdn.lazy) console.log(`${''.padEnd(22)}   lazy: ${chunk.name} ${kb(chunk.bytes)}`);

// Time to first render, from the CDN build.
execFileSync('npx', ['vite', 'build', '--logLevel', 'silent'], { stdio: 'inherit' });
const { createEmulator } = await import('../dist/emulator/index.js').catch(() => {
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { stdio: 'inherit' });
  return import('../dist/emulator/index.js');
});
const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-bench-'));
const emulator = createEmulator();
const types = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };
const server = createServer((req, res) => {
  emulator.handle(req, res, () => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = path.startsWith('/cdn/')
      ? join('dist', path)
      : join(dir, path === '/' ? 'index.html' : path);
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
// The first mfa-step is the first step painted: measured from navigation start.
writeFileSync(
  join(dir, 'measure.js'),
  "document.addEventListener('mfa-step', () => { window.firstStepAt = performance.now(); }, { once: true });",
);
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/measure.js"></script>
<script type="module" src="/cdn/stytch-mfa-elements.js"></script></head><body>
<mfa-provider public-token="public-token-test-bench" api-url="${url.slice(0, -1)}">
<sms-otp-input organization-id="organization-test-6d1e2c8a-3f4b-4a51-9b1e-0a9f5c2d7e01"
  member-id="member-test-0f1e2d3c-4b5a-4697-8887-766554433201"></sms-otp-input>
</mfa-provider></body></html>`,
);
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});
const times = [];
for (let run = 0; run < 7; run++) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => globalThis.firstStepAt !== undefined, { timeout: 10_000 });
  times.push(await page.evaluate(() => globalThis.firstStepAt));
  await context.close();
}
await browser.close();
server.close();
times.sort((a, b) => a - b);
console.log(
  `\nTime to first step of <sms-otp-input> (CDN build, from navigation): median ${times[3].toFixed(0)} ms ` +
    `(min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}; 7 cold loads)`,
);
