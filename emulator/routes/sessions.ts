import type { Route } from '../router.js';
import { readBody } from '../schema.js';

export const sessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/sessions/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, { session_duration_minutes: 'number?' });
      const session = core.requireSession(caller);
      if (b.session_duration_minutes !== undefined) {
        session.expires_at = core.now() + core.checkSessionDuration(b.session_duration_minutes) * 60_000;
      }
      return core.authenticateResponse(session, core.member(session.organization_id, session.member_id));
    },
  },
  {
    method: 'POST',
    path: '/b2b/sessions/revoke',
    handle(core, { caller }) {
      const session = core.requireSession(caller);
      delete core.state.sessions[session.member_session_id];
      return {};
    },
  },
];
