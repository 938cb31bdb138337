import type { Route } from '../../router.js';
import { magicLinkSendRoute } from '../magic-link-send.js';
import { readBody } from '../../schema.js';
import { magicLinkLogin, memberByPassword } from '../../services/login.js';
import { primaryAuthenticate } from '../../services/primary.js';

const SESSION_FIELDS = {
  session_token: 'string?',
  session_jwt: 'string?',
  intermediate_session_token: 'string?',
  session_duration_minutes: 'number?',
  locale: 'string?',
} as const;

/** Primary authentication through the backend API: passwords and email magic links. */
export const backendLoginRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/passwords/authenticate',
    handle(core, { body }) {
      const b = readBody(body, {
        organization_id: 'string',
        email_address: 'string',
        password: 'string',
        ...SESSION_FIELDS,
      });
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const held = b.session_token || b.session_jwt ? core.requireSession(b) : null;
      const member = memberByPassword(core, b);
      return primaryAuthenticate(core, held, member, { type: 'password', at: core.now() }, minutes);
    },
  },
  magicLinkSendRoute,
  {
    method: 'POST',
    path: '/b2b/magic_links/authenticate',
    handle(core, { body }) {
      const b = readBody(body, { magic_links_token: 'string', ...SESSION_FIELDS });
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const held = b.session_token || b.session_jwt ? core.requireSession(b) : null;
      return magicLinkLogin(core, held, b.magic_links_token, minutes);
    },
  },
];
