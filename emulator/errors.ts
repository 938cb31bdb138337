/** An error the emulator answers with, in Stytch's JSON form. */
export class StytchError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A request body that does not match the route's schema (Stytch's SDK API answers ajv-style). */
export class SchemaError extends Error {
  constructor(readonly issues: { keyword: string; dataPath: string; schemaPath: string; message: string }[]) {
    super(issues.map((i) => `${i.dataPath}: ${i.message}`).join('; '));
  }
}

export function errorUrl(status: number, type: string): string {
  return `https://stytch.com/docs/api/errors/${status}#${type}`;
}

export function errorJson(error: StytchError, requestId: string): Record<string, unknown> {
  return {
    status_code: error.statusCode,
    request_id: requestId,
    error_type: error.errorType,
    error_message: error.message,
    error_url: errorUrl(error.statusCode, error.errorType),
    ...(error.details ? { error_details: error.details } : {}),
  };
}

/** The errors the emulator gives, by situation, so each is spelled once. */
export const errors = {
  badRequest: (message: string) => new StytchError(400, 'bad_request', message),
  routeNotFound: (path: string) =>
    new StytchError(404, 'route_not_found', `The route ${path} does not exist.`),
  methodNotAllowed: (method: string, path: string) =>
    new StytchError(405, 'method_not_allowed', `${method} is not allowed on ${path}.`),
  unauthorizedCredentials: () =>
    new StytchError(401, 'unauthorized_credentials', 'Unauthorized credentials.'),
  sessionNotFound: () => new StytchError(404, 'session_not_found', 'Session could not be found.'),
  noSessionArguments: () =>
    new StytchError(
      400,
      'no_session_arguments',
      'An intermediate session token or a session is required for this member.',
    ),
  tooManySessionArguments: () =>
    new StytchError(
      400,
      'too_many_session_arguments',
      'Only one of intermediate_session_token, session_token and session_jwt may be passed.',
    ),
  intermediateSessionNotFound: () =>
    new StytchError(
      404,
      'intermediate_session_not_found',
      'Intermediate session could not be found. It may have expired or already been used.',
    ),
  istWrongOrganization: () =>
    new StytchError(
      400,
      'invalid_intermediate_session_token_for_organization',
      'The intermediate session token does not belong to this organization.',
    ),
  forbiddenHost: () =>
    new StytchError(403, 'forbidden', 'The emulator answers loopback host names only (see --host).'),
  foreignOrigin: () =>
    new StytchError(
      403,
      'forbidden',
      "The emulator's dev routes take writes from pages of the emulator's own origin only.",
    ),
  projectNotFound: () => new StytchError(404, 'project_not_found', 'Project could not be found.'),
  organizationNotFound: () =>
    new StytchError(404, 'organization_not_found', 'Organization could not be found.'),
  memberNotFound: () => new StytchError(404, 'member_not_found', 'Member could not be found.'),
  sessionMemberMismatch: () =>
    new StytchError(401, 'unauthorized_credentials', 'The session does not belong to this member.'),
  invalidSessionDuration: () =>
    new StytchError(
      400,
      'invalid_session_duration_minutes',
      'session_duration_minutes must be between 5 and 527040.',
    ),
  invalidPhoneNumber: () =>
    new StytchError(400, 'invalid_phone_number', 'Phone number must be in E.164 format, e.g. +14155551234.'),
  phoneCountryNotAllowed: () =>
    new StytchError(
      400,
      'invalid_phone_number_country_code',
      'SMS to this country is not enabled for this project.',
    ),
  missingPhone: () =>
    new StytchError(
      400,
      'missing_sms_parameter',
      'The member has no phone number: mfa_phone_number is required.',
    ),
  phoneMismatch: () =>
    new StytchError(
      400,
      'duplicate_member_phone_number_for_member',
      'The member already has a different verified phone number. Delete it before adding another.',
    ),
  memberPhoneExists: () =>
    new StytchError(
      400,
      'duplicate_member_phone_number_for_member',
      'The member already has a phone number. Delete it before setting another.',
    ),
  methodRestricted: () =>
    new StytchError(
      403,
      'operation_restricted_by_organization_mfa_methods',
      "This MFA method is not allowed by the organization's settings.",
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new StytchError(429, 'too_many_requests', 'Too many requests have been made. Try again later.', {
      retry_after_seconds: retryAfterSeconds,
    }),
  invalidCode: () => new StytchError(400, 'invalid_code', 'The code must be 6 digits.'),
  otpCodeNotFound: () => new StytchError(404, 'otp_code_not_found', 'The one-time passcode is incorrect.'),
  unableToAuthOtp: () =>
    new StytchError(
      401,
      'unable_to_auth_otp_code',
      'The one-time passcode has expired or was already used. Request a new one.',
    ),
  invalidSetMfaEnrollment: () =>
    new StytchError(400, 'invalid_set_mfa_enrollment', "set_mfa_enrollment must be 'enroll' or 'unenroll'."),
  invalidDefaultMethod: () =>
    new StytchError(400, 'invalid_mfa_default_method', "default_mfa_method must be 'sms_otp' or 'totp'."),
  defaultMissingFactor: () =>
    new StytchError(
      400,
      'default_mfa_member_missing_factor',
      'The member is not enrolled in the MFA method named as default.',
    ),
  activeTotpExists: () =>
    new StytchError(400, 'active_totp_exists', 'The member already has an active TOTP registration.'),
  pendingTotpExists: () =>
    new StytchError(
      400,
      'pending_totp_exists',
      'The member has a TOTP registration that is not verified yet. Verify it or wait for it to expire.',
    ),
  totpNotFound: () => new StytchError(404, 'totp_not_found', 'The member has no TOTP registration.'),
  expiredTotp: () =>
    new StytchError(400, 'expired_totp', 'The TOTP registration expired before it was verified.'),
  invalidTotpCode: () => new StytchError(400, 'invalid_totp_code', 'The TOTP code must be 6 digits.'),
  recoveryCodeAsTotp: () =>
    new StytchError(
      400,
      'recovery_code_used_as_totp_code',
      'A recovery code was entered where a TOTP code was expected.',
    ),
  totpAsRecoveryCode: () =>
    new StytchError(
      400,
      'totp_code_used_as_recovery_code',
      'A TOTP code was entered where a recovery code was expected.',
    ),
  unableToAuthTotp: () => new StytchError(401, 'unable_to_authenticate_totp', 'The TOTP code is incorrect.'),
  totpReplayed: () =>
    new StytchError(
      400,
      'totp_code_already_authenticated',
      'This TOTP code was already used. Wait for the next code.',
    ),
  invalidRecoveryCode: () =>
    new StytchError(400, 'invalid_recovery_code', 'Recovery codes look like xxxx-xxxx-xxxx.'),
  unableToAuthRecoveryCode: () =>
    new StytchError(
      401,
      'unable_to_authenticate_recovery_code',
      'The recovery code is incorrect or was already used.',
    ),
  noRecoveryFactor: () =>
    new StytchError(
      400,
      'no_active_recovery_code_backed_factor',
      'The member has no active TOTP registration, so has no recovery codes.',
    ),
  invalidExpiration: () =>
    new StytchError(400, 'invalid_argument', 'expiration_minutes must be between 5 and 1440.'),
  magicLinkNotFound: () => new StytchError(404, 'magic_link_not_found', 'Magic link could not be found.'),
  unableToAuthMagicLink: () =>
    new StytchError(
      401,
      'unable_to_auth_magic_link',
      'The magic link could not be authenticated: it expired or was already used.',
    ),
  noLoginRedirect: () =>
    new StytchError(
      400,
      'no_login_redirect_url',
      'login_redirect_url is required: the emulator has no default.',
    ),
  internal: () => new StytchError(500, 'internal_server_error', 'Oops, something seems to have gone wrong.'),
} as const;
