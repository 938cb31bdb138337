import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorCore } from '../../core.js';
import { authorize } from '../../services/rbac.js';
import type { SessionRecord } from '../../state.js';

const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * The member session a backend call is made with (`method_options.authorization`, which the `stytch`
 * package sends as `X-Stytch-Member-Session` or `X-Stytch-Member-SessionJWT`), or null when there is
 * none: the project's secret alone may do anything. One that is dead is 404 `session_not_found`;
 * both at once, 400.
 */
export function memberAuthorization(core: EmulatorCore, headers: IncomingHttpHeaders): SessionRecord | null {
  const session_token = header(headers, 'x-stytch-member-session');
  const session_jwt = header(headers, 'x-stytch-member-sessionjwt');
  if (!session_token && !session_jwt) return null;
  return core.requireSession({ session_token, session_jwt });
}

/** With a member session, the call must be in its organization and allowed by its roles (403). */
export function authorizeBackend(
  core: EmulatorCore,
  headers: IncomingHttpHeaders,
  organizationId: string,
  resource: string | ((session: SessionRecord) => string),
  actions: readonly string[],
): void {
  const session = memberAuthorization(core, headers);
  if (!session) return;
  authorize(
    core,
    session,
    organizationId,
    typeof resource === 'string' ? resource : resource(session),
    actions,
  );
}
