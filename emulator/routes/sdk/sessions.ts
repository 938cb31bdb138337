import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';

export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/sessions/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, { session_duration_minutes: 'number?' });
      const session = core.callerSession(caller);
      core.extendSession(session, b.session_duration_minutes);
      return core.authenticateResponse(session, core.sessionMember(session));
    },
  },
  {
    method: 'POST',
    path: '/b2b/sessions/revoke',
    handle(core, { caller }) {
      const session = core.callerSession(caller);
      core.removeSession(session);
      return {};
    },
  },
];
