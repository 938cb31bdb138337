// An intermediate session lives 10 minutes at Stytch. Past that, the host's session must not keep
// telling whoever holds the cookie who was signing in (their email, their phone) for the cookie's life.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMBER_IDS, ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { readSession, startSession } from '../../examples/session-store.js';
import { hostSessionFrom } from '../../server/index.js';
import { call } from '../emulator/helpers.js';
import { useExampleHost } from './support/example-host.js';
import { useHost } from './support/host.js';
import { PROJECT_BASIC } from './support/leaks.js';

const host = useHost();
const example = useExampleHost();
const past = () => new Date(Date.now() - 1000).toISOString();
const credentials = {
  organization_id: ORGANIZATION_IDS.acme,
  email_address: 'sms@acme.test',
  password: SEED_PASSWORD,
};

/** A real intermediate session token from Stytch, as a primary login gives it. */
async function primary() {
  const auth = `Basic ${PROJECT_BASIC}`;
  return (await call(host.emulator.base, 'POST', '/v1/b2b/passwords/authenticate', credentials, { auth }))
    .body;
}

describe('an intermediate session past its expiry', () => {
  it('hostSessionFrom keeps when Stytch says it expires, else 10 minutes from now', () => {
    const at = '2030-01-01T00:10:00Z';
    const answer = { member_id: MEMBER_IDS.smsAcme, organization_id: ORGANIZATION_IDS.acme };
    const given = hostSessionFrom({
      ...answer,
      intermediate_session_token: 'ist',
      intermediate_session_token_expires_at: at,
    });
    assert.equal(given.intermediate_session_token_expires_at, at);
    const before = Date.now();
    const made = hostSessionFrom({ ...answer, intermediate_session_token: 'ist' });
    const expires = Date.parse(made.intermediate_session_token_expires_at!);
    assert.ok(
      expires >= before + 600_000 && expires <= Date.now() + 600_000,
      made.intermediate_session_token_expires_at,
    );
    assert.equal(
      hostSessionFrom({ ...answer, session_token: 's', session_jwt: 'j' })
        .intermediate_session_token_expires_at,
      undefined,
    );
  });

  it('is refused by the handler, which tells nothing about the member', async () => {
    const answer = await primary();
    const cookie = host.start({ ...hostSessionFrom(answer), intermediate_session_token_expires_at: past() });
    for (const operation of ['state', 'sms/send', 'totp/create']) {
      const reply = await host.post(`/api/mfa/${operation}`, {}, cookie);
      assert.equal(reply.status, 401, `${operation}: ${reply.text}`);
      assert.equal(reply.json.error_type, 'intermediate_session_not_found');
      assert.doesNotMatch(reply.text, /sms@acme|\+1415/);
    }
    const sms = await call(host.emulator.base, 'GET', '/__emulator/sms?to=%2B14155550101');
    assert.equal(sms.body.length, 1, 'only the login’s own code was sent');
    const fresh = host.start(hostSessionFrom(answer));
    assert.equal((await host.post('/api/mfa/state', {}, fresh)).status, 200);
  });

  it('is dropped by the example store', () => {
    const session = {
      ...hostSessionFrom({
        member_id: MEMBER_IDS.smsAcme,
        organization_id: ORGANIZATION_IDS.acme,
        intermediate_session_token: 'ist',
      }),
    };
    const live = startSession(session)['Set-Cookie'].split(';')[0]!;
    const old = startSession({ ...session, intermediate_session_token_expires_at: past() })[
      'Set-Cookie'
    ].split(';')[0]!;
    const request = (cookie: string) => new Request('http://app.test/', { headers: { cookie } });
    assert.equal(readSession(request(live))?.member_id, MEMBER_IDS.smsAcme);
    assert.equal(readSession(request(old)), null);
  });

  describe('in the README’s Express host', () => {
    it('signs the member out once Stytch’s expiry has passed, and the cookie lasts no longer', async () => {
      // Stands in for ten minutes passing: Stytch's answer says the session has already expired.
      example.proxy.rules.set('/v1/b2b/passwords/authenticate', {
        rewrite: (json) => ({ ...json, intermediate_session_token_expires_at: past() }),
      });
      const setCookie = await example.signIn('sms@acme.test');
      assert.ok(Number(/Max-Age=(\d+)/.exec(setCookie)![1]) <= 600, setCookie);
      const cookie = setCookie.split(';')[0]!;
      for (let i = 0; i < 2; i++) {
        const state = await example.post('/api/mfa/state', {}, cookie);
        // The store dropped it: no one is signed in (an answer, not an error), and nothing is told.
        assert.equal(state.status, 200, state.text);
        assert.equal(state.text, 'null');
      }
    });
  });
});
