// The state a host writes into its landing page (`mfaStateScript`): what the handler's `state`
// operation answers for the same login, no token in it, and markup no value can break out of.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ORGANIZATION_IDS, SEED_PASSWORD } from '../../emulator/index.js';
import { hostSessionFrom, mfaStateScript } from '../../server/index.js';
import { stytchClient, useHost } from './support/host.js';
import { leaksIn } from './support/leaks.js';

const host = useHost();

/** The JSON inside the element, read as a browser reads it. */
function stateIn(script: string): unknown {
  const match = /^<script type="application\/json" data-mfa-state>(.*)<\/script>$/s.exec(script);
  assert.ok(match, `one element: ${script.slice(0, 80)}`);
  return JSON.parse(match[1]!);
}

async function passwordLogin(email: string, organization_id: string = ORGANIZATION_IDS.acme) {
  const stytch = stytchClient(host.proxy.base);
  return stytch.passwords.authenticate({ organization_id, email_address: email, password: SEED_PASSWORD });
}

describe('mfaStateScript', () => {
  it('mid-login: the same answer the state operation gives, without the tokens', async () => {
    for (const email of ['sms@acme.test', 'totp@acme.test', 'new@acme.test']) {
      const answer = await passwordLogin(email);
      assert.ok(answer.intermediate_session_token, `${email} needs MFA`);
      const script = mfaStateScript(answer);
      const cookie = host.start(hostSessionFrom(answer));
      const asked = await host.post('/api/mfa/state', {}, cookie);
      assert.equal(asked.status, 200);
      assert.deepEqual(stateIn(script), asked.json, email);
      assert.deepEqual(leaksIn(script, [answer.intermediate_session_token, ...host.secrets()]), []);
    }
  });

  it('a login that needed no MFA: signed in, with the session but not its token or JWT', async () => {
    const answer = await passwordLogin('user@initech.test', ORGANIZATION_IDS.initech);
    assert.ok(answer.session_token, 'no MFA needed');
    const state = stateIn(mfaStateScript(answer)) as Record<string, any>;
    // What the operation answers for that session (its own check of it, a moment later).
    const asked = await host.post('/api/mfa/state', {}, host.start(hostSessionFrom(answer)));
    assert.equal(asked.status, 200);
    assert.deepEqual(
      { ...state, member_session: state.member_session.member_session_id },
      { ...asked.json, member_session: asked.json.member_session.member_session_id },
    );
    assert.equal(state.member_authenticated, true);
    assert.equal(state.mfa_required, null);
    assert.equal(state.member.email_address, 'user@initech.test');
    assert.equal(state.member_session.member_session_id, answer.member_session!.member_session_id);
    const text = JSON.stringify(state);
    assert.deepEqual(leaksIn(text, [answer.session_token, answer.session_jwt]), []);
  });

  it('escapes `<` and `$`: no value can end the element, open a comment, or splice a page in', () => {
    const name = "</script><script>alert(1)</script><!-- $' $& $`";
    const script = mfaStateScript({
      status_code: 200,
      member_id: 'member-1',
      member: { member_id: 'member-1', name, mfa_phone_number_verified: false },
      organization: { organization_id: 'organization-1' },
      intermediate_session_token: 'ist-1',
    });
    assert.equal(script.indexOf('</script>'), script.length - '</script>'.length);
    assert.ok(!script.includes('<!--'));
    assert.equal((stateIn(script) as { member: { name: string } }).member.name, name);
    // Pasted into a page with a plain string replacement, as a host may write it.
    const page = '<p>before</p><!-- mfa-state --><p>after</p>';
    const pasted = page.replace('<!-- mfa-state -->', script);
    assert.equal(pasted, `<p>before</p>${script}<p>after</p>`);
  });

  it('refuses what is not a success holding the member and organization, as the handler would', () => {
    assert.throws(() => mfaStateScript({ status_code: 401, error_type: 'unauthorized_credentials' }));
    assert.throws(() =>
      mfaStateScript({ status_code: 200, member_id: 'm', intermediate_session_token: 'x' }),
    );
  });
});
