// How long the session a factor starts lasts: what the page asks for, capped at the host's
// `maxSessionDurationMinutes` (a week unless the host says otherwise), as the member session's own
// `started_at` and `expires_at` show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_TOTP_SECRET, totp } from '../../emulator/index.js';
import { useHost, type TestHost } from './support/host.js';

const WEEK = 60 * 24 * 7;

/** Signs in with the seed's TOTP member, asking for `minutes` (or not); the session's length in minutes. */
async function sessionMinutes(host: TestHost, minutes?: number | string): Promise<number> {
  const cookie = await host.login('totp@acme.test');
  const reply = await host.post(
    '/api/mfa/totp/authenticate',
    {
      code: totp(SEED_TOTP_SECRET, Date.now()),
      ...(minutes === undefined ? {} : { session_duration_minutes: minutes }),
    },
    cookie,
  );
  assert.equal(reply.status, 200, reply.text);
  const { started_at, expires_at } = reply.json.member_session as { started_at: string; expires_at: string };
  return Math.round((Date.parse(expires_at) - Date.parse(started_at)) / 60_000);
}

// One sign-in per test: a TOTP code works once, and the emulator is reset before each test.
describe('the session a factor starts', () => {
  const host = useHost();

  it('lasts what the page asks for', async () => {
    assert.equal(await sessionMinutes(host, 90), 90);
  });

  it('may last a week', async () => {
    assert.equal(await sessionMinutes(host, WEEK), WEEK);
  });

  it('lasts a week when the page asks for a month', async () => {
    assert.equal(await sessionMinutes(host, WEEK * 4), WEEK);
  });

  it('lasts Stytch’s default when the page asks in a string, not a number', async () => {
    assert.equal(await sessionMinutes(host, '90'), 60);
  });

  it('lasts Stytch’s default when the page asks for nothing', async () => {
    assert.equal(await sessionMinutes(host), 60);
  });
});

describe('the session a factor starts, with maxSessionDurationMinutes', () => {
  const host = useHost({ maxSessionDurationMinutes: 120 });

  it('is cut to the host’s limit', async () => {
    assert.equal(await sessionMinutes(host, 600), 120);
  });

  it('lasts less when the page asks for less', async () => {
    assert.equal(await sessionMinutes(host, 30), 30);
  });
});
