import { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';
import type { StytchClientOptions } from '@stytch/vanilla-js';
import { emulatorNowMs, ORGANIZATION_IDS, SEED_PASSWORD, SEED_TOTP_SECRET } from './emulator.js';
import { totpCode } from './totp.js';

export const PUBLIC_TOKEN = 'public-token-test-3f9a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

type Client = InstanceType<typeof StytchB2BHeadlessClient>;
let client: Client | undefined;

/**
 * The page's one Stytch client, pointed at the emulator on this origin. `endpoints` is the SDK's
 * internal option that takes an http URL with a port verbatim (`customBaseUrl` forces https).
 */
export function testClient(): Client {
  client ??= new StytchB2BHeadlessClient(PUBLIC_TOKEN, {
    endpoints: { testAPIURL: location.origin, liveAPIURL: location.origin },
  } as StytchClientOptions);
  return client;
}

const STYTCH_COOKIES = ['stytch_session', 'stytch_session_jwt', 'stytch_intermediate_session_token'];

/** Signs the client out and forgets its cookies, so each test starts as a fresh visitor. */
export async function signOut(): Promise<void> {
  const c = testClient();
  if (c.session.getSync()) await c.session.revoke().catch(() => undefined);
  for (const name of STYTCH_COOKIES)
    document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
}

/** A password login (primary auth) for a seeded member, with the page's client. */
export function login(email: string, organizationId: string = ORGANIZATION_IDS.acme) {
  return testClient().passwords.authenticate({
    organization_id: organizationId,
    email_address: email,
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });
}

/**
 * A full session for totp@acme.test: the password, then a code from the seeded authenticator.
 * Resolves with the primary answer.
 */
export async function signInWithTotp() {
  const primary = await login('totp@acme.test');
  await testClient().totp.authenticate({
    organization_id: ORGANIZATION_IDS.acme,
    member_id: primary.member_id,
    code: totpCode(SEED_TOTP_SECRET, await emulatorNowMs()),
    session_duration_minutes: 60,
  });
  return primary;
}
