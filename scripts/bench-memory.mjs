// Memory: each element from the CDN build mounted and removed many times inside an <mfa-provider>
// (the emulator answers its calls); the JS heap after a forced GC (CDP `HeapProfiler.collectGarbage`)
// at 100 and at 500 mounts, and the listeners left on window and globalThis.document. Retained growth means a
// leak. Run by `npm run bench` after the timings; figures only.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const MOUNTS = Number(process.env.BENCH_MOUNTS ?? 500);
const { createEmulator, ORGANIZATION_IDS, MEMBER_IDS } = await import('../dist/emulator/index.js');
const emulator = createEmulator({ smsRateLimit: false });
const server = createServer((req, res) => {
  emulator.handle(req, res, () => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return void res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>memory</title>
<script type="module" src="/cdn/stytch-mfa-elements.js"></script></head><body><mfa-provider></mfa-provider></body></html>`,
      );
    }
    const file = join('dist', path);
    if (!path.startsWith('/cdn/') || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    createReadStream(file).pipe(res);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});
const tab = await browser.newPage();
await tab.goto(`${origin}/`);
await tab.evaluate(async (api) => {
  const provider = globalThis.document.querySelector('mfa-provider');
  provider.setAttribute('public-token', 'public-token-test-memory');
  provider.setAttribute('api-url', api);
  // The CDN entry defines the elements of no first step from a chunk: all of them, before measuring.
  await Promise.all(['mfa-flow', 'mfa-settings'].map((tag) => globalThis.customElements.whenDefined(tag)));
  await provider.getClient(); // the SDK's one-time load is not a mount's cost
}, origin);
const cdp = await tab.createCDPSession();
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
};
const listeners = async () => {
  let count = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    count += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners
      .length;
  }
  return count;
};
const tags = [
  'sms-otp-input',
  'totp-setup',
  'mfa-recovery-codes',
  'mfa-enroll',
  'mfa-authenticate',
  'mfa-flow',
  'mfa-settings',
  'mfa-org-policy',
  'mfa-members',
];
const mount = (tag, times) =>
  tab.evaluate(
    async (tag, times, ids) => {
      const provider = globalThis.document.querySelector('mfa-provider');
      for (let i = 0; i < times; i++) {
        const el = globalThis.document.createElement(tag);
        el.setAttribute('organization-id', ids.org);
        el.setAttribute('member-id', ids.member);
        el.setAttribute('phone-number', '+14155550101');
        el.toggleAttribute('sms-sent', true);
        provider.append(el);
        await el.updateComplete;
        el.remove();
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // calls still in flight answer
    },
    tag,
    times,
    { org: ORGANIZATION_IDS.acme, member: MEMBER_IDS.smsAcme },
  );
console.log(
  `\nMemory: each element mounted and removed ${MOUNTS} times (CDN build; heap after forced GC):\n`,
);
for (const tag of tags) {
  await mount(tag, 100);
  const [before, listenersBefore] = [await heap(), await listeners()];
  await mount(tag, MOUNTS - 100);
  const [after, listenersAfter] = [await heap(), await listeners()];
  const perMount = (after - before) / (MOUNTS - 100);
  console.log(
    `  <${tag}>`.padEnd(24) +
      `heap ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} KB (${perMount.toFixed(0)} B per mount), ` +
      `window/document listeners ${listenersBefore} → ${listenersAfter}`,
  );
}
await browser.close();
server.close();
