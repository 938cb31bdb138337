import { iso } from '../clock.js';
import { errors } from '../errors.js';
import { opaqueToken } from '../ids.js';
import type { Route } from '../router.js';
import { readBody } from '../schema.js';
import { toMember, toOrganization } from '../serialize.js';
import { primaryAuthenticate } from './primary.js';

/** B2B email magic links (primary auth): the email goes to the outbox, its link to the redirect URL. */
export const magicLinkRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/magic_links/email/login_or_signup',
    handle(core, { body }) {
      const b = readBody(body, {
        email_address: 'string',
        organization_id: 'string',
        login_redirect_url: 'string?',
        signup_redirect_url: 'string?',
        login_expiration_minutes: 'number?',
        locale: 'string?',
      });
      const org = core.organization(b.organization_id);
      const member = core.memberByEmail(org.organization_id, b.email_address);
      if (!member) throw errors.memberNotFound();
      if (!b.login_redirect_url) throw errors.noLoginRedirect();
      const minutes = b.login_expiration_minutes ?? 60;
      if (!Number.isInteger(minutes) || minutes < 5 || minutes > 10080) {
        throw errors.badRequest('login_expiration_minutes must be between 5 and 10080.');
      }
      const token = opaqueToken();
      const now = core.now();
      core.state.magic_links[token] = {
        token,
        member_id: member.member_id,
        organization_id: org.organization_id,
        expires_at: now + minutes * 60_000,
        used: false,
      };
      const link = new URL(b.login_redirect_url);
      link.searchParams.set('stytch_token_type', 'multi_tenant_magic_links');
      link.searchParams.set('token', token);
      core.state.email_outbox.push({
        to: member.email_address,
        subject: `Your ${org.organization_name} login link`,
        body: `Click to log in to ${org.organization_name}: ${link.toString()}`,
        link: link.toString(),
        sent_at: iso(now),
      });
      return {
        member_id: member.member_id,
        member_created: false,
        member: toMember(member),
        organization: toOrganization(org),
      };
    },
  },
  {
    method: 'POST',
    path: '/b2b/magic_links/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        magic_links_token: 'string',
        session_duration_minutes: 'number?',
        locale: 'string?',
        intermediate_session_token: 'string?',
      });
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const record = core.state.magic_links[b.magic_links_token];
      if (!record) throw errors.magicLinkNotFound();
      if (record.used || record.expires_at <= core.now()) throw errors.unableToAuthMagicLink();
      record.used = true;
      const member = core.member(record.organization_id, record.member_id);
      return {
        ...primaryAuthenticate(core, caller, member, { type: 'magic_link', at: core.now() }, minutes),
        method_id: `email-test-${member.member_id.slice(-12)}`,
        reset_sessions: false,
      };
    },
  },
  {
    // Exchanges an intermediate session for one in the named organization (discovery).
    method: 'POST',
    path: '/b2b/discovery/intermediate_sessions/exchange',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        organization_id: 'string',
        session_duration_minutes: 'number?',
        locale: 'string?',
        intermediate_session_token: 'string?',
      });
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const org = core.organization(b.organization_id);
      const ist = b.intermediate_session_token
        ? core.state.intermediate_sessions[b.intermediate_session_token]
        : undefined;
      if (!ist || ist.expires_at <= core.now()) throw errors.intermediateSessionNotFound();
      const from = core.state.members[ist.member_id];
      const member = from && core.memberByEmail(org.organization_id, from.email_address);
      if (!member) throw errors.istWrongOrganization();
      delete core.state.intermediate_sessions[ist.token];
      const factor = ist.factors[0] ?? { type: 'magic_link' as const, at: core.now() };
      return primaryAuthenticate(core, caller, member, factor, minutes);
    },
  },
];
