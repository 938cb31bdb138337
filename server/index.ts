/**
 * The kit's elements through the host's own server (Stytch's backend MFA guide): the browser sends
 * what the member does to this handler, which calls Stytch's backend API with the host's
 * `B2BClient` and keeps every token on the server. Pair it with `<mfa-provider backend-url>`.
 *
 * @example
 * import { B2BClient } from 'stytch';
 * import { createMfaHandler } from 'stytch-mfa-elements/server';
 * const mfa = createMfaHandler({ stytch: new B2BClient({ project_id, secret }), getSession, setSession });
 * app.use('/api/mfa', mfa.middleware);          // connect / Express
 * export const POST = mfa;                       // or a Web fetch handler (Next.js, Hono, Bun, Deno)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, json } from './errors.js';
import { createFetchHandler } from './handler.js';
import { operationOf } from './operations.js';
import { pathOf, sendResponse, toRequest } from './node.js';
import { success } from './answers.js';
import { stateOf } from './state.js';
import type { HostSession, MfaHandlerOptions } from './types.js';

export type { HostSession, MfaHandlerOptions, NewSession, NodeContext, StytchBackend } from './types.js';
export { mfaSessionMiddleware, requireMfaSession } from './require-session.js';
export type { MfaSession, MfaSessionOptions } from './require-session.js';

export interface MfaHandler {
  /** A Web `fetch` handler. */
  (request: Request): Promise<Response>;
  /** The same, for `{ fetch }`-style servers. */
  fetch(request: Request): Promise<Response>;
  /** Connect/Express middleware: answers the operations it knows, passes anything else to `next`. */
  middleware(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
}

/**
 * The handler for the kit's elements in backend mode. Each operation is a `POST` of JSON to the URL
 * ending in its name; the member, organization and Stytch login come from the host's session
 * (`getSession`), never from the body, and no answer holds a token.
 *
 * The member's own operations: `state`, `sms/send`, `sms/authenticate`, `totp/create`,
 * `totp/authenticate`, `recovery_codes/recover`, `recovery_codes/get`, `recovery_codes/rotate`,
 * `member/get`, `member/update`, `member/delete_phone`, `member/delete_totp`, `organization/get`.
 *
 * The admin elements' operations (`<mfa-org-policy>`, `<mfa-members>`), each made with the host's
 * member session as Stytch's `method_options.authorization`, so Stytch's RBAC decides (a member
 * without the role gets Stytch's 403 `unauthorized_action`); each needs a signed-in member:
 * - `organization/update` `{ mfa_policy?, mfa_methods?, allowed_mfa_methods? }` → `{ organization }`
 * - `members/search` `{ query?, cursor?, limit? }` → `{ members, results_metadata: { total, next_cursor } }`
 *   (phone numbers masked)
 * - `members/update` `{ member_id, mfa_enrolled?, default_mfa_method? }` → `{ member_id, member, organization }`
 * - `members/delete_phone`, `members/delete_totp` `{ member_id }` → `{ member_id, member, organization }`
 * - `rbac/permissions` `{}` → `{ permissions: { [resource_id]: { [action]: boolean } } }`: which admin
 *   actions the session may do, from Stytch's RBAC policy (`rbac.policy()`) and the roles Stytch gives
 *   the session.
 *
 * `options.stytch` needs `otps`, `totps`, `recoveryCodes`, `organizations`, `sessions` and `rbac`.
 */
export function createMfaHandler(options: MfaHandlerOptions): MfaHandler {
  const handle = createFetchHandler(options);
  const handler = ((request: Request) => handle(request)) as MfaHandler;
  handler.fetch = handler;
  handler.middleware = (req, res, next) => {
    const path = pathOf(req);
    if (next && (path === null || !operationOf(path))) return next();
    // Every failure is answered here, never passed to `next(error)`: Express's default error
    // handler would print the stack (and send it, when NODE_ENV is not production).
    const answer = async () => {
      const request = await toRequest(req);
      return request instanceof Response ? request : handle(request, { req, res });
    };
    answer()
      .catch(() => json(500, errorBody(500, 'internal_server_error', 'Something went wrong.')))
      .then((response) => sendResponse(response, res))
      .catch(() => res.destroy());
  };
  return handler;
}

const INTERMEDIATE_SESSION_MS = 10 * 60 * 1000;

/**
 * What to keep in the host's session from a primary `authenticate()` answer (passwords, magic links,
 * SSO, discovery…): the member, and the intermediate session token with its expiry — or, when no
 * MFA was needed, the session token and JWT.
 */
export function hostSessionFrom(answer: {
  organization_id?: string;
  organization?: { organization_id: string };
  member_id: string;
  intermediate_session_token?: string;
  intermediate_session_token_expires_at?: string;
  session_token?: string;
  session_jwt?: string;
  mfa_required?: { secondary_auth_initiated?: string | null } | null;
}): HostSession {
  const organization_id = answer.organization_id ?? answer.organization?.organization_id ?? '';
  const base = { organization_id, member_id: answer.member_id };
  if (answer.intermediate_session_token) {
    return {
      ...base,
      intermediate_session_token: answer.intermediate_session_token,
      // Stytch's intermediate sessions live 10 minutes unless its answer says otherwise.
      intermediate_session_token_expires_at:
        answer.intermediate_session_token_expires_at ||
        new Date(Date.now() + INTERMEDIATE_SESSION_MS).toISOString(),
      secondary_auth_initiated: answer.mfa_required?.secondary_auth_initiated ?? null,
    };
  }
  return { ...base, session_token: answer.session_token, session_jwt: answer.session_jwt };
}

/**
 * For the page the host sends right after a primary login it made itself (a magic link's landing):
 * who is signing in — what the handler's `state` operation would answer, no token in it — as a
 * `<script type="application/json" data-mfa-state>` element to write inside `<mfa-provider
 * backend-url>`, before `<mfa-flow>`. The provider takes it (once, and removes it) in place of asking
 * the handler, so the first step waits on no request; the page's later starts ask afresh. Send that
 * page with `Cache-Control: no-store`: it holds the member's name and email, and a copy shown again
 * (Back) would start from a login that has moved on. Throws, as the handler would refuse it, for an
 * answer that is not a success holding the member and organization.
 *
 * @example
 * const answer = await stytch.magicLinks.authenticate({ magic_links_token: token });
 * const html = page.replace('<!-- mfa-state -->', () => mfaStateScript(answer));
 */
export function mfaStateScript(answer: object): string {
  const state = stateOf(success(answer), hostSessionFrom(answer as Parameters<typeof hostSessionFrom>[0]));
  // `<` escaped, so that no value can end the element (`</script>`) or open a comment; `$` too, so
  // that pasting it with a string's `replace()` cannot splice the page into it (`$'`, `$&`).
  const json = JSON.stringify(state).replace(/[<$]/g, (c) => (c === '<' ? '\\u003c' : '\\u0024'));
  return `<script type="application/json" data-mfa-state>${json}</script>`;
}
