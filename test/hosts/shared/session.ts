// What every host app does before it shows an element: create its Stytch client against the emulator
// (same origin) and sign the member in by password, as the test names them in the page's URL.
import type { StytchClientOptions } from '@stytch/vanilla-js';
import { StytchB2BHeadlessClient } from '@stytch/vanilla-js/b2b/headless';
import type { AuthResponse, MfaClient } from 'stytch-mfa-elements';

export interface Session {
  client: MfaClient;
  authResponse: AuthResponse;
  /** The number the app already holds for the member: `<sms-otp-input phone-number>`. */
  phone: string;
}

export async function signIn(): Promise<Session> {
  const params = new URLSearchParams(location.search);
  // The SDK's `endpoints` option (not in its types) keeps http and the port of the emulator's URL.
  const endpoints = { testAPIURL: location.origin, liveAPIURL: location.origin };
  const client = new StytchB2BHeadlessClient('public-token-test-hosts', {
    endpoints,
  } as StytchClientOptions);
  const authResponse = await client.passwords.authenticate({
    organization_id: params.get('org') ?? '',
    email_address: params.get('email') ?? '',
    password: params.get('password') ?? '',
    session_duration_minutes: 60,
  });
  return { client, authResponse, phone: params.get('phone') ?? '' };
}

/** One line of the app's list of what it heard: the event and what its detail says. */
export function line(event: Event): string {
  const detail = (event as CustomEvent<Record<string, unknown>>).detail;
  const said = detail.step ?? detail.phoneNumber ?? detail.method ?? detail.code;
  return `${event.type} ${String(said)}`;
}
