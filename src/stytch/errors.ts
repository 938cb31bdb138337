import { addEnglish, type StringKey } from '../strings/locales.js';
import type * as ErrorTypes from './error-types.js';

/** A failure as the kit reports it: a code for `mfa-error`, a message key, and what may follow. */
export interface Failure {
  /** Stytch's `error_type`, or the kit's own code (`network`, `no_client`, …). */
  code: string;
  key: StringKey;
  /** False when the member cannot go on here (the sign-in expired, the method is not allowed). */
  recoverable: boolean;
  /** For rate limits: seconds until a retry can work, when the server says. */
  retryAfterSeconds?: number;
}

export interface ApiErrorLike {
  name?: string;
  error_type?: string;
  status_code?: number;
  error_details?: { retry_after_seconds?: unknown };
}

let errorTypes: Promise<typeof ErrorTypes> | undefined;

/**
 * Loads the map of Stytch's error types to messages (and the messages). Nothing needs it before the
 * first call, so it stays out of the first render; elements start loading it with the first call, so
 * it is there by the time a call can fail.
 */
export function loadErrorTypes(): Promise<typeof ErrorTypes> {
  errorTypes ??= import('./error-types.js').then((module) => {
    addEnglish(module.errors);
    return module;
  });
  errorTypes.catch(() => (errorTypes = undefined));
  return errorTypes;
}

/**
 * Maps whatever a Stytch call threw to a {@link Failure} (see `failureOf`, loaded with the map). If
 * the map itself cannot load, the network is down: a network failure.
 */
export function toFailure(error: unknown): Promise<Failure> {
  return loadErrorTypes().then(
    ({ failureOf }) => failureOf(error),
    () => ({
      code: (error as ApiErrorLike | null)?.error_type ?? 'network',
      key: 'errorNetwork',
      recoverable: true,
    }),
  );
}
