import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANIZATION_IDS } from '../../emulator/index.js';
import { call, useEmulator } from './helpers.js';

const ctx = useEmulator();

async function sendLink(email: string, organization_id: string = ORGANIZATION_IDS.acme) {
  return call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/email/login_or_signup', {
    email_address: email,
    organization_id,
    login_redirect_url: 'http://127.0.0.1:8000/login.html',
  });
}

describe('email magic links', () => {
  it('puts the link in the outbox, and it signs in once', async () => {
    assert.equal((await sendLink('sms@acme.test')).status, 200);
    const outbox = (await call(ctx.base, 'GET', '/__emulator/email?to=sms@acme.test')).body;
    assert.equal(outbox.length, 1);
    const link = new URL(outbox[0].link);
    assert.equal(link.origin + link.pathname, 'http://127.0.0.1:8000/login.html');
    assert.equal(link.searchParams.get('stytch_token_type'), 'multi_tenant_magic_links');
    assert.ok(outbox[0].body.includes(outbox[0].link));

    const token = link.searchParams.get('token');
    const first = await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', {
      magic_links_token: token,
      session_duration_minutes: 60,
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.data.member_authenticated, false);
    assert.equal(first.body.data.mfa_required.secondary_auth_initiated, 'sms_otp');
    const again = await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', {
      magic_links_token: token,
      session_duration_minutes: 60,
    });
    assert.equal(again.status, 401);
    assert.equal(again.body.error_type, 'unable_to_auth_magic_link');
  });

  it('an unknown token is magic_link_not_found; an expired one unable_to_auth_magic_link', async () => {
    const unknown = await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', {
      magic_links_token: 'nope',
    });
    assert.equal(unknown.body.error_type, 'magic_link_not_found');
    await sendLink('new@acme.test');
    const token = new URL((await call(ctx.base, 'GET', '/__emulator/email')).body[0].link).searchParams.get(
      'token',
    );
    await call(ctx.base, 'POST', '/__emulator/clock', { advance_seconds: 61 * 60 });
    const late = await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', {
      magic_links_token: token,
    });
    assert.equal(late.body.error_type, 'unable_to_auth_magic_link');
  });

  it('a full session for an OPTIONAL organization member not enrolled', async () => {
    await sendLink('user@initech.test', ORGANIZATION_IDS.initech);
    const token = new URL((await call(ctx.base, 'GET', '/__emulator/email')).body[0].link).searchParams.get(
      'token',
    );
    const { body } = await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', {
      magic_links_token: token,
    });
    assert.equal(body.data.member_authenticated, true);
    assert.equal(body.data.member_session.authentication_factors[0].delivery_method, 'email');
  });

  it('exchanges an intermediate session for the same member in an organization', async () => {
    await sendLink('new@acme.test');
    const token = new URL((await call(ctx.base, 'GET', '/__emulator/email')).body[0].link).searchParams.get(
      'token',
    );
    const ist = (
      await call(ctx.base, 'POST', '/sdk/v1/b2b/magic_links/authenticate', { magic_links_token: token })
    ).body.data.intermediate_session_token;
    const exchanged = await call(ctx.base, 'POST', '/sdk/v1/b2b/discovery/intermediate_sessions/exchange', {
      organization_id: ORGANIZATION_IDS.acme,
      session_duration_minutes: 60,
      intermediate_session_token: ist,
    });
    assert.equal(exchanged.status, 200);
    assert.equal(exchanged.body.data.member_authenticated, false);
    assert.notEqual(exchanged.body.data.intermediate_session_token, ist);
    const reused = await call(ctx.base, 'POST', '/sdk/v1/b2b/discovery/intermediate_sessions/exchange', {
      organization_id: ORGANIZATION_IDS.acme,
      session_duration_minutes: 60,
      intermediate_session_token: ist,
    });
    assert.equal(reused.body.error_type, 'intermediate_session_not_found');
  });
});
