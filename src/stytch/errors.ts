import type { StringKey } from '../strings/locales.js';

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

const BY_TYPE: Record<string, [StringKey, boolean]> = {
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
};

interface ApiErrorLike {
  name?: string;
  error_type?: string;
  status_code?: number;
  error_details?: { retry_after_seconds?: unknown };
}

/**
 * Maps whatever a Stytch call threw to a {@link Failure}. Duck-typed on the SDK's error names so the
 * elements need not load the SDK: `StytchAPIError` carries `error_type`; `StytchAPIUnreachableError`
 * and fetch's `TypeError` mean the network.
 */
export function toFailure(error: unknown): Failure {
  const e = (error ?? {}) as ApiErrorLike;
  if (typeof e.error_type === 'string') {
    const [key, recoverable] = BY_TYPE[e.error_type] ?? [
      (e.status_code ?? 0) >= 500 ? 'errorServer' : 'errorGeneric',
      true,
    ];
    const retry = Number(e.error_details?.retry_after_seconds);
    if (e.error_type === 'too_many_requests' && retry > 0) {
      return {
        code: e.error_type,
        key: 'errorRateLimited',
        recoverable,
        retryAfterSeconds: Math.ceil(retry),
      };
    }
    return { code: e.error_type, key, recoverable };
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
