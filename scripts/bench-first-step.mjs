// Time until the first thing a member can use is on screen, side by side in one run: Stytch's own
// prebuilt B2B UI, <mfa-flow> from the CDN build and from a Vite-bundled app (returning MFA by SMS,
// by TOTP, and enrollment, and the magic-link landing), a bare Lit element and a static page as
// floors. A fresh browser profile per load, pages interleaved, in three profiles: 1x CPU, 4x CPU, and
// Lighthouse's mobile profile (4x CPU, 150 ms round trip, 1.6 Mbps down, 750 Kbps up). Files are
// served brotli-compressed, as production servers do. Medians with min and max, the ratio to
// Stytch's UI, and each page's requests (one mobile load) as a waterfall with its depth: how many
// sequential round trips (the initiator chain, from CDP Network events) came before the first
// field. Writes bench/results.json.
// Run by `npm run bench` after the byte figures; machines are noisy, so read the ratios.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { B2BClient } from 'stytch';
import { build } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** CPU slowdown and network conditions (bytes per second; latency added to each request, in ms). */
const ALL_PROFILES = [
  { name: '1x', label: '1x CPU', rate: 1 },
  { name: '4x', label: '4x CPU', rate: 4 },
  {
    name: 'mobile',
    label: 'mobile',
    rate: 4,
    network: { latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8 },
  },
];
// BENCH_PROFILES=mobile,1x: only these profiles.
const PROFILES = process.env.BENCH_PROFILES
  ? ALL_PROFILES.filter((p) => process.env.BENCH_PROFILES.split(',').includes(p.name))
  : ALL_PROFILES;
const MOBILE = ALL_PROFILES[2];

const { createEmulator, ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } =
  await import('../dist/emulator/index.js');
const { createMfaHandler, hostSessionFrom, mfaStateScript } = await import('../dist/server/index.js');
const emulator = createEmulator({ smsRateLimit: false });

// Backend mode: the host's own server (the official `stytch` package against the emulator's backend
// API) keeps the member's login; a magic link lands on it, and it authenticates the token itself.
const backendApi = await emulator.listen(0);
const stytch = new B2BClient({ ...PROJECT, env: `http://127.0.0.1:${backendApi.address().port}/` });
const sessions = new Map();
const sessionId = (request) => /(?:^|;\s*)bench_session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1];
const startSession = (session) => {
  const id = randomBytes(16).toString('hex');
  sessions.set(id, session);
  return { 'Set-Cookie': `bench_session=${id}; HttpOnly; SameSite=Lax; Path=/` };
};
const mfa = createMfaHandler({
  stytch,
  getSession: (request) => sessions.get(sessionId(request)) ?? null,
  setSession: (session) => startSession(session),
});
/**
 * The landing of a backend-mode page: the link's token authenticated by the host's server, which
 * writes who is signing in into the page where it holds `<!-- mfa-state -->`.
 */
