import { errors } from '../../errors.js';
import type { Route } from '../../router.js';
import { magicLinkSendRoute } from '../magic-link-send.js';
import { readBody } from '../../schema.js';
import { magicLinkLogin } from '../../services/login.js';
import { primaryAuthenticate } from '../../services/primary.js';

/** B2B email magic links (primary auth): the email goes to the outbox, its link to the redirect URL. */
export const magicLinkRoutes: Route[] = [
  magicLinkSendRoute,
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
      return magicLinkLogin(core, caller.session, b.magic_links_token, minutes);
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
        ? core.state.intermediate_sessions.get(b.intermediate_session_token)
        : undefined;
      if (!ist || ist.expires_at <= core.now()) throw errors.intermediateSessionNotFound();
      const from = core.state.members.get(ist.member_id);
      const member = from && core.memberByEmail(org.organization_id, from.email_address);
      if (!member) throw errors.istWrongOrganization();
      core.state.intermediate_sessions.delete(ist.token);
      const factor = ist.factors[0] ?? { type: 'magic_link' as const, at: core.now() };
      return primaryAuthenticate(core, caller.session, member, factor, minutes);
    },
  },
];
