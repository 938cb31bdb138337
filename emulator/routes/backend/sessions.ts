import { errors } from '../../errors.js';
import { jwks } from '../../jwt.js';
import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { authorize, grantingRoles, rolesOf } from '../../services/rbac.js';

/** An `authorization_check` of a session check: three strings. */
function authorizationCheck(value: Record<string, unknown>) {
  return readBody(value, { organization_id: 'string', resource_id: 'string', action: 'string' });
}

/** Sessions through the backend API, and the public keys that verify session JWTs offline. */
export const backendSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/sessions/authenticate',
    handle(core, { body }) {
      const b = readBody(body, {
        session_token: 'string?',
        session_jwt: 'string?',
        session_duration_minutes: 'number?',
        authorization_check: 'object?',
      });
      const session = core.requireSession(b);
      // `authorization_check`: may this session do the action, in that organization? 403 if not.
      const check = b.authorization_check && authorizationCheck(b.authorization_check);
      const member = check
        ? authorize(core, session, check.organization_id, check.resource_id, [check.action])
        : core.sessionMember(session);
      core.extendSession(session, b.session_duration_minutes);
      return {
        ...core.authenticateResponse(session, member),
        ...(check
          ? {
              verdict: {
                authorized: true,
                granting_roles: grantingRoles(rolesOf(member), check.resource_id, check.action),
              },
            }
          : {}),
      };
    },
  },
  {
    method: 'POST',
    path: '/b2b/sessions/revoke',
    handle(core, { body }) {
      const b = readBody(body, {
        member_session_id: 'string?',
        session_token: 'string?',
        session_jwt: 'string?',
        member_id: 'string?',
      });
      const given = [b.member_session_id, b.session_token, b.session_jwt, b.member_id].filter(Boolean);
      if (given.length !== 1)
        throw errors.badRequest(
          'Pass exactly one of member_session_id, session_token, session_jwt or member_id.',
        );
      if (b.member_id) {
        const member = core.state.members.get(b.member_id);
        if (!member) throw errors.memberNotFound();
        for (const s of core.state.sessions.values())
          if (s.member_id === member.member_id) core.removeSession(s);
        return {};
      }
      const session = b.member_session_id
        ? core.state.sessions.get(b.member_session_id)
        : core.requireSession(b);
      if (!session) throw errors.sessionNotFound();
      core.removeSession(session);
      return {};
    },
  },
  {
    // Fetched by `jose` without credentials, as Stytch's is.
    method: 'GET',
    path: '/b2b/sessions/jwks/:project_id',
    anonymous: true,
    handle(core, { params }) {
      if (param(params, 'project_id') !== core.options.project.project_id) throw errors.projectNotFound();
      return jwks(core.signingKey());
    },
  },
];
