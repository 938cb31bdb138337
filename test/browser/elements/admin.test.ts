// <mfa-org-policy> and <mfa-members>: an organization's admins change its MFA policy and its
// members' second factors, with the real SDK against the emulator's RBAC — and the next sign-in of
// the members concerned asks what the change says.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/mfa-org-policy/mfa-org-policy.js';
import '../../../src/elements/mfa-members/mfa-members.js';
import '../../../src/elements/mfa-flow/mfa-flow.js';
import type { MfaOrgPolicy } from '../../../src/elements/mfa-org-policy/mfa-org-policy.js';
import type { MfaMembers } from '../../../src/elements/mfa-members/mfa-members.js';
import type { MfaFlow } from '../../../src/elements/mfa-flow/mfa-flow.js';
import { ADMINS, memberRow, part, signInFully, text, withoutPermissions } from '../support/admin.js';
import { login, signOut, testClient } from '../support/client.js';
import { injectFault, MEMBER_IDS, ORGANIZATION_IDS } from '../support/emulator.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '../support/keys.js';
import '../support/network-guard.js';
import { deepActiveElement, partText, visibleText } from '../support/shadow.js';
import { freshVisitor } from '../support/visitor.js';
import { waitUntil } from '../support/wait.js';

const client = testClient();

async function policyFor(
  email: string,
  organizationId?: string,
  withClient: typeof client = client,
): Promise<MfaOrgPolicy> {
  await signInFully(email, organizationId);
  const el = await fixture<MfaOrgPolicy>(html`<mfa-org-policy .client=${withClient}></mfa-org-policy>`);
  await waitUntil(() => el.step === 'select-method', 'the policy');
  return el;
}

async function membersFor(
  email: string,
  { organizationId = ORGANIZATION_IDS.acme as string, pageSize = 20 } = {},
): Promise<MfaMembers> {
  await signInFully(email, organizationId);
  const el = await fixture<MfaMembers>(
    html`<mfa-members .client=${client} page-size=${pageSize}></mfa-members>`,
  );
  await waitUntil(() => el.step === 'select-method', 'the members');
  return el;
}

/** The radio or checkbox inside a labelled option. */
function option(el: Element, partName: string, index: number): HTMLInputElement {
  const labels = el.shadowRoot!.querySelectorAll(`[part~="${partName}"]`);
  return labels[index]!.querySelector('input')!;
}

/** Ticks or unticks a radio or checkbox the way a keyboard user does: focus, then Space. */
async function tick(input: HTMLInputElement): Promise<void> {
  input.focus();
  await sendKeys({ press: ' ' /* Space: BiDi keyboards know it as ' ' */ });
}

/** The next sign-in of a member: their password, then <mfa-flow> with what Stytch answered. */
async function nextSignIn(email: string, organizationId: string = ORGANIZATION_IDS.acme): Promise<MfaFlow> {
  await signOut();
  const primary = await login(email, organizationId);
  const el = await fixture<MfaFlow>(html`<mfa-flow .client=${client} .authResponse=${primary}></mfa-flow>`);
  await waitUntil(() => el.step !== null, 'the first step');
  return el;
}

