// The server entry: `npx tsx server.ts` (Node 20.6+), your project's credentials in STYTCH_PROJECT_ID
// and STYTCH_SECRET — or the emulator's, with STYTCH_BASE_URL=http://127.0.0.1:9010/ — then open
// http://127.0.0.1:3000/. The pages beside it: pages/login.html, pages/mfa.html, pages/account.html.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createApp } from './express.js';
import { stytchClient } from './stytch-client.js';

const app = createApp(stytchClient());
const page = (name: string) => fileURLToPath(new URL(`pages/${name}`, import.meta.url));
app.get('/', (_req, res) => res.sendFile(page('login.html')));
app.get('/mfa', (_req, res) => res.sendFile(page('mfa.html')));
// The kit without a bundler: its CDN build (dist/cdn: the entry and its lazy chunks) from the
// installed package, at /kit/stytch-mfa-elements.js.
const kit = dirname(createRequire(import.meta.url).resolve('stytch-mfa-elements/package.json'));
app.use('/kit', express.static(join(kit, 'dist/cdn')));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  process.stdout.write(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
});
