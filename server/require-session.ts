/**
 * The route guard: lets a request through only with a full Stytch session, verified by Stytch now.
 * A cookie alone proves nothing — after the password step the host's cookie holds an intermediate
 * session, the same cookie name as after MFA — so the guard asks Stytch (`sessions.authenticate`),
 * which also refuses a session that was revoked or has expired.
 *
 * @example
 * const signedIn = mfaSessionMiddleware({ stytch, getSession, clearSession, loginUrl: '/' });
 * app.get('/account', signedIn, (req, res) => res.send(res.locals.mfaSession.member.email_address));
 * // or, in a fetch handler:
 * const session = await requireMfaSession(request, { stytch, getSession });
 * if (session instanceof Response) return session;
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timeoutOption, within } from './timeout.js';
import type { B2BClient } from 'stytch';
import { errorBody, json } from './errors.js';
import { sendResponse } from './node.js';
import type { HeaderList, HostSession, NodeContext } from './types.js';

type Authenticated = Awaited<ReturnType<B2BClient['sessions']['authenticate']>>;

/** What a request that passed the guard is signed in as: Stytch's own answer, read just now. */
export interface MfaSession {
  organization_id: string;
  member_id: string;
  /** Stytch's member, as `sessions.authenticate` answered it. */
  member: Authenticated['member'];
  /** Stytch's `member_session`. */
  session: Authenticated['member_session'];
  /** The factors the session holds (`session.authentication_factors`): the password, then the MFA factor. */
  factors: Authenticated['member_session']['authentication_factors'];
}

/**
 * The types of `authentication_factors` that are a second factor, as the `stytch` package spells
 * them (`AuthenticationFactor.type`): an SMS code, an authenticator code, a recovery code (plural).
 */
const MFA_FACTORS = new Set(['otp', 'totp', 'recovery_codes']);

export interface MfaSessionOptions {
  /** The host's `B2BClient`; only `sessions.authenticate` is called. */
  stytch: Pick<B2BClient, 'sessions'>;
  /** Reads the member's session from the request, as for `createMfaHandler`. */
  getSession(request: Request, node?: NodeContext): HostSession | null | Promise<HostSession | null>;
  /**
   * Ends the host's session when Stytch says it is dead (revoked, expired): return headers (a
   * `Set-Cookie` that clears the cookie) to add to the refusal.
   */
  clearSession?(request: Request, node?: NodeContext): HeaderList | void | Promise<HeaderList | void>;
  /**
   * Also refuse (403) a full session that holds no second factor — an organization whose MFA policy
   * let the member in with a password alone. Default false: Stytch's policy decides.
   */
  requireMfa?: boolean;
  /**
   * Where a refused page load (a `GET` navigation that accepts HTML) is sent, with a 303, instead of
   * a 401: the login page. A `fetch` is always answered with JSON.
   */
  loginUrl?: string;
  /** How long to wait for Stytch, in milliseconds (default 10 000). Past it the answer is a 503. */
  timeoutMs?: number;
}

/** What Stytch answers for a session that is no more. */
const DEAD_SESSION = new Set(['session_not_found', 'unauthorized_credentials', 'invalid_session_token']);

function stytchError(error: unknown): { status: number; type: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const status = Object.hasOwn(error, 'status_code') ? (error as { status_code: unknown }).status_code : null;
  const type = Object.hasOwn(error, 'error_type') ? (error as { error_type: unknown }).error_type : null;
  return typeof status === 'number' && typeof type === 'string' ? { status, type } : null;
}

function isNavigation(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const mode = request.headers.get('sec-fetch-mode');
  if (mode !== null) return mode === 'navigate';
  return /\btext\/html\b/.test(request.headers.get('accept') ?? '');
}

/**
 * The member's full Stytch session, verified by Stytch for this request — or the answer to send
 * instead: 401 (`session_not_found`: no session, a password step alone, a revoked or expired
 * session; a 303 to `loginUrl` for a page load), 403 (`mfa_required`, with `requireMfa`) or 503
 * (Stytch did not answer). Nothing of Stytch's error, nor any token, is in the answer.
 */
