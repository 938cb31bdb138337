// Backend mode for the admin elements: <mfa-org-policy> and <mfa-members> inside
// <mfa-provider backend-url>, through the README's Express host (createMfaHandler and the official
// stytch package) against the emulator — Stytch's RBAC decides with the member's session.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-provider/mfa-provider.js';
import '../../../src/elements/mfa-org-policy/mfa-org-policy.js';
import '../../../src/elements/mfa-members/mfa-members.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaOrgPolicy } from '../../../src/elements/mfa-org-policy/mfa-org-policy.js';
import type { MfaMembers } from '../../../src/elements/mfa-members/mfa-members.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { backendClientFor } from '../../../src/stytch/backend-client.js';
import { ADMINS, memberRow, part, text } from '../support/admin.js';
import { lastSmsCode, MEMBER_IDS, ORGANIZATION_IDS, SEED } from '../support/emulator.js';
import { hostLogin } from '../support/logins.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { partText, visibleText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const BACKEND_URL = '/api/mfa';

/** The host's login (password), then — for a member whose organization requires it — their SMS code. */
async function signIn(
  email: string,
  organization_id: string = ORGANIZATION_IDS.acme,
  { secondStep = true } = {},
): Promise<void> {
  const response = await hostLogin(email, organization_id);
  const answer = (await response.json()) as { mfa_required?: boolean };
  // The page's backend client asks the host who is signed in now (a test signs several in).
  const client = backendClientFor(BACKEND_URL);
  const state = await client.getAuthResponse();
  if (!answer.mfa_required || !secondStep) return;
  const seeded = SEED.members.find((m) => m.email_address === email)!;
  if (state?.mfa_required?.secondary_auth_initiated !== 'sms_otp') {
    await client.otps.sms.send({ organization_id, member_id: seeded.member_id });
  }
  await client.otps.sms.authenticate({
    organization_id,
    member_id: seeded.member_id,
    code: await lastSmsCode(seeded.mfa_phone_number),
    session_duration_minutes: 60,
  });
}

async function inProvider<T extends HTMLElement>(
  tag: 'mfa-org-policy' | 'mfa-members' | 'mfa-flow',
): Promise<T> {
  const provider = await fixture<HTMLElement>(
    tag === 'mfa-org-policy'
      ? html`<mfa-provider backend-url=${BACKEND_URL}><mfa-org-policy></mfa-org-policy></mfa-provider>`
      : tag === 'mfa-members'
        ? html`<mfa-provider backend-url=${BACKEND_URL}><mfa-members></mfa-members></mfa-provider>`
        : html`<mfa-provider backend-url=${BACKEND_URL}><mfa-flow></mfa-flow></mfa-provider>`,
  );
  const el = provider.querySelector<T & { step: string | null }>(tag)!;
  await waitUntil(() => el.step !== null, `<${tag}> shows its first step`);
  return el;
}

