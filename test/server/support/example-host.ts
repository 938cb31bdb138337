// The README's Express host (examples/express.ts) as it ships: its own login, cookie and session
// store, the official `stytch` client (through the loopback proxy, as useHost's). Started before the
// file's tests.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { ORGANIZATION_IDS, SEED_PASSWORD } from '../../../emulator/index.js';
import { createApp } from '../../../examples/express.js';
import { useEmulator } from '../../emulator/helpers.js';
import { postTo, stytchClient, type Reply } from './host.js';
import { startProxy, type StytchProxy } from './stytch-proxy.js';

export interface ExampleHost {
  emulator: ReturnType<typeof useEmulator>;
  /** Where the host listens, once started. */
  base: string;
  /** Between the host's client and the emulator: its rules change what Stytch answers. */
  proxy: StytchProxy;
  post(path: string, body: unknown, cookie?: string, headers?: Record<string, string>): Promise<Reply>;
  /** A password login through the host's `/api/login`; returns its `Set-Cookie` header whole. */
  signIn(email: string, organization_id?: string): Promise<string>;
}

export function useExampleHost(): ExampleHost {
  const emulator = useEmulator();
  let server: Server;
  const host: ExampleHost = {
    emulator,
    base: '',
    proxy: undefined as unknown as StytchProxy,
    post: (path, body, cookie, headers) => postTo(host.base, path, body, cookie, headers),
    async signIn(email, organization_id = ORGANIZATION_IDS.acme) {
      const reply = await host.post('/api/login', {
        organization_id,
        email_address: email,
        password: SEED_PASSWORD,
      });
      assert.equal(reply.status, 200, reply.text);
      return reply.setCookie;
    },
  };
  // Node 20 runs top-level `before` hooks without waiting for the one before: the emulator may not be
  // listening yet, so the client goes through a proxy that reads the emulator's address per request.
  before(async () => {
    host.proxy = await startProxy(() => emulator.base);
    server = createApp(stytchClient(host.proxy.base)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    host.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => host.proxy.rules.clear());
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await host.proxy.close();
  });
  return host;
}
