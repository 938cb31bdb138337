import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { memberByPassword } from '../../services/login.js';
import { primaryAuthenticate } from '../../services/primary.js';

export const passwordRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/passwords/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        organization_id: 'string',
        email_address: 'string',
        password: 'string',
        session_duration_minutes: 'number?',
        locale: 'string?',
        intermediate_session_token: 'string?',
      });
      core.organization(b.organization_id);
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const member = memberByPassword(core, b);
      return primaryAuthenticate(core, caller.session, member, { type: 'password', at: core.now() }, minutes);
    },
  },
];
