// The one module that loads the Stytch SDK: <mfa-provider> creates its client here.
import { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';
import type { StytchClientOptions } from '@stytch/vanilla-js';
import type { StytchClient } from './types.js';

const clients = new Map<string, StytchClient>();

/**
 * The page's client for a public token and API base URL, created once: Stytch expects one client per
 * page, so providers that agree share it. `apiUrl` (a Stytch-compatible API such as the emulator, or
 * a proxy) goes through the SDK's `endpoints` option, which keeps http and the port as given.
 */
export function createClient(publicToken: string, apiUrl?: string): StytchClient {
  const key = `${publicToken} ${apiUrl ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    const base = apiUrl?.replace(/\/+$/, '');
    const options = base
      ? ({ endpoints: { testAPIURL: base, liveAPIURL: base } } as StytchClientOptions)
      : undefined;
    client = new StytchB2BHeadlessClient(publicToken, options);
    clients.set(key, client);
  }
  return client;
}
