// The one module that loads the Stytch SDK, when <mfa-provider> first needs a client: the SDK is
// the largest thing on the page and nothing needs it to paint the first step.
import type { StytchClientOptions } from '@stytch/vanilla-js';
import type * as HeadlessSdk from '@stytch/vanilla-js/b2b/headless';
import type { StytchClient } from './types.js';

type Sdk = typeof HeadlessSdk;

let sdk: Promise<Sdk> | undefined;
const clients = new Map<string, StytchClient>();
const key = (publicToken: string, apiUrl?: string) => `${publicToken} ${apiUrl ?? ''}`;

/**
 * Starts loading the SDK (once), without creating a client: for a page that needs it before anything
 * else, as a magic link's landing does.
 */
export function loadSdk(): Promise<Sdk> {
  sdk ??= import('@stytch/vanilla-js/b2b/headless');
  sdk.catch(() => (sdk = undefined)); // a failed load (the network) is tried again next time
  return sdk;
}

/** The client already created for a public token and API URL, if any. */
export function existingClient(publicToken: string, apiUrl?: string): StytchClient | null {
  return clients.get(key(publicToken, apiUrl)) ?? null;
}

/**
 * The page's client for a public token and API base URL, created once: Stytch expects one client per
 * page, so providers that agree share it. `apiUrl` (a Stytch-compatible API such as the emulator, or
 * a proxy) goes through the SDK's `endpoints` option, which keeps http and the port as given.
 */
export async function createClient(publicToken: string, apiUrl?: string): Promise<StytchClient> {
  const { StytchB2BHeadlessClient } = await loadSdk();
  let client = existingClient(publicToken, apiUrl);
  if (!client) {
    const base = apiUrl?.replace(/\/+$/, '');
    const options = base
      ? ({ endpoints: { testAPIURL: base, liveAPIURL: base } } as StytchClientOptions)
      : undefined;
    client = new StytchB2BHeadlessClient(publicToken, options);
    clients.set(key(publicToken, apiUrl), client);
  }
  return client;
}