async function landOnServer(token, res, file) {
  const answer = await stytch.magicLinks.authenticate({ magic_links_token: token });
  const html = readFileSync(file, 'utf8').replace('<!-- mfa-state -->', () => mfaStateScript(answer));
  const body = compress(html);
  res.writeHead(200, {
    'Content-Type': 'text/html',
    'Content-Encoding': 'br',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer', // the used token stays in this page's URL only
    ...startSession(hostSessionFrom(answer)),
  });
  res.end(body);
}
const dir = mkdtempSync(join(tmpdir(), 'stytch-mfa-first-step-'));
const types = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.css': 'text/css',
  '.map': 'application/json',
};
/** Brotli at quality 11, as a CDN or a build step precompresses. */
const compress = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
/** Each file compressed once. */
const compressed = new Map();
const brotli = (file) => {
  if (!compressed.has(file)) compressed.set(file, compress(readFileSync(file)));
  return compressed.get(file);
};
const server = createServer((req, res) => {
  if (req.url.startsWith('/api/mfa/')) return void mfa.middleware(req, res);
  emulator.handle(req, res, () => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    if (path.startsWith('/landing-backend-') && url.searchParams.has('token'))
      return void landOnServer(url.searchParams.get('token'), res, join(dir, path)).catch(() =>
        res.writeHead(500).end('The landing failed.'),
      );
    const file = path.startsWith('/cdn/')
      ? join('dist', path)
      : join(dir, path === '/' ? 'index.html' : path);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (!existsSync(file)) return void res.writeHead(404).end();
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' };
    if (!/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, headers);
      return void res.end(readFileSync(file));
    }
    const body = brotli(file);
    res.writeHead(200, { ...headers, 'Content-Encoding': 'br', 'Content-Length': body.length });
    res.end(body);
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

writeFileSync(join(dir, 'measure.js'), readFileSync('bench/measure.js'));
writeFileSync(join(dir, 'set-response.js'), readFileSync('bench/set-response.js'));
await bundle('stytch-ui', 'bench/stytch-ui.js');
await bundle('kit-app', 'bench/kit-app.js');
await bundle('kit-app-sms', 'bench/kit-app-sms.js');
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
  // The app that imports the SMS step too: faster by SMS, and what that costs a route without it.
  if (route === 'enrollment') continue;
  page(`app-sms-${slug}`, flow(response), ['/kit-app-sms/main.js']);
  pages.push({ name: `<mfa-flow> Vite app importing the SMS step, ${route}`, file: `app-sms-${slug}` });
}
// The magic-link landing: from navigation with a fresh token in the URL to the SMS code field.
const landing = `<mfa-provider public-token="public-token-test-bench" api-url="${origin}"><mfa-flow handle-redirect></mfa-flow></mfa-provider>`;
page('landing-stytch-ui', '<div id="ui"></div>', ['/stytch-ui/main.js'], '', 'code');
page('landing-cdn', landing, ['/cdn/stytch-mfa-elements.js'], '', 'code');
page('landing-app', landing, ['/kit-app/main.js'], '', 'code');
// Backend mode: the host's server authenticated the link before it sent the page — no SDK on the
// page at all. The flow asks it who is signing in (one request), or the server wrote that into the
// page (`mfaStateScript`) and the first step waits on no request.
const landingBackend = (state = '') =>
  `<mfa-provider backend-url="/api/mfa">${state}<mfa-flow></mfa-flow></mfa-provider>`;
page('landing-backend-cdn', landingBackend(), ['/cdn/stytch-mfa-elements.js'], '', 'code');
page(
  'landing-backend-state-cdn',
  landingBackend('<!-- mfa-state -->'),
  ['/cdn/stytch-mfa-elements.js'],
  '',
  'code',
);
page('landing-backend-state-app', landingBackend('<!-- mfa-state -->'), ['/kit-app/main.js'], '', 'code');
pages.push(
  {
    name: 'Stytch prebuilt B2B UI, magic-link landing',
    file: 'landing-stytch-ui',
    base: 'landing-stytch-ui',
  },
  { name: '<mfa-flow handle-redirect> CDN build, landing', file: 'landing-cdn', base: 'landing-stytch-ui' },
  { name: '<mfa-flow handle-redirect> Vite app, landing', file: 'landing-app', base: 'landing-stytch-ui' },
  {
    name: '<mfa-flow> backend mode CDN build, landing (state asked)',
    file: 'landing-backend-cdn',
    base: 'landing-stytch-ui',
  },
  {
    name: '<mfa-flow> backend mode CDN build, landing (state in the page)',
    file: 'landing-backend-state-cdn',
    base: 'landing-stytch-ui',
  },
  {
    name: '<mfa-flow> backend mode Vite app, landing (state in the page)',
    file: 'landing-backend-state-app',
    base: 'landing-stytch-ui',
  },
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

/** The URL of what started a request: the parser's document or module, or the script on the stack. */
function initiatorUrl(initiator) {
  if (initiator.url) return initiator.url;
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((f) => f.url);
    if (frame) return frame.url;
  }
  return null;
}

/**
 * Loads a page in a fresh profile and returns when its first field showed. `waterfall`: also each
 * request (from CDP Network events) with the depth of its initiator chain — the document is 1, what
 * the document asks for 2, what that module imports or fetches 3… — and the round trips before the
 * first field: the deepest request that had finished by then.
 */
async function load(file, profile, waterfall = false) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.emulateCPUThrottling(profile.rate > 1 ? profile.rate : null);
  if (profile.network) await tab.emulateNetworkConditions(profile.network);
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  tab.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
  const sent = [];
  const finished = new Map();
  if (waterfall) {
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', ({ requestId, request, initiator, type, timestamp }) =>
      sent.push({ requestId, url: request.url, type, parent: initiatorUrl(initiator), timestamp }),
    );
    cdp.on('Network.loadingFinished', ({ requestId, timestamp }) => finished.set(requestId, timestamp));
  }
  await tab.goto(file.startsWith('landing-') ? await landingLink(file) : `${origin}/${file}.html`);
  await tab
    .waitForFunction(() => globalThis.firstFieldAt !== undefined, { timeout: 60_000 })
    .catch((error) => {
      throw new Error(`${file}: nothing usable showed (${problems.join('; ') || error.message})`);
    });
  const at = await tab.evaluate(() => globalThis.firstFieldAt);
  let requests = [];
  let depth = 0;
  if (waterfall) {
    const timing = await tab.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
    );
    const depthOf = new Map();
    const chain = new Map();
    for (const r of sent) {
      if (depthOf.has(r.url)) continue;
      // What it waited for: its initiator; a preload a script inserted names none (`about:client`),
      // so the script or API call that finished last before it; an API call, also the API call that
      // finished last before it (the SDK asks one after the other).
      const last = (...types) =>
        sent
          .filter(
            (o) => types.includes(o.type) && finished.get(o.requestId) <= r.timestamp && depthOf.has(o.url),
          )
          .sort((a, b) => finished.get(a.requestId) - finished.get(b.requestId))
          .at(-1)?.url;
      const candidates =
        r.type === 'Document'
          ? []
          : r.type === 'Other' // the favicon
            ? [sent[0].url]
            : [depthOf.has(r.parent) ? r.parent : last('Script', 'Fetch')];
      if (r.type === 'Fetch') candidates.push(last('Fetch'));
      const parent = candidates
        .filter(Boolean)
        .reduce((a, b) => (a && depthOf.get(a) >= depthOf.get(b) ? a : b), undefined);
      depthOf.set(r.url, parent ? depthOf.get(parent) + 1 : 1);
      chain.set(r.url, parent ? [...chain.get(parent), parent] : []);
    }
    const path = (url) => new URL(url).pathname;
    requests = timing.map((t) => ({
      name: path(t.url),
      start: t.start,
      end: t.end,
      depth: depthOf.get(t.url) ?? null,
    }));
    const before = timing.filter((t) => t.end <= at && depthOf.has(t.url));
    // The deepest; of equals, the last to arrive (what the first field waited for).
    const deepest = before.reduce(
      (a, b) =>
        !a ||
        depthOf.get(b.url) > depthOf.get(a.url) ||
        (depthOf.get(b.url) === depthOf.get(a.url) && b.end > a.end)
          ? b
          : a,
      null,
    );
    depth = deepest ? depthOf.get(deepest.url) : 1;
    requests.chain = deepest ? [...chain.get(deepest.url), deepest.url].map(path) : ['(document)'];
  }
  await context.close();
  return { at, requests, depth, chain: requests.chain };
}

