// The server entry: `npx tsx server.ts` (Node 20.6+), your project's credentials in STYTCH_PROJECT_ID
// and STYTCH_SECRET — or the emulator's, with STYTCH_BASE_URL=http://127.0.0.1:9010/ — then open
// http://127.0.0.1:3000/. The pages beside it: pages/login.html, pages/mfa.html, pages/account.html.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createApp } from './express.js';
import { landMagicLink } from './magic-link.js';
import { readSession } from './session-store.js';
import { stytchClient } from './stytch-client.js';

const stytch = stytchClient();
const app = createApp(stytch);
const page = (name: string) => fileURLToPath(new URL(`pages/${name}`, import.meta.url));
app.get('/', (_req, res) => res.sendFile(page('login.html')));
app.get('/favicon.ico', (_req, res) => res.status(204).end()); // yours here: none, without a 404
app.get('/mfa', async (req, res) => {
  res.set('Cache-Control', 'no-store');
  // A magic link's landing (`?stytch_token_type=multi_tenant_magic_links&token=…`): authenticated
  // here, and the page carries who is signing in, so its first step waits on no request.
  const { token, stytch_token_type: type } = req.query;
  if (type === 'multi_tenant_magic_links' && typeof token === 'string') {
    const cookies = new Request('http://host.invalid/', { headers: { cookie: req.headers.cookie ?? '' } });
    const landed = await landMagicLink(stytch, token, cookies);
    // The used token stays in this page's address only, not in what it links to.
    res.set('Referrer-Policy', 'no-referrer');
    if (landed) {
      const html = await readFile(page('mfa.html'), 'utf8');
      return res
        .set(landed.headers)
        .type('html')
        .send(html.replace('<!-- mfa-state -->', () => landed.state));
    }
    // Refused — used already (this page reloaded, the link opened again) or expired: the session a
    // first opening started goes on (the page asks who is signing in); without one, sign in again.
    if (!readSession(cookies)) return res.redirect(303, '/');
  }
  res.sendFile(page('mfa.html'));
});
// The kit without a bundler: its CDN build (dist/cdn: the entry and its lazy chunks) from the
// installed package, at /kit/stytch-mfa-elements.js.
const kit = dirname(createRequire(import.meta.url).resolve('stytch-mfa-elements/package.json'));
app.use('/kit', express.static(join(kit, 'dist/cdn')));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  process.stdout.write(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
});
