// Primary logins as a host's own code makes them, without the kit or the SDK: through the README's
// Express host (backend mode), or straight to the emulator's SDK route (the answer a page hands the
// flow). Neither loads the Stytch SDK, so a test that must load it later can use them first.
import { expect } from '@open-wc/testing';
import type { AuthResponse } from '../../../src/stytch/member.js';
import { ORGANIZATION_IDS, SEED_PASSWORD } from './emulator.js';

/**
 * Signs a seeded member in through the README's Express host under /api (the session an HttpOnly
 * cookie); resolves with its answer. `request`: the fetch to use (the page's, by default, read when
 * called — a test that records the page's requests sees this one).
 */
export async function hostLogin(
  email: string,
  organization_id: string = ORGANIZATION_IDS.acme,
  request: typeof fetch = (input, init) => fetch(input, init),
): Promise<Response> {
  const response = await request('/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ organization_id, email_address: email, password: SEED_PASSWORD }),
  });
  expect(response.status, `login of ${email}`).to.equal(200);
  return response;
}

/** A seeded member's password login answer from the emulator's SDK route, under `publicToken`. */
export async function passwordAnswer(
  email: string,
  publicToken: string,
  organization_id: string = ORGANIZATION_IDS.acme,
): Promise<AuthResponse> {
  const response = await fetch('/sdk/v1/b2b/passwords/authenticate', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${btoa(`${publicToken}:${publicToken}`)}`,
    },
    body: JSON.stringify({ organization_id, email_address: email, password: SEED_PASSWORD }),
  });
  return ((await response.json()) as { data: AuthResponse }).data;
}
