import type { IncomingMessage, ServerResponse } from 'node:http';
import type { B2BClient } from 'stytch';

/** The part of the host's `B2BClient` (the official `stytch` package) the handler calls. */
export type StytchBackend = Pick<
  B2BClient,
  'otps' | 'totps' | 'recoveryCodes' | 'organizations' | 'sessions' | 'rbac'
>;

/**
 * What the host's own session holds for the member: who they are and their Stytch login — after
 * primary authentication an intermediate session, after MFA a session (token or JWT). It stays on
 * the server (an HttpOnly cookie, a session store); the browser never sees it.
 */
export interface HostSession {
  organization_id: string;
  member_id: string;
  intermediate_session_token?: string | undefined;
  session_token?: string | undefined;
  session_jwt?: string | undefined;
  /**
   * When the intermediate session expires (RFC 3339), as Stytch said or 10 minutes after primary
   * authentication (`hostSessionFrom` sets it). Past it the handler refuses the session, as Stytch
   * would, and tells nothing more about the member.
   */
  intermediate_session_token_expires_at?: string | undefined;
  /** What primary authentication answered in `mfa_required.secondary_auth_initiated` (`'sms_otp'`: the code is sent). */
  secondary_auth_initiated?: string | null | undefined;
}

/** Headers, in any form `new Headers()` takes. */
export type HeaderList = ConstructorParameters<typeof Headers>[0];

/** A session a factor just created or extended: the host stores it (its cookie) in place of the old one. */
export interface NewSession {
  organization_id: string;
  member_id: string;
  session_token: string;
  session_jwt: string;
  /** Stytch's `member_session`, whole: for the host's own use, never sent to the browser. */
  member_session: unknown;
}

/** Under connect/Express, the request and response objects themselves (for `req.session` and the like). */
export interface NodeContext {
  req: IncomingMessage;
  res: ServerResponse;
}

export interface MfaHandlerOptions {
  /** The host's `new B2BClient({ project_id, secret })`. */
  stytch: StytchBackend;
  /** Reads the member's session from the request (the host's own cookie); null when there is none. */
  getSession(request: Request, node?: NodeContext): HostSession | null | Promise<HostSession | null>;
  /**
   * Stores a new session (after a factor succeeded). Return headers to add to the response — a
   * `Set-Cookie` — or update a session store and return nothing.
   */
  setSession(
    session: NewSession,
    request: Request,
    node?: NodeContext,
  ): HeaderList | void | Promise<HeaderList | void>;
  /**
   * Ends the host's session once its Stytch login is dead — the intermediate session expired or was
   * used up, the session was revoked — so the next page load starts clean instead of meeting the same
   * dead login again. Return headers (a `Set-Cookie` that clears the cookie), or update a session
   * store and return nothing. Without it the host's session stays until the host ends it.
   */
  clearSession?(request: Request, node?: NodeContext): HeaderList | void | Promise<HeaderList | void>;
  /** Origins besides the request's own that may call the handler (a front end on another origin). */
  allowedOrigins?: string[];
  /** Longest session a factor may ask for, in minutes (default 60 × 24 × 7). */
  maxSessionDurationMinutes?: number;
  /**
   * How long an operation may wait for Stytch, in milliseconds (default 10 000; `Infinity` for no
   * limit; 0, a negative number or NaN is refused with a `TypeError` when the handler is made). Past it the answer is a 504 in Stytch's error shape, and a session Stytch makes after
   * that is not stored: the host's session stays as it was.
   */
  timeoutMs?: number;
  /**
   * How many distinct phone numbers one member's codes may be texted to within an hour (default 3),
   * so a stolen password cannot send texts to any number (SMS pumping; Stytch limits per number).
   * A number already reached may be texted again. Past the cap the answer is Stytch's 429
   * `too_many_requests`. Counted in this process's memory (at most 10 000 members at a time).
   */
  maxSmsNumbersPerMember?: number;
}
