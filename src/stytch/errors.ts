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
 * Maps whatever a Stytch call threw to a {@link Failure}. Duck-typed on the SDK's error names so the
 * elements need not load the SDK: `StytchAPIError` carries `error_type`; `StytchAPIUnreachableError`
 * and fetch's `TypeError` mean the network (as does failing to load the map itself).
 */
export async function toFailure(error: unknown): Promise<Failure> {
  const e = (error ?? {}) as ApiErrorLike;
  if (typeof e.error_type === 'string') {
    const typed = { ...e, error_type: e.error_type };
    return loadErrorTypes().then(
      ({ failureOfType }) => failureOfType(typed),
      () => ({ code: typed.error_type, key: 'errorNetwork', recoverable: true }),
    );
  }
  if (
    e.name === 'StytchAPIUnreachableError' ||
    e.name === 'SDKAPIUnreachableError' ||
    error instanceof TypeError
  ) {
    return { code: 'network', key: 'errorNetwork', recoverable: true };
  }
  return { code: 'unknown_error', key: 'errorGeneric', recoverable: true };
}