export async function requireMfaSession(
  request: Request,
  options: MfaSessionOptions,
  node?: NodeContext,
): Promise<MfaSession | Response> {
  const timeoutMs = timeoutOption(options.timeoutMs);
  const refuse = async (status: number, type: string, message: string, clear = false) => {
    const headers = new Headers();
    if (clear && options.clearSession) {
      const cleared = await Promise.resolve(options.clearSession(request, node)).catch(() => undefined);
      new Headers(cleared ?? undefined).forEach((value, name) => headers.append(name, value));
    }
    if (status === 401 && options.loginUrl !== undefined && isNavigation(request)) {
      headers.set('Location', options.loginUrl);
      headers.set('Cache-Control', 'no-store');
      return new Response(null, { status: 303, headers });
    }
    return json(status, errorBody(status, type, message), headers);
  };

  let host: HostSession | null;
  try {
    host = await options.getSession(request, node);
  } catch {
    return refuse(500, 'internal_server_error', 'Something went wrong.');
  }
  // An intermediate session (the password step alone) is not a session: MFA is not done.
  const token = host?.session_token || undefined;
  const jwt = host?.session_jwt || undefined;
  if (!host || (!token && !jwt)) return refuse(401, 'session_not_found', 'Sign in first.');

  let answer: Authenticated;
  try {
    answer = await within(
      options.stytch.sessions.authenticate(token ? { session_token: token } : { session_jwt: jwt! }),
      timeoutMs,
      () => new Error('timeout'),
    );
  } catch (error) {
    const known = stytchError(error);
    // Stytch refusing the session ends it; Stytch busy (429) is not the member's fault: signing in
    // again would only add to the load, so it is a 503 like Stytch not answering.
    if (known && known.status >= 400 && known.status < 500 && known.status !== 429)
      return refuse(401, 'session_not_found', 'Sign in again.', DEAD_SESSION.has(known.type));
    return refuse(503, 'internal_server_error', 'Signing in cannot be checked right now.');
  }
  const session = answer?.member_session;
  const member = answer?.member;
  // The host's session and Stytch's must name the same member: a store mix-up lets no one in.
  if (
    !session ||
    !member ||
    session.member_id !== host.member_id ||
    session.organization_id !== host.organization_id ||
    !Array.isArray(session.authentication_factors)
  )
    return refuse(401, 'session_not_found', 'Sign in again.');
  const factors = session.authentication_factors;
  if (options.requireMfa && !factors.some((factor) => MFA_FACTORS.has(factor.type)))
    return refuse(403, 'mfa_required', 'This page needs a second factor. Sign in again.');
  return {
    organization_id: session.organization_id,
    member_id: session.member_id,
    member,
    session,
    factors,
  };
}

/** A Web `Request` holding what the guard and `getSession` read of a Node request: its headers. */
function asRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method === 'HEAD' ? 'HEAD' : req.method === 'GET' ? 'GET' : 'POST';
  // The URL is not the request's own: the guard reads no part of it, and a Host header is the client's.
  return new Request('http://guard.invalid/', { method, headers });
}

/**
 * `requireMfaSession` as connect/Express middleware: a request that passes goes on to `next()` with
 * the session in `res.locals.mfaSession` (Express) and `req.mfaSession`; any other is answered here.
 */
export function mfaSessionMiddleware(
  options: MfaSessionOptions,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  timeoutOption(options.timeoutMs); // a bad value fails where the guard is set up, not per request
  return (req, res, next) => {
    requireMfaSession(asRequest(req), options, { req, res })
      .then(async (result) => {
        if (result instanceof Response) return sendResponse(result, res);
        (req as IncomingMessage & { mfaSession?: MfaSession }).mfaSession = result;
        const locals = (res as ServerResponse & { locals?: Record<string, unknown> }).locals;
        if (locals) locals.mfaSession = result;
        next();
      })
      .catch(() => {
        if (!res.headersSent) void sendResponse(json(500, errorBody(500, 'internal_server_error', '')), res);
        else res.destroy();
      });
  };
}
