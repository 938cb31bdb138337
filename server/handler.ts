import { refusal } from './guard.js';
import { within, timeoutOption } from './timeout.js';
import { errorBody, expiredLogin, failure, HandlerError, json, noSession } from './errors.js';
import { OPERATIONS, operationOf, type Call, type Outcome } from './operations.js';
import { SmsNumbers } from './sms-numbers.js';
import type { HostSession, MfaHandlerOptions, NewSession, NodeContext } from './types.js';

/** True once an intermediate session's own expiry (as Stytch gave it) has passed. */
function expired(host: HostSession, now: number): boolean {
  if (!host.intermediate_session_token || !host.intermediate_session_token_expires_at) return false;
  const at = Date.parse(host.intermediate_session_token_expires_at);
  // Stryker disable next-line EqualityOperator: at === now to the millisecond is not a case to tell apart
  return !(at > now); // an unreadable expiry counts as passed
}

/** What Stytch (or the handler, for an expiry it knows of) answers when the host's login is dead. */
const DEAD_LOGIN = new Set(['intermediate_session_not_found', 'session_not_found']);

function endsLogin(error: unknown): boolean {
  // The handler's own "sign in first" and "needs a signed-in member" leave a live login alone.
  if (error instanceof HandlerError) return error.errorType === 'intermediate_session_not_found';
  const type =
    // Stryker disable next-line LogicalOperator,ConditionalExpression: what reaches here is an object (an Error, or Stytch's error); the checks differ only for null or a primitive, which nothing throws
    typeof error === 'object' && error && Object.hasOwn(error, 'error_type')
      ? (error as { error_type: unknown }).error_type
      : undefined;
  return typeof type === 'string' && DEAD_LOGIN.has(type);
}

/**
 * The handler as a Web `fetch` handler: `(request) => Promise<Response>`. Answers 404 for a URL that
 * names no operation (the connect adapter passes those on instead).
 */
export function createFetchHandler(
  options: MfaHandlerOptions,
): (request: Request, node?: NodeContext) => Promise<Response> {
  // Stryker disable next-line ArrayDeclaration: a stand-in entry is no origin a browser sends
  const allowed = options.allowedOrigins ?? [];
  const maxMinutes = options.maxSessionDurationMinutes ?? 60 * 24 * 7;
  const timeoutMs = timeoutOption(options.timeoutMs);
  const sms = new SmsNumbers(options.maxSmsNumbersPerMember ?? 3);
  return async (request, node) => {
    const name = operationOf(new URL(request.url).pathname);
    // Stryker disable next-line ConditionalExpression: OPERATIONS.get(null) is undefined as well
    const operation = name === null ? undefined : OPERATIONS.get(name);
    if (!operation) return json(404, errorBody(404, 'route_not_found', 'No such MFA operation.'));
    const refused = refusal(request, allowed);
    if (refused) return failure(refused);
    try {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        throw new HandlerError(400, 'bad_request', 'The body is not valid JSON.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new HandlerError(400, 'bad_request', 'The body must be a JSON object.');
      const host = await options.getSession(request, node);
      // Asking who is signing in when no one is, is an answer, not an error (no 401 in the console).
      if (!host && name === 'state') return json(200, null);
      if (!host) throw noSession();
      if (expired(host, Date.now())) throw expiredLogin();
      const minutes = Object.hasOwn(body, 'session_duration_minutes')
        ? (body as { session_duration_minutes: unknown }).session_duration_minutes
        : undefined;
      const call: Call = {
        body: body as Record<string, unknown>,
        host,
        stytch: options.stytch,
        duration: typeof minutes === 'number' ? Math.min(minutes, maxMinutes) : undefined,
        sms,
      };
      // The `stytch` package's own `timeout` option reaches no timer, so this is the only limit. A late
      // outcome is dropped: its session is never stored, the host's session stays as it was.
      const outcome: Outcome = await within(
        operation(call),
        timeoutMs,
        () => new HandlerError(504, 'internal_server_error', 'Stytch did not answer in time.'),
      );
      let headers;
      if (outcome.session) {
        const kept: NewSession = {
          organization_id: host.organization_id,
          member_id: host.member_id,
          ...outcome.session,
        };
        headers = (await options.setSession(kept, request, node)) ?? undefined;
      }
      return json(200, outcome.body, headers);
    } catch (error) {
      const response = failure(error);
      if (options.clearSession && endsLogin(error)) {
        // A clearSession that throws (at once or later) still leaves the page this failure to read.
        const clear = options.clearSession;
        const cleared = await Promise.resolve()
          .then(() => clear(request, node))
          .catch(() => undefined);
        new Headers(cleared ?? undefined).forEach((value, key) => response.headers.append(key, value));
      }
      return response;
    }
  };
}