const results = {};
for (const profile of PROFILES) {
  for (const p of pages) await load(p.file, profile); // warm-up: the server's first answers and disk cache
  const times = Object.fromEntries(pages.map((p) => [p.file, []]));
  for (let run = 0; run < RUNS; run++)
    for (const p of pages) times[p.file].push((await load(p.file, profile)).at);
  results[profile.name] = Object.fromEntries(
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
for (const p of pages) {
  const { requests, depth, chain } = await load(p.file, MOBILE, true);
  waterfalls[p.file] = { depth, chain, requests };
}
await browser.close();
server.close();
await emulator.close();
rmSync(dir, { recursive: true, force: true });

const ratio = (profile, p) =>
  results[profile.name][p.file].median / results[profile.name][p.base ?? 'stytch-ui'].median;
console.log(
  `\nTime to the first usable field (median of ${RUNS} cold loads; min–max; ratio to Stytch's UI):\n`,
);
console.log(`${'page'.padEnd(64)}${PROFILES.map((pr) => pr.label.padStart(26)).join('')}  round trips`);
for (const p of pages) {
  const cells = PROFILES.map((profile) => {
    const row = results[profile.name][p.file];
    return `${row.median.toFixed(0)} ms (${row.min.toFixed(0)}–${row.max.toFixed(0)}) ${ratio(profile, p).toFixed(2)}`.padStart(
      26,
    );
  });
  console.log(`${p.name.padEnd(64)}${cells.join('')}  ${waterfalls[p.file].depth}`);
}
console.log(
  '\nRequests of one load under the mobile profile (ms from navigation: start → end, [initiator depth]):',
);
for (const p of pages) {
  const { depth, chain, requests } = waterfalls[p.file];
  console.log(`  ${p.name}: ${depth} round trips before the first field (${chain.join(' → ')})`);
  for (const r of requests)
    console.log(
      `    ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  [${r.depth ?? '?'}] ${r.name}`,
    );
}
const table = [
  `| page (ratio: to Stytch's UI on the same page) | ${PROFILES.map((pr) => `${pr.label} | ratio`).join(' | ')} | round trips |`,
  `| --- | ${PROFILES.map(() => '---: | ---:').join(' | ')} | ---: |`,
  ...pages.map((p) => {
    const cells = PROFILES.map(
      (profile) => `${results[profile.name][p.file].median.toFixed(0)} ms | ${ratio(profile, p).toFixed(2)}`,
    );
    return `| ${p.name.replace(/</g, '`<').replace(/>/g, '>`')} | ${cells.join(' | ')} | ${waterfalls[p.file].depth} |`;
  }),
].join('\n');
const measuredOn = new Date().toISOString().slice(0, 10);
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ measuredOn, runs: RUNS, profiles: PROFILES, results, waterfalls }, null, 2)}\n`,
);
writeFileSync('bench/results.md', `${table}\n`);
console.log(`\n${table}\n\nWritten to bench/results.json and bench/results.md (the README's table).`);