/** The host's handler, called as the page would, by an operation's name. */
async function operation(name: string, body: unknown): Promise<{ status: number; error_type?: string }> {
  const response = await fetch(`${BACKEND_URL}/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { error_type?: string };
  return { status: response.status, error_type: answer.error_type };
}

function option(el: Element, partName: string, index: number): HTMLInputElement {
  return el.shadowRoot!.querySelectorAll(`[part~="${partName}"]`)[index]!.querySelector('input')!;
}

async function tick(input: HTMLInputElement): Promise<void> {
  input.focus();
  await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
}

/** Every body the page receives from the host's handler. */
const received: { url: string; body: string }[] = [];
const realFetch = window.fetch;

describe('backend mode: the admin elements through createMfaHandler', () => {
  const visitor = freshVisitor();
  beforeEach(async () => {
    await realFetch('/api/logout', { method: 'POST' });
    received.length = 0;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/api/mfa/')) received.push({ url, body: await response.clone().text() });
      return response;
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('an admin restricts acme to authenticator apps; new@acme.test is then asked for an app only', async () => {
    await signIn(ADMINS.acme);
    const el = await inProvider<MfaOrgPolicy>('mfa-org-policy');
    expect(part(el, 'read-only')).to.equal(null);
    await tick(option(el, 'methods-option', 1));
    await waitUntil(() => !option(el, 'method-option', 0).disabled, 'the methods can be chosen');
    await tick(option(el, 'method-option', 0));
    await press(part(el, 'submit-button'));
    await waitUntil(() => part(el, 'affected') !== null, 'who is affected');
    expect(partText(el, 'affected')).to.equal(
      '4 members have no second step they may use and will be asked to set one up at their next sign-in.',
    );
    await expect(el).to.be.accessible();
    await press(part(el, 'confirm-button'));
    await waitUntil(() => visitor.recorder.of('mfa-policy-changed').length === 1, 'saved');
    expect(visitor.recorder.of('mfa-policy-changed')[0]!.after).to.deep.equal({
      mfa_policy: 'REQUIRED_FOR_ALL',
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    });

    await fetch('/api/logout', { method: 'POST' });
    await signIn('new@acme.test', ORGANIZATION_IDS.acme, { secondStep: false });
    const flow = await inProvider<MfaFlow>('mfa-flow');
    await waitUntil(() => flow.step === 'scan-totp', 'straight to the authenticator app');
    expect(visibleText(flow)).not.to.contain('Text message');
  });

  it("an admin removes sms@acme.test's phone; that member must enroll again", async () => {
    await signIn(ADMINS.acme);
    const el = await inProvider<MfaMembers>('mfa-members');
    const row = () => memberRow(el, MEMBER_IDS.smsAcme);
    await waitUntil(() => row() !== null, 'the member listed');
    expect(text(row())).to.contain('Text message +1•••••••101');
    await press(row()!.querySelector('[part~="remove-phone-button"]'));
    await waitUntil(() => row()!.querySelector('[part~="confirmation"]') !== null, 'the confirmation');
    expect(text(row())).to.contain('Remove the phone of sms@acme.test?');
    await press(row()!.querySelector('[part~="confirm-button"]'));
    await waitUntil(() => visitor.recorder.of('mfa-member-updated').length === 1, 'removed');
    expect(visitor.recorder.of('mfa-member-updated')).to.deep.equal([
      { member_id: MEMBER_IDS.smsAcme, change: 'phone_removed' },
    ]);
    expect(text(row())).to.contain('No second step set up');
    // The list came masked from the host: no member's number, no token, reached the page.
    const admin = received.filter((r) => /\/api\/mfa\/(members|organization|rbac)\//.test(r.url));
    expect(admin.map((r) => new URL(r.url, location.href).pathname)).to.include.members([
      '/api/mfa/rbac/permissions',
      '/api/mfa/members/search',
      '/api/mfa/members/delete_phone',
    ]);
    for (const { url, body } of admin) {
      expect(body, url).not.to.match(/4155550101|4155550102|session_token|session_jwt/);
    }

    await fetch('/api/logout', { method: 'POST' });
    await signIn('sms@acme.test', ORGANIZATION_IDS.acme, { secondStep: false });
    const flow = await inProvider<MfaFlow>('mfa-flow');
    await waitUntil(() => flow.step === 'select-method', 'asked to set up a method again');
  });

  it('a member without the permission sees both read-only, and the handler relays Stytch’s refusals', async () => {
    await signIn('user@initech.test', ORGANIZATION_IDS.initech);
    const policy = await inProvider<MfaOrgPolicy>('mfa-org-policy');
    expect(partText(policy, 'read-only')).to.contain('your role does not allow changing');
    expect(part(policy, 'submit-button')).to.equal(null);
    const members = await inProvider<MfaMembers>('mfa-members');
    expect(partText(members, 'read-only')).to.equal(
      'Your role does not allow seeing the organization’s members.',
    );
    expect(visitor.recorder.of('mfa-error')).to.deep.equal([]);

    const refused = await Promise.all([
      operation('organization/update', { mfa_policy: 'REQUIRED_FOR_ALL' }),
      operation('members/search', { limit: 10 }),
      operation('members/update', { member_id: MEMBER_IDS.adminInitech, mfa_enrolled: true }),
      operation('members/delete_phone', { member_id: MEMBER_IDS.adminInitech }),
      operation('members/delete_totp', { member_id: MEMBER_IDS.adminInitech }),
    ]);
    expect(refused).to.deep.equal(
      Array.from({ length: 5 }, () => ({ status: 403, error_type: 'unauthorized_action' })),
    );
  });
});
