import type { HeaderList } from './types.js';

/** An error the handler answers with, in Stytch's JSON form so the elements show the same messages. */
export class HandlerError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    /** Headers the answer carries besides the body's (`Allow` on a 405). */
    readonly headers?: HeaderList,
  ) {
    super(message);
  }
}

export const noSession = () => new HandlerError(401, 'session_not_found', 'Sign in first.');
export const needsFullSession = () =>
  new HandlerError(401, 'session_not_found', 'This needs a signed-in member.');
export const expiredLogin = () =>
  new HandlerError(401, 'intermediate_session_not_found', 'The sign-in has expired. Sign in again.');
/** Only `POST` reaches an operation; the `Allow` header says so, as HTTP asks of a 405. */
export const wrongMethod = () =>
  new HandlerError(405, 'method_not_allowed', 'Only POST is accepted.', { Allow: 'POST' });
/** A request a page of another site could have sent: refused whatever it holds. */
export const crossSite = (status: number, message: string) =>
  new HandlerError(status, 'cross_site_request', message);
/** Stytch answered, but not with a success the handler can use (a redirect, a body without its fields). */
export const unusable = () =>
  new HandlerError(502, 'internal_server_error', 'Stytch gave an answer that cannot be used.');

export function json(status: number, body: unknown, headers?: HeaderList): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  new Headers(headers).forEach((value, name) => response.headers.append(name, value));
  return response;
}

export function errorBody(status: number, errorType: string, message: string, retryAfter?: number) {
  return {
    status_code: status,
    error_type: errorType,
    error_message: message,
    ...(retryAfter !== undefined ? { error_details: { retry_after_seconds: retryAfter } } : {}),
  };
}

/**
 * A Stytch error keeps its status and type (and a retry delay, the one detail the elements read);
 * anything else is a 500 that says nothing more. Nothing else of the error is read: the `stytch`
 * package's network errors carry the whole request, the project's credentials included.
 */
export function failure(error: unknown): Response {
  if (error instanceof HandlerError)
    return json(error.status, errorBody(error.status, error.errorType, error.message), error.headers);
  const e = (typeof error === 'object' && error) || {};
  const status = Object.hasOwn(e, 'status_code') ? (e as { status_code: unknown }).status_code : undefined;
  const type = Object.hasOwn(e, 'error_type') ? (e as { error_type: unknown }).error_type : undefined;
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status <= 599) {
    const message = (e as { error_message?: unknown }).error_message;
    const details = (e as { error_details?: { retry_after_seconds?: unknown } }).error_details;
    const retry = details?.retry_after_seconds;
    return json(
      status,
      errorBody(
        status,
        type,
        typeof message === 'string' ? message : '',
        typeof retry === 'number' ? retry : undefined,
      ),
    );
  }
  if (typeof type === 'string' && typeof status === 'number') return failure(unusable());
  return json(500, errorBody(500, 'internal_server_error', 'Something went wrong.'));
}
