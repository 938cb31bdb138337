// A minimal server-side session store for the examples: the member's Stytch login stays on the
// server, the browser holds only a random ID in an HttpOnly cookie. Use your framework's own store
// (express-session, iron-session, a database…) in a real app.
import { randomBytes } from 'node:crypto';
import type { HostSession } from 'stytch-mfa-elements/server';

const COOKIE = 'app_session';
const WEEK = 60 * 60 * 24 * 7;
const sessions = new Map<string, HostSession>();

function idOf(request: Request): string | undefined {
  const cookies = request.headers.get('cookie') ?? '';
  return /(?:^|;\s*)app_session=([\w-]+)/.exec(cookies)?.[1];
}

function cookie(id: string, maxAge: number): string {
  const secure = process.env.NODE_ENV === 'production' ? '; Secure' : '';
  return `${COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAge}${secure}`;
}

/** Seconds a session is good for: a login left half-way only until its intermediate session expires. */
function secondsLeft(session: HostSession): number {
  if (!session.intermediate_session_token) return WEEK;
  const left = Date.parse(session.intermediate_session_token_expires_at ?? '') - Date.now();
  return left > 0 ? Math.floor(left / 1000) : 0;
}

/** The member's session for a request, if any (none once it has expired). */
export function readSession(request: Request): HostSession | null {
  const id = idOf(request);
  const session = id ? sessions.get(id) : undefined;
  if (!id || !session) return null;
  if (secondsLeft(session) > 0) return session;
  sessions.delete(id);
  return null;
}

/** Starts a session (or replaces the request's, under a new ID); returns its `Set-Cookie` header. */
export function startSession(session: HostSession, request?: Request): { 'Set-Cookie': string } {
  const old = request && idOf(request);
  if (old) sessions.delete(old);
  const id = randomBytes(32).toString('base64url');
  sessions.set(id, session);
  const seconds = secondsLeft(session);
  setTimeout(() => sessions.delete(id), seconds * 1000).unref(); // gone when its cookie is, read or not
  return { 'Set-Cookie': cookie(id, seconds) };
}

/**
 * Ends the request's session; returns the `Set-Cookie` header that clears the cookie — only while
 * that session is still the current one: a slow request that started before MFA succeeded must not
 * clear the cookie of the session MFA started.
 */
export function endSession(request: Request): { 'Set-Cookie': string } | Record<string, never> {
  const id = idOf(request);
  if (!id || !sessions.delete(id)) return {};
  return { 'Set-Cookie': cookie('', 0) };
}
