// Time until the first thing a member can use is on screen, side by side in one run: Stytch's own
// prebuilt B2B UI, <mfa-flow> from the CDN build and from a Vite-bundled app (returning MFA by SMS,
// by TOTP, and enrollment), a bare Lit element and a static page as floors. A fresh browser profile
// per load, pages interleaved, runs at 1x and 4x CPU; medians with min and max, the ratio to
// Stytch's UI, and each page's requests (one load) as a waterfall. Writes bench/results.json.
// Run by `npm run bench` after the byte figures; machines are noisy, so read the ratios.
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RATES = [1, 4];

const { createEmulator, ORGANIZATION_IDS, SEED_PASSWORD } = await import('../dist/emulator/index.js');
const emulator = createEmulator({ smsRateLimit: false });
const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-first-step-'));
const types = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.css': 'text/css',
  '.map': 'application/json',
};
const server = createServer((req, res) => {
  emulator.handle(req, res, () => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = path.startsWith('/cdn/')
      ? join('dist', path)
      : join(dir, path === '/' ? 'index.html' : path);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** A primary-auth answer for a seeded member, as the host's own login got it. */
async function answerFor(email) {
  const response = await fetch(`${origin}/sdk/v1/b2b/passwords/authenticate`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from('public-token-test-bench:public-token-test-bench').toString('base64')}`,
    },
    body: JSON.stringify({
      organization_id: ORGANIZATION_IDS.acme,
      email_address: email,
      password: SEED_PASSWORD,
    }),
  });
  return (await response.json()).data;
}

/** Bundles an entry as a page's own build would (Vite, minified), into dir/<name>/. */
async function bundle(name, entry) {
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    base: `/${name}/`,
    build: {
      outDir: join(dir, name),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      rolldownOptions: {
        input: entry,
        output: { entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
}

const page = (name, body, scripts, extra = '', want = '') =>
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html><html lang="en" data-api="${origin}" data-want="${want}"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/measure.js"></script>${extra}
${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}</head><body>${body}</body></html>`,
  );

writeFileSync(join(dir, 'measure.js'), (await import('node:fs')).readFileSync('bench/measure.js'));
writeFileSync(join(dir, 'set-response.js'), (await import('node:fs')).readFileSync('bench/set-response.js'));
await bundle('stytch-ui', 'bench/stytch-ui.js');
await bundle('kit-app', 'bench/kit-app.js');
await bundle('lit-floor', 'bench/lit-floor.js');

const routes = {
  'returning SMS': await answerFor('sms@acme.test'),
  'returning TOTP': await answerFor('totp@acme.test'),
  enrollment: await answerFor('new@acme.test'),
};
const flow = (response) =>
  `<mfa-provider public-token="public-token-test-bench" api-url="${origin}"><mfa-flow></mfa-flow></mfa-provider>
<script type="application/json" id="auth-response">${JSON.stringify(response)}</script>`;

const pages = [{ name: 'Stytch prebuilt B2B UI (email field)', file: 'stytch-ui' }];
page('stytch-ui', '<div id="ui"></div>', ['/stytch-ui/main.js']);
for (const [route, response] of Object.entries(routes)) {
  const slug = route.replace(/\s+/g, '-');
  page(`cdn-${slug}`, flow(response), ['/cdn/stytch-mfa-elements.js', '/set-response.js']);
  page(`app-${slug}`, flow(response), ['/kit-app/main.js']);
  pages.push({ name: `<mfa-flow> CDN build, ${route}`, file: `cdn-${slug}` });
  pages.push({ name: `<mfa-flow> Vite app, ${route}`, file: `app-${slug}` });
}
// The magic-link landing: from navigation with a fresh token in the URL to the SMS code field.
page('landing-stytch-ui', '<div id="ui"></div>', ['/stytch-ui/main.js'], '', 'code');
page(
  'landing-cdn',
  `<mfa-provider public-token="public-token-test-bench" api-url="${origin}"><mfa-flow handle-redirect></mfa-flow></mfa-provider>`,
  ['/cdn/stytch-mfa-elements.js'],
  '',
  'code',
);
pages.push(
  {
    name: 'Stytch prebuilt B2B UI, magic-link landing',
    file: 'landing-stytch-ui',
    base: 'landing-stytch-ui',
  },
  { name: '<mfa-flow handle-redirect> CDN build, landing', file: 'landing-cdn', base: 'landing-stytch-ui' },
);
page('lit-floor', '<bench-field></bench-field>', ['/lit-floor/main.js']);
page('static', '<label>Code <input autocomplete="one-time-code"></label>', []);
pages.push(
  { name: 'a bare Lit element (floor)', file: 'lit-floor' },
  { name: 'static HTML (floor)', file: 'static' },
);

// BENCH_SERVE=1: serve the pages and wait (to open or profile one by hand), measuring nothing.
if (process.env.BENCH_SERVE) {
  console.log(`Serving ${pages.map((p) => `${origin}/${p.file}.html`).join('\n        ')}`);
  await new Promise(() => {});
}
// BENCH_ONLY=a,b: only the pages whose file names contain one of these (Stytch's UI always runs).
const only = process.env.BENCH_ONLY?.split(',');
if (only)
  pages.splice(
    0,
    pages.length,
    ...pages.filter(
      (p) =>
        p.file.startsWith('stytch-ui') ||
        p.file === 'landing-stytch-ui' ||
        only.some((o) => p.file.includes(o)),
    ),
  );
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});

/** A fresh magic link for sms@acme.test that lands on a page (a token works once). */
async function landingLink(file) {
  await fetch(`${origin}/sdk/v1/b2b/magic_links/email/login_or_signup`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from('public-token-test-bench:public-token-test-bench').toString('base64')}`,
    },
    body: JSON.stringify({
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'sms@acme.test',
      login_redirect_url: `${origin}/${file}.html`,
    }),
  });
  const emails = await (await fetch(`${origin}/__emulator/email?to=sms@acme.test`)).json();
  return emails.at(-1).link;
}

async function load(file, rate, waterfall = false) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  tab.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
  await tab.goto(file.startsWith('landing-') ? await landingLink(file) : `${origin}/${file}.html`);
  await tab
    .waitForFunction(() => globalThis.firstFieldAt !== undefined, { timeout: 30_000 })
    .catch((error) => {
      throw new Error(`${file}: nothing usable showed (${problems.join('; ') || error.message})`);
    });
  const at = await tab.evaluate(() => globalThis.firstFieldAt);
  const requests = waterfall
    ? await tab.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
      )
    : [];
  await context.close();
  return { at, requests };
}

const results = {};
for (const rate of RATES) {
  for (const p of pages) await load(p.file, rate); // warm-up: the server's first answers and disk cache
  const times = Object.fromEntries(pages.map((p) => [p.file, []]));
  for (let run = 0; run < RUNS; run++)
    for (const p of pages) times[p.file].push((await load(p.file, rate)).at);
  results[`${rate}x`] = Object.fromEntries(
    pages.map((p) => {
      const sorted = times[p.file].sort((a, b) => a - b);
      return [
        p.file,
        { name: p.name, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) },
      ];
    }),
  );
}
const waterfalls = {};
for (const p of pages) waterfalls[p.file] = (await load(p.file, 1, true)).requests;
await browser.close();
server.close();
rmSync(dir, { recursive: true, force: true });

console.log(
  `\nTime to the first usable field (median of ${RUNS} cold loads; min–max; ratio to Stytch's UI):\n`,
);
const header = `${'page'.padEnd(46)}` + RATES.map((r) => `${`${r}x CPU`.padStart(24)}`).join('');
console.log(header);
for (const p of pages) {
  const cells = RATES.map((rate) => {
    const row = results[`${rate}x`][p.file];
    const ratio = row.median / results[`${rate}x`][p.base ?? 'stytch-ui'].median;
    return `${row.median.toFixed(0)} ms (${row.min.toFixed(0)}–${row.max.toFixed(0)}) ${ratio.toFixed(2)}`.padStart(
      24,
    );
  });
  console.log(`${p.name.padEnd(46)}${cells.join('')}`);
}
console.log('\nRequests of one load at 1x (ms from navigation: start → end):');
for (const p of pages) {
  console.log(`  ${p.name}`);
  for (const r of waterfalls[p.file])
    console.log(`    ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${r.name}`);
}
const table = [
  `| page (ratio: to Stytch's UI on the same page) | ${RATES.map((r) => `${r}x CPU | ratio`).join(' | ')} |`,
  `| --- | ${RATES.map(() => '---: | ---:').join(' | ')} |`,
  ...pages.map((p) => {
    const cells = RATES.map((rate) => {
      const row = results[`${rate}x`][p.file];
      return `${row.median.toFixed(0)} ms | ${(row.median / results[`${rate}x`][p.base ?? 'stytch-ui'].median).toFixed(2)}`;
    });
    return `| ${p.name.replace(/</g, '`<').replace(/>/g, '>`')} | ${cells.join(' | ')} |`;
  }),
].join('\n');
const measuredOn = new Date().toISOString().slice(0, 10);
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ measuredOn, runs: RUNS, results, waterfalls }, null, 2)}\n`,
);
writeFileSync('bench/results.md', `${table}\n`);
console.log(`\n${table}\n\nWritten to bench/results.json and bench/results.md (the README's table).`);
