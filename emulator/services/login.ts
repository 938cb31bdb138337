import { iso } from '../clock.js';
import { sameSecret } from '../constant-time.js';
import type { EmulatorCore } from '../core.js';
import { errors } from '../errors.js';
import { opaqueToken } from '../ids.js';
import { toMember, toOrganization } from '../serialize.js';
import type { MemberRecord, SessionRecord } from '../state.js';
import { primaryAuthenticate } from './primary.js';

/** The member a password belongs to; anything wrong is the same 401. */
export function memberByPassword(
  core: EmulatorCore,
  input: { organization_id: string; email_address: string; password: string },
): MemberRecord {
  const org = core.organization(input.organization_id);
  const member = core.memberByEmail(org.organization_id, input.email_address);
  const stored = member?.password ?? '';
  // Compared even when there is no such member (or no password), so the time does not tell.
  const matches = sameSecret(input.password, stored);
  if (!member || stored === '' || !matches) throw errors.unauthorizedCredentials();
  return member;
}

/** Emails a login link (to the outbox) that works once before it expires. */
export function sendMagicLink(
  core: EmulatorCore,
  input: {
    email_address: string;
    organization_id: string;
    login_redirect_url?: string | undefined;
    login_expiration_minutes?: number | undefined;
  },
): MemberRecord {
  const org = core.organization(input.organization_id);
  const member = core.memberByEmail(org.organization_id, input.email_address);
  if (!member) throw errors.memberNotFound();
  if (!input.login_redirect_url) throw errors.noLoginRedirect();
  const minutes = input.login_expiration_minutes ?? 60;
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 10080) {
    throw errors.badRequest('login_expiration_minutes must be between 5 and 10080.');
  }
  let link: URL;
  try {
    link = new URL(input.login_redirect_url);
  } catch {
    throw errors.badRequest('login_redirect_url must be an absolute URL.');
  }
  const token = opaqueToken();
  const now = core.now();
  core.state.magic_links.set(token, {
    token,
    member_id: member.member_id,
    organization_id: org.organization_id,
    expires_at: now + minutes * 60_000,
    used: false,
  });
  link.searchParams.set('stytch_token_type', 'multi_tenant_magic_links');
  link.searchParams.set('token', token);
  core.state.email_outbox.push({
    to: member.email_address,
    subject: `Your ${org.organization_name} login link`,
    body: `Click to log in to ${org.organization_name}: ${link.toString()}`,
    link: link.toString(),
    sent_at: iso(now),
  });
  return member;
}

/** Spends a magic link: the member it logs in. */
export function spendMagicLink(core: EmulatorCore, token: string): MemberRecord {
  const record = core.state.magic_links.get(token);
  if (!record) throw errors.magicLinkNotFound();
  if (record.used || record.expires_at <= core.now()) throw errors.unableToAuthMagicLink();
  record.used = true;
  return core.member(record.organization_id, record.member_id);
}

/** The answer to `magic_links/email/login_or_signup`, on both route sets. */
export function linkSentAnswer(core: EmulatorCore, member: MemberRecord) {
  return {
    member_id: member.member_id,
    member_created: false,
    member: toMember(member),
    organization: toOrganization(core.organization(member.organization_id)),
  };
}

/** `magic_links/authenticate`: spends the link and logs its member in (a held session gains the factor). */
export function magicLinkLogin(
  core: EmulatorCore,
  held: SessionRecord | null,
  token: string,
  minutes: number,
) {
  const member = spendMagicLink(core, token);
  return {
    ...primaryAuthenticate(core, held, member, { type: 'magic_link', at: core.now() }, minutes),
    method_id: `email-test-${member.member_id.slice(-12)}`,
    reset_sessions: false,
  };
}
