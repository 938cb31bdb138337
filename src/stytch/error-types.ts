import type { StringKey } from '../strings/locales.js';
import type { ApiErrorLike, Failure } from './errors.js';

/** The messages these failures show in English: they load with this map (see loadErrorTypes). */
export { errors } from '../strings/en/errors.js';

/**
 * Each `error_type` the kit words itself: its message and whether the member can go on. A `Map`,
 * because the type comes from a response (`constructor` is no error type).
 */
export const BY_TYPE: ReadonlyMap<string, [StringKey, boolean]> = new Map(
  Object.entries({
    otp_code_not_found: ['errorWrongCode', true],
    unable_to_auth_otp_code: ['errorCodeExpired', true],
    invalid_code: ['errorInvalidCode', true],
    invalid_phone_number: ['errorInvalidPhone', true],
    invalid_phone_number_country_code: ['errorPhoneCountry', true],
    unsubscribed_phone_number: ['errorPhoneUnsubscribed', true],
    duplicate_member_phone_number: ['errorPhoneTaken', true],
    duplicate_member_phone_number_for_member: ['errorPhoneTaken', true],
    too_many_requests: ['errorRateLimitedLater', true],
    intermediate_session_not_found: ['errorSessionExpired', false],
    invalid_intermediate_session_token_for_organization: ['errorSessionExpired', false],
    session_not_found: ['errorSessionExpired', false],
    unauthorized_credentials: ['errorSessionExpired', false],
    no_session_arguments: ['errorSessionExpired', false],
    operation_restricted_by_organization_mfa_methods: ['errorMethodNotAllowed', false],
    internal_server_error: ['errorServer', true],
    unauthorized_action: ['errorUnauthorized', false],
    unable_to_auth_magic_link: ['errorLinkUsed', false],
    magic_link_not_found: ['errorLinkUsed', false],
    unable_to_authenticate_totp: ['errorWrongCode', true],
    invalid_totp_code: ['errorInvalidCode', true],
    totp_code_already_authenticated: ['errorTotpReused', true],
    recovery_code_used_as_totp_code: ['errorInvalidCode', true],
    expired_totp: ['totpExpired', true],
    pending_totp_exists: ['totpPendingExists', true],
    active_totp_exists: ['totpActiveExists', false],
    totp_not_found: ['totpExpired', true],
    unable_to_authenticate_recovery_code: ['errorWrongRecoveryCode', true],
    invalid_recovery_code: ['errorWrongRecoveryCode', true],
    totp_code_used_as_recovery_code: ['errorWrongRecoveryCode', true],
    no_active_recovery_code_backed_factor: ['errorNoRecoveryCodes', false],
    recovery_codes_not_found: ['errorNoRecoveryCodes', false],
  }) as [string, [StringKey, boolean]][],
);

/** The failure for one of Stytch's API errors (it has an `error_type`). */
export function failureOfType(error: ApiErrorLike & { error_type: string }): Failure {
  const code = error.error_type;
  const [key, recoverable] = BY_TYPE.get(code) ?? [
    (error.status_code ?? 0) >= 500 ? 'errorServer' : 'errorGeneric',
    true,
  ];
  const retry = Number(error.error_details?.retry_after_seconds);
  if (code === 'too_many_requests' && retry > 0) {
    return { code, key: 'errorRateLimited', recoverable, retryAfterSeconds: Math.ceil(retry) };
  }
  return { code, key, recoverable };
}

/**
 * Maps whatever a Stytch call threw to a {@link Failure}. Duck-typed on the SDK's error names so the
 * elements need not load the SDK: `StytchAPIError` carries `error_type`; `StytchAPIUnreachableError`
 * and fetch's `TypeError` mean the network.
 */
export function failureOf(error: unknown): Failure {
  const e = (error ?? {}) as ApiErrorLike;
  if (typeof e.error_type === 'string') return failureOfType({ ...e, error_type: e.error_type });
  if (
    e.name === 'StytchAPIUnreachableError' ||
    e.name === 'SDKAPIUnreachableError' ||
    error instanceof TypeError
  ) {
    return { code: 'network', key: 'errorNetwork', recoverable: true };
  }
  return { code: 'unknown_error', key: 'errorGeneric', recoverable: true };
}