describe('<mfa-org-policy> and <mfa-members>', () => {
  const visitor = freshVisitor();

  it("an admin restricts acme's required MFA to authenticator apps; new@acme.test is then asked for an app only", async () => {
    const el = await policyFor(ADMINS.acme);
    await expect(el).to.be.accessible();
    expect(part(el, 'read-only')).to.equal(null);
    expect(option(el, 'policy-option', 0).checked, 'required').to.equal(true);
    expect(option(el, 'methods-option', 0).checked, 'all methods').to.equal(true);

    await tick(option(el, 'methods-option', 1)); // only the methods chosen here
    await waitUntil(() => !option(el, 'method-option', 0).disabled, 'the methods can be chosen');
    await tick(option(el, 'method-option', 0)); // no text message
    expect(option(el, 'method-option', 0).checked).to.equal(false);
    expect(option(el, 'method-option', 1).checked).to.equal(true);

    await press(part(el, 'submit-button'));
    await waitUntil(() => part(el, 'affected') !== null, 'who is affected');
    // new@ and later@acme.test have no second step; sms@ and admin@acme.test only a text message.
    expect(partText(el, 'affected')).to.equal(
      '4 members have no second step they may use and will be asked to set one up at their next sign-in.',
    );
    await expect(el).to.be.accessible();

    await press(part(el, 'confirm-button'));
    await waitUntil(() => partText(el, 'status') === 'Policy saved.', 'saved');
    const [changed] = visitor.recorder.of('mfa-policy-changed');
    expect(changed).to.deep.equal({
      before: { mfa_policy: 'REQUIRED_FOR_ALL', mfa_methods: 'ALL_ALLOWED', allowed_mfa_methods: [] },
      after: { mfa_policy: 'REQUIRED_FOR_ALL', mfa_methods: 'RESTRICTED', allowed_mfa_methods: ['totp'] },
    });
    const org = await client.organization.get();
    expect([org!.mfa_methods, org!.allowed_mfa_methods]).to.deep.equal(['RESTRICTED', ['totp']]);

    const flow = await nextSignIn('new@acme.test');
    await waitUntil(() => flow.step === 'scan-totp', 'straight to the authenticator app');
    expect(visibleText(flow)).not.to.contain('Text message');
  });

  it('an admin requires MFA for initech; user@initech.test is then asked to set up a second step', async () => {
    const el = await policyFor(ADMINS.initech, ORGANIZATION_IDS.initech);
    expect(option(el, 'policy-option', 1).checked, 'optional').to.equal(true);
    await tick(option(el, 'policy-option', 0));
    await press(part(el, 'submit-button'));
    await waitUntil(() => part(el, 'confirm-button') !== null, 'the review');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('affected');
    await press(part(el, 'confirm-button'));
    await waitUntil(() => visitor.recorder.of('mfa-policy-changed').length === 1, 'saved');
    expect(visitor.recorder.of('mfa-policy-changed')[0]!.after.mfa_policy).to.equal('REQUIRED_FOR_ALL');

    const flow = await nextSignIn('user@initech.test', ORGANIZATION_IDS.initech);
    await waitUntil(() => flow.step === 'select-method', 'asked to choose a method to set up');
  });

  it('saves for a role without member search, saying it cannot count who is affected', async () => {
    // A role with both organization actions but not `stytch.member` `search`: the SDK's RBAC says no
    // to search (a client wrapper, see withoutPermissions) and the emulator refuses a search as Stytch would.
    const narrow = withoutPermissions(client, [['stytch.member', 'search']]);
    const el = await policyFor(ADMINS.acme, ORGANIZATION_IDS.acme, narrow);
    await injectFault({
      path: '/b2b/organizations/me/members/search',
      status: 403,
      error_type: 'unauthorized_action',
    });
    expect(part(el, 'read-only')).to.equal(null);
    await tick(option(el, 'policy-option', 1)); // optional
    await press(part(el, 'submit-button'));
    await waitUntil(() => part(el, 'confirm-button') !== null || partText(el, 'error') !== '', 'the review');
    expect(partText(el, 'error')).to.equal('');
    expect(partText(el, 'affected')).to.equal(
      'Your role does not allow searching the members, so who this change affects cannot be counted.',
    );
    expect(deepActiveElement()?.getAttribute('part')).to.equal('affected');
    await expect(el).to.be.accessible();
    await press(part(el, 'confirm-button'));
    await waitUntil(() => partText(el, 'status') === 'Policy saved.', 'saved');
    expect(visitor.recorder.of('mfa-error')).to.deep.equal([]);
    const org = await client.organization.get();
    expect(org!.mfa_policy).to.equal('OPTIONAL');
  });

  it('locks only the part of the policy the role cannot change, and says which', async () => {
    const onlyPolicy = await policyFor(
      ADMINS.acme,
      ORGANIZATION_IDS.acme,
      withoutPermissions(client, [['stytch.organization', 'update.settings.allowed-mfa-methods']]),
    );
    expect(partText(onlyPolicy, 'read-only'), 'no read-only notice').to.equal('');
    expect(partText(onlyPolicy, 'locked')).to.equal(
      'Your role does not allow changing the methods members may use.',
    );
    expect(option(onlyPolicy, 'policy-option', 1).disabled).to.equal(false);
    expect(option(onlyPolicy, 'methods-option', 1).disabled).to.equal(true);
    expect(option(onlyPolicy, 'method-option', 0).disabled).to.equal(true);
    await expect(onlyPolicy).to.be.accessible();
    await tick(option(onlyPolicy, 'policy-option', 1));
    await press(part(onlyPolicy, 'submit-button'));
    await waitUntil(() => part(onlyPolicy, 'confirm-button') !== null, 'the review');
    await press(part(onlyPolicy, 'confirm-button'));
    await waitUntil(() => partText(onlyPolicy, 'status') === 'Policy saved.', 'saved');

    await signOut();
    const onlyMethods = await policyFor(
      ADMINS.acme,
      ORGANIZATION_IDS.acme,
      withoutPermissions(client, [['stytch.organization', 'update.settings.mfa-policy']]),
    );
    expect(partText(onlyMethods, 'read-only'), 'no read-only notice').to.equal('');
    expect(partText(onlyMethods, 'locked')).to.equal(
      'Your role does not allow changing whether a second step is required.',
    );
    expect(option(onlyMethods, 'policy-option', 0).disabled).to.equal(true);
    expect(option(onlyMethods, 'methods-option', 1).disabled).to.equal(false);
    await expect(onlyMethods).to.be.accessible();
  });

  it("an admin removes sms@acme.test's phone after a confirmation; that member must enroll again", async () => {
    const el = await membersFor(ADMINS.acme);
    await expect(el).to.be.accessible();
    const row = () => memberRow(el, MEMBER_IDS.smsAcme);
    expect(text(row()))
      .to.contain('sms@acme.test')
      .and.contain('Text message +1•••••••101')
      .and.contain('Required by the organization');
    expect(text(row())).not.to.contain('4155550101');

    await press(row()!.querySelector('[part~="remove-phone-button"]'));
    await waitUntil(() => row()!.querySelector('[part~="confirmation"]') !== null, 'the confirmation');
    expect(text(row()!.querySelector('[part~="confirmation"]')))
      .to.contain('Remove the phone of sms@acme.test?')
      .and.contain('At their next sign-in they will be asked to set up a second step.');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('cancel-button');
    await expect(el).to.be.accessible();

    await press(row()!.querySelector('[part~="confirm-button"]'));
    await waitUntil(() => visitor.recorder.of('mfa-member-updated').length === 1, 'removed');
    expect(visitor.recorder.of('mfa-member-updated')).to.deep.equal([
      { member_id: MEMBER_IDS.smsAcme, change: 'phone_removed' },
    ]);
    expect(partText(el, 'status')).to.equal('The phone of sms@acme.test was removed.');
    expect(text(row())).to.contain('No second step set up');
    expect(row()!.querySelector('[part~="remove-phone-button"]')).to.equal(null);

    const flow = await nextSignIn('sms@acme.test');
    await waitUntil(() => flow.step === 'select-method', 'asked to set up a method again');
  });

  it("marks the admin's own row, and warns before they remove their own method", async () => {
    const el = await membersFor(ADMINS.acme);
    const own = el.shadowRoot!.querySelector('[part~="member"]:has([part~="you"])')!;
    expect(text(own)).to.contain(ADMINS.acme).and.contain('You');
    expect(text(own.querySelector('[part~="own-warning"]'))).to.equal(
      'This is you: removing your own method may sign you out of actions that need a second step.',
    );
    const others = [...el.shadowRoot!.querySelectorAll('[part~="own-warning"]')];
    expect(others).to.have.length(1);
  });

  it('requires MFA for one member of an optional organization, naming what they will be asked', async () => {
    const members = await membersFor(ADMINS.initech, { organizationId: ORGANIZATION_IDS.initech });
    const row = () => memberRow(members, MEMBER_IDS.userInitech);
    expect(text(row())).to.contain('Not required');
    await press(row()!.querySelector('[part~="require-button"]'));
    await waitUntil(() => row()!.querySelector('[part~="confirmation"]') !== null, 'the confirmation');
    expect(text(row())).to.contain('Require a second step for user@initech.test?');
    expect(text(row())).to.contain('asked to set up a second step');
    await press(row()!.querySelector('[part~="confirm-button"]'));
    await waitUntil(() => text(row()).includes('Required for this member'), 'required');
    // The row has no button left: the keyboard stays in the row, on the member's name.
    expect(row()!.querySelector('button')).to.equal(null);
    await waitUntil(() => deepActiveElement() !== document.body, 'focus placed');
    const focused = deepActiveElement();
    expect(row()!.contains(focused), `focus is on ${focused?.outerHTML}`).to.equal(true);
    expect(text(focused)).to.contain('user@initech.test');
    expect(visitor.recorder.of('mfa-member-updated')).to.deep.equal([
      { member_id: MEMBER_IDS.userInitech, change: 'mfa_required' },
    ]);
  });

  it('pages through the members with the search cursor, and searches by email', async () => {
    const el = await membersFor(ADMINS.acme, { pageSize: 2 });
    const rows = () => [...el.shadowRoot!.querySelectorAll('[part~="member"]')];
    expect(rows()).to.have.length(2);
    const total = Number(/of (\d+)/.exec(partText(el, 'range'))![1]);
    expect(total).to.be.at.least(4);
    expect(partText(el, 'range')).to.equal(`1–2 of ${total}`);
    expect(part(el, 'previous-button')!.getAttribute('aria-disabled')).to.equal('true');
    const first = rows().map((r) => r.getAttribute('data-member-id'));

    await press(part(el, 'next-button'));
    await waitUntil(() => partText(el, 'range').startsWith('3–'), 'the second page');
    const second = rows().map((r) => r.getAttribute('data-member-id'));
    expect(second.some((id) => first.includes(id))).to.equal(false);

    await press(part(el, 'previous-button'));
    await waitUntil(() => partText(el, 'range').startsWith('1–'), 'the first page again');
    expect(rows().map((r) => r.getAttribute('data-member-id'))).to.deep.equal(first);

    part<HTMLInputElement>(el, 'search-input')!.focus();
    await sendKeys({ type: 'totp@' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows().length === 1, 'one match');
    expect(rows()[0]!.getAttribute('data-member-id')).to.equal(MEMBER_IDS.totpAcme);
    await expect(el).to.be.accessible();
  });

  it('announces the members shown after each page turn and search', async () => {
    const el = await membersFor(ADMINS.acme, { pageSize: 2 });
    const total = Number(/of (\d+)/.exec(partText(el, 'range'))![1]);
    await press(part(el, 'next-button'));
    await waitUntil(() => partText(el, 'range').startsWith('3–'), 'the second page');
    await waitUntil(() => partText(el, 'status') === `Members 3–4 of ${total}`, 'the second page announced');
    await press(part(el, 'previous-button'));
    await waitUntil(() => partText(el, 'status') === `Members 1–2 of ${total}`, 'the first page announced');
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await sendKeys({ type: 'totp@' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partText(el, 'status') === 'Members 1–1 of 1', 'the search announced');
    // No match: said once, where it is announced — not also in place of the list.
    part<HTMLInputElement>(el, 'search-input')!.select();
    await sendKeys({ type: 'nobody-here@' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partText(el, 'status') === 'No member matches.', 'no match announced');
    expect(visibleText(el).split('No member matches.')).to.have.length(2);
  });

  it('asks for 3 characters before a search Stytch would refuse, keeping what was typed', async () => {
    const el = await membersFor(ADMINS.acme);
    const rows = () => el.shadowRoot!.querySelectorAll('[part~="member"]').length;
    const before = rows();
    const searches = () =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/members/search')).length;
    const sent = searches();
    const errors: Event[] = [];
    el.addEventListener('mfa-error', (event) => errors.push(event));
    part<HTMLInputElement>(el, 'search-input')!.focus();
    await sendKeys({ type: 'to' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => partText(el, 'error') !== '', 'the hint');
    expect(partText(el, 'error')).to.equal('Type at least 3 characters of an email address.');
    expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('to');
    expect(deepActiveElement()).to.equal(part(el, 'search-input'));
    expect(rows()).to.equal(before);
    expect(searches()).to.equal(sent);
    expect(errors).to.have.length(0);

    await sendKeys({ type: 'tp@' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows() === 1, 'one match');
    expect(partText(el, 'error')).to.equal('');
  });

  it('a member without the permission sees both read-only, and the emulator refuses their calls', async () => {
    await signInFully('sms@acme.test');
    const policy = await fixture<MfaOrgPolicy>(html`<mfa-org-policy .client=${client}></mfa-org-policy>`);
    await waitUntil(() => policy.step === 'select-method', 'the policy');
    expect(partText(policy, 'read-only')).to.contain('your role does not allow changing');
    for (const input of policy.shadowRoot!.querySelectorAll('input')) expect(input.disabled).to.equal(true);
    expect(part(policy, 'submit-button')).to.equal(null);
    expect(option(policy, 'policy-option', 0).checked).to.equal(true);
    await expect(policy).to.be.accessible();

    const members = await fixture<MfaMembers>(html`<mfa-members .client=${client}></mfa-members>`);
    await waitUntil(() => members.step === 'select-method', 'the members');
    expect(partText(members, 'read-only')).to.equal(
      'Your role does not allow seeing the organization’s members.',
    );
    expect(members.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(members).to.be.accessible();
    expect(visitor.recorder.of('mfa-error')).to.deep.equal([]);

    // Not only hidden buttons: every admin call by this member is refused by Stytch's RBAC.
    const calls: [string, () => Promise<unknown>][] = [
      ['organization.update', () => client.organization.update({ mfa_policy: 'OPTIONAL' })],
      ['members.search', () => client.organization.members.search({ limit: 10 })],
      [
        'members.update',
        () => client.organization.members.update({ member_id: MEMBER_IDS.newAcme, mfa_enrolled: true }),
      ],
      ['deleteMFAPhoneNumber', () => client.organization.members.deleteMFAPhoneNumber(MEMBER_IDS.totpAcme)],
      ['deleteMFATOTP', () => client.organization.members.deleteMFATOTP(MEMBER_IDS.totpAcme)],
    ];
    for (const [name, call] of calls) {
      const error = await call().then(
        () => null,
        (e: unknown) => e as { status_code?: number; error_type?: string },
      );
      expect(error?.status_code, name).to.equal(403);
      expect(error?.error_type, name).to.equal('unauthorized_action');
    }
    await signOut();
    await signInFully(ADMINS.acme);
    const org = await client.organization.get();
    expect(org!.mfa_policy).to.equal('REQUIRED_FOR_ALL');
  });

  it('shows a refusal by Stytch as a message and fires mfa-error', async () => {
    const el = await policyFor(ADMINS.acme);
    await tick(option(el, 'policy-option', 1));
    await press(part(el, 'submit-button'));
    await waitUntil(() => part(el, 'confirm-button') !== null, 'the review');
    await injectFault({ path: '/b2b/organizations/me', status: 403, error_type: 'unauthorized_action' });
    await press(part(el, 'confirm-button'));
    await waitUntil(() => partText(el, 'error') !== '', 'the refusal');
    expect(partText(el, 'error')).to.equal(
      'Your role does not allow this. Ask an administrator of your organization.',
    );
    const [error] = visitor.recorder.of('mfa-error');
    expect(error).to.include({ code: 'unauthorized_action', recoverable: false });
    expect(visitor.recorder.of('mfa-policy-changed')).to.deep.equal([]);
  });
});
