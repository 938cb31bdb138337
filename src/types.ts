/** The MFA methods the kit knows. `recovery_code` stands in for TOTP. */
export type MfaMethod = 'sms_otp' | 'totp' | 'recovery_code';

/** Every step an element can show; each element exposes its current one as `step`. */
export type MfaStep =
  | 'select-method'
  | 'enter-phone'
  | 'enter-sms-code'
  | 'scan-totp'
  | 'enter-totp-code'
  | 'save-recovery-codes'
  | 'enter-recovery-code'
  | 'done';

/** `set_mfa_enrollment`: absent means step-up (enrollment unchanged). */
export type Enrollment = 'enroll' | 'unenroll';
