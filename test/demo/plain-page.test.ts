// A plain HTML page that loads only the kit's CDN build (under a strict CSP): an email magic link from
// the emulator's outbox → <mfa-flow handle-redirect> → the SMS code → mfa-authenticated.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { B2BClient } from 'stytch';
import { createEmulator, ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } from '../../emulator/index.js';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { mfaStateScript } from '../../server/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where this test builds the CDN files it serves (under /cdn/). */
const built = mkdtempSync(join(tmpdir(), 'stytch-mfa-plain-page-'));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.map': 'application/json',
};

const TAGS = [
  'mfa-provider',
  'mfa-flow',
  'mfa-enroll',
  'mfa-authenticate',
  'sms-otp-input',
  'totp-setup',
  'mfa-recovery-codes',
  'mfa-code-input',
  'mfa-phone-input',
  'mfa-settings',
  'mfa-org-policy',
  'mfa-members',
];
/** What <mfa-flow>'s first step needs on every route: the ES entry defines these as it runs. */
const FIRST_STEP = [
  'mfa-provider',
  'mfa-flow',
  'mfa-enroll',
  'mfa-authenticate',
  'sms-otp-input',
  'mfa-code-input',
];

describe('a plain page with only the kit', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';
  /** The body of `/classic-state.html`, set by the test that opens it. */
  let classicStateBody = '';

  before(async () => {
    // The CDN build of the sources as they are, as a page loads it from unpkg or jsDelivr: built
    // here, into a folder of this test's own (other test files read dist/cdn meanwhile).
    for (const mode of ['production', 'classic']) {
      execFileSync(
        process.execPath,
        [
          'node_modules/vite/bin/vite.js',
          'build',
          '--mode',
          mode,
          '--logLevel',
          'warn',
          '--outDir',
          join(built, 'cdn'),
        ],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
    }
    const emulator = createEmulator();
    server = createServer((req, res) => {
      void emulator.handle(req, res, () => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/classic.html') {
          res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end(
              '<!doctype html><html lang="en"><head><title>classic</title>' +
                '<script src="/cdn/stytch-mfa-elements.classic.js"></script></head><body></body></html>',
            );
          return;
        }
        if (path === '/classic-state.html') {
          // The classic script in <head> defines the elements while the parser has yet to reach the
          // provider's children: the state the host's server wrote inside it, and its flow.
          res
            .writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' })
            .end(
              '<!doctype html><html lang="en"><head><title>classic state</title>' +
                '<script src="/cdn/stytch-mfa-elements.classic.js"></script></head>' +
                `<body>${classicStateBody}</body></html>`,
            );
          return;
        }
        if (path === '/es.html') {
          // The ES entry, then the page's own module: it runs once the entry has (module scripts run in order).
          res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end(
              '<!doctype html><html lang="en"><head><title>es</title>' +
                '<script type="module" src="/cdn/stytch-mfa-elements.js"></script>' +
                '<script type="module" src="/cdn-probe.js"></script></head><body></body></html>',
            );
          return;
        }
        if (path === '/cdn-probe.js') {
          res
            .writeHead(200, { 'Content-Type': 'text/javascript' })
            .end(`globalThis.atEntry = ${JSON.stringify(TAGS)}.filter((tag) => customElements.get(tag));`);
          return;
        }
        if (path === '/signed-in.html') {
          res
            .writeHead(200, { 'Content-Type': 'text/html' })
            .end('<!doctype html><html lang="en"><head><title>Signed in</title></head><body></body></html>');
          return;
        }
        if (path === '/plain.html') {
          const page = readFileSync(join(root, 'test/demo/fixtures/plain.html'), 'utf8').replace(
            '%ORIGIN%',
            origin,
          );
          res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
          return;
        }
        const file = join(built, path);
        if (!path.startsWith('/cdn/') || !existsSync(file)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
    rmSync(built, { recursive: true, force: true });
  });

  it('signs in by magic link and SMS with no script of its own', async () => {
    const auth = `Basic ${Buffer.from('public-token-test-plain-page:public-token-test-plain-page').toString('base64')}`;
    const sent = await fetch(`${origin}/sdk/v1/b2b/magic_links/email/login_or_signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: auth },
      body: JSON.stringify({
        email_address: 'sms@acme.test',
        organization_id: ORGANIZATION_IDS.acme,
        login_redirect_url: `${origin}/plain.html`,
      }),
    });
    assert.equal(sent.status, 200);
    const [email] = (await (await fetch(`${origin}/__emulator/email?to=sms@acme.test`)).json()) as {
      link: string;
    }[];
    assert.ok(email?.link.startsWith(`${origin}/plain.html?`));

    const page = await browser.newPage();
    const offOrigin: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) offOrigin.push(request.url());
    });
    // What the test watches (the page itself has no script): the kit's events and any CSP violation,
    // kept in sessionStorage so they outlive the page's own navigation to redirect-url.
    // (No named functions inside: the test's TypeScript loader would wrap them in a helper the page lacks.)
    await page.evaluateOnNewDocument(() => {
      for (const type of [
        'mfa-step',
        'mfa-sms-sent',
        'mfa-authenticated',
        'mfa-error',
        'securitypolicyviolation',
      ]) {
        document.addEventListener(type, (e) => {
          const key = type === 'securitypolicyviolation' ? 'violations' : 'seen';
          const value =
            e instanceof SecurityPolicyViolationEvent
              ? e.violatedDirective
              : { type, detail: (e as CustomEvent).detail };
          sessionStorage.setItem(
            key,
            JSON.stringify([...JSON.parse(sessionStorage.getItem(key) ?? '[]'), value]),
          );
        });
      }
    });
    const watched = () =>
      page.evaluate(() => ({
        seen: JSON.parse(sessionStorage.getItem('seen') ?? '[]') as {
          type: string;
          detail: { method: string | null; member: { email_address: string } };
        }[],
        violations: JSON.parse(sessionStorage.getItem('violations') ?? '[]') as string[],
      }));
    await page.goto(email!.link);
    await page.waitForFunction(
      () => document.querySelector('mfa-flow')?.getAttribute('step') === 'enter-sms-code',
      {
        timeout: 15_000,
      },
    );
    assert.equal(new URL(page.url()).search, '', 'the token left the address bar');

    const outbox = (await (await fetch(`${origin}/__emulator/sms?to=%2B14155550101`)).json()) as {
      code: string;
    }[];
    assert.equal(outbox.length, 1, 'one SMS: the one the login sent');
    await Promise.all([page.waitForNavigation({ timeout: 15_000 }), page.keyboard.type(outbox[0]!.code)]);
    assert.equal(new URL(page.url()).pathname, '/signed-in.html', 'it went on to redirect-url');
    const { seen, violations } = await watched();
    const authenticated = seen.find((e) => e.type === 'mfa-authenticated')!;
    assert.equal(authenticated.detail.method, 'sms_otp');
    assert.equal(authenticated.detail.member.email_address, 'sms@acme.test');
    assert.deepEqual(violations, []);
    assert.deepEqual(offOrigin, []);
    const cookies = await page.cookies();
    assert.ok(
      cookies.some((c) => c.name === 'stytch_session'),
      'a session cookie was set',
    );

    // Back on the page, signed in (as after a reload): done at once, and on to redirect-url again.
    await page.evaluate(() => sessionStorage.clear());
    await Promise.all([page.waitForNavigation({ timeout: 15_000 }), page.goto(`${origin}/plain.html`)]);
    await page.waitForFunction(() => location.pathname === '/signed-in.html', { timeout: 15_000 });
    const again = await watched();
    assert.deepEqual(
      again.seen.filter((e) => e.type !== 'mfa-step').map((e) => [e.type, e.detail.method]),
      [['mfa-authenticated', null]],
    );
    assert.deepEqual(again.violations, []);
  });

  it('the classic script registers every element', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/classic.html`);
    const defined = await page.evaluate((names) => names.filter((name) => customElements.get(name)), TAGS);
    assert.deepEqual(defined, TAGS);
  });

  it('the classic script in <head>: a backend-mode provider takes the state its server wrote in', async () => {
    // The host's server signed the member in (the login needs MFA; primary auth sent the SMS).
    const warn = console.warn; // the package warns about a custom env
    console.warn = () => undefined;
    const stytch = new B2BClient({ ...PROJECT, env: `${origin}/` });
    console.warn = warn;
    const answer = await stytch.passwords.authenticate({
      organization_id: ORGANIZATION_IDS.acme,
      email_address: 'sms@acme.test',
      password: SEED_PASSWORD,
    });
    classicStateBody = `<mfa-provider backend-url="/api/mfa">${mfaStateScript(answer)}<mfa-flow></mfa-flow></mfa-provider>`;
    const page = await browser.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/mfa')) asked.push(request.url());
    });
    await page.goto(`${origin}/classic-state.html`);
    // The step, or (the state missed) the request that asks instead: whichever comes first.
    await page.waitForFunction(
      () =>
        document.querySelector('mfa-flow')?.getAttribute('step') === 'enter-sms-code' ||
        performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/mfa')),
      { timeout: 15_000 },
    );
    assert.deepEqual(asked, [], 'no request asked who is signing in');
    const step = await page.evaluate(() => document.querySelector('mfa-flow')?.getAttribute('step'));
    assert.equal(step, 'enter-sms-code');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-mfa-state]').length), 0);
    await page.close();
  });

  it('the ES entry defines the first steps as it runs, and every other element by itself', async () => {
    // Nothing stands between the entry and the first step: it imports no chunk before it runs.
    const entry = readFileSync(join(built, 'cdn/stytch-mfa-elements.js'), 'utf8');
    assert.doesNotMatch(entry, /^import[^(]|[;}]import\s*[{*"'\w]/m);
    // V8's compile hint, which counts only on the file's first line: compiled while it downloads.
    assert.match(entry, /^\/\/# allFunctionsCalledOnLoad\n/);
    // Only there: the chunks and the classic script (most of their functions do not run at load)
    // are compiled as they are called, and start as built (no line added to shift their maps).
    const others = readdirSync(join(built, 'cdn/chunks'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `cdn/chunks/${name}`);
    for (const file of [...others, 'cdn/stytch-mfa-elements.classic.js']) {
      const text = readFileSync(join(built, file), 'utf8');
      assert.ok(!text.startsWith('\n') && !text.startsWith('//# allFunctions'), `${file} starts as built`);
    }
    const page = await browser.newPage();
    await page.goto(`${origin}/es.html`);
    const atEntry = await page.evaluate(() => (globalThis as { atEntry?: string[] }).atEntry);
    assert.deepEqual(atEntry, FIRST_STEP);
    // The others follow without the page doing anything (their chunk, requested by the entry).
    const defined = await page.evaluate(
      (names) =>
        Promise.all(names.map((name) => customElements.whenDefined(name))).then(() =>
          names.filter((name) => customElements.get(name)),
        ),
      TAGS,
    );
    assert.deepEqual(defined, TAGS);
  });

  it('the ES entry imported after `load` (a single-page app) still defines every element', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/signed-in.html`); // an empty page, loaded; nothing of the kit on it
    const defined = await page.evaluate(
      async (names, entry) => {
        await import(entry);
        const all = Promise.all(names.map((name) => customElements.whenDefined(name))).then(() => 'all');
        const late = new Promise((resolve) => setTimeout(() => resolve('not all within 5 s'), 5000));
        return Promise.race([all, late]);
      },
      TAGS,
      '/cdn/stytch-mfa-elements.js',
    );
    assert.equal(defined, 'all');
  });
});
