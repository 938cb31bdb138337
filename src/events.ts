import type { Member, MemberSession, Organization } from './stytch/types.js';
import type { MfaMethod, MfaStep } from './types.js';

/** `mfa-step`: the visible step changed. */
export interface StepDetail {
  step: MfaStep;
  method: MfaMethod | null;
}

/** `mfa-sms-sent`: a code was sent. The number is masked, e.g. `+1•••••••234`. */
export interface SmsSentDetail {
  phoneNumber: string;
  resend: boolean;
}

/** `mfa-totp-created`: the TOTP registration exists. */
export interface TotpCreatedDetail {
  totpRegistrationId: string;
}

/** `mfa-recovery-codes-saved`: the member confirmed saving the codes. */
export type RecoveryCodesSavedDetail = Record<string, never>;

/** `mfa-enrolled`: enrollment completed. */
export interface EnrolledDetail {
  method: MfaMethod;
  member: Member;
  organization: Organization;
}

/** `mfa-unenrolled`: unenrollment completed. */
export interface UnenrolledDetail {
  method: MfaMethod;
  member: Member;
}

/** `mfa-authenticated`: a full session exists. `method` is null when no MFA was needed. */
export interface AuthenticatedDetail {
  method: MfaMethod | null;
  member: Member;
  organization: Organization;
  memberSession: MemberSession;
  /**
   * With `method: 'recovery_code'`: how many recovery codes the member has left (each works once),
   * so the page can tell them to make new ones.
   */
  recoveryCodesRemaining?: number;
}

/**
 * `mfa-error`: any failure. `code` is Stytch's `error_type` or one of the kit's (`no_client`,
 * `no_session`, `network`, `invalid_phone_number`, `invalid_code`, …); `message` is localized.
 */
export interface ErrorDetail {
  code: string;
  message: string;
  step: MfaStep | null;
  recoverable: boolean;
}

/** `mfa-code-complete`: `<mfa-code-input>` holds a full code (its own value). */
export interface CodeCompleteDetail {
  code: string;
}

/** An organization's MFA policy, as `<mfa-org-policy>` reads and saves it (no secrets in it). */
export interface MfaPolicy {
  /** `REQUIRED_FOR_ALL` or `OPTIONAL`. */
  mfa_policy: 'REQUIRED_FOR_ALL' | 'OPTIONAL';
  /** `ALL_ALLOWED`, or `RESTRICTED` to `allowed_mfa_methods`. */
  mfa_methods: 'ALL_ALLOWED' | 'RESTRICTED';
  allowed_mfa_methods: ('sms_otp' | 'totp')[];
}

/** `mfa-policy-changed`: an admin saved the organization's MFA policy. */
export interface PolicyChangedDetail {
  before: MfaPolicy;
  after: MfaPolicy;
}

/**
 * `mfa-member-updated`: an admin changed a member's second factors — `mfa_required` (MFA required
 * for that member), `phone_removed`, `totp_removed`. Never a phone number or a secret.
 */
export interface MemberUpdatedDetail {
  member_id: string;
  change: 'mfa_required' | 'phone_removed' | 'totp_removed';
}

/** Every event the kit dispatches, by name. */
export interface MfaEventMap {
  'mfa-step': StepDetail;
  'mfa-sms-sent': SmsSentDetail;
  'mfa-totp-created': TotpCreatedDetail;
  'mfa-recovery-codes-saved': RecoveryCodesSavedDetail;
  'mfa-enrolled': EnrolledDetail;
  'mfa-unenrolled': UnenrolledDetail;
  'mfa-authenticated': AuthenticatedDetail;
  'mfa-error': ErrorDetail;
  'mfa-code-complete': CodeCompleteDetail;
  'mfa-policy-changed': PolicyChangedDetail;
  'mfa-member-updated': MemberUpdatedDetail;
}

/** Dispatches a kit event: a `CustomEvent` that bubbles and crosses shadow roots. */
export function emit<K extends keyof MfaEventMap>(
  target: EventTarget,
  name: K,
  detail: MfaEventMap[K],
): boolean {
  // mfa-authenticated is cancelable: <mfa-flow redirect-url> navigates unless a listener prevents it.
  const cancelable = name === 'mfa-authenticated';
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

/**
 * Fires a field's own `change`: an inner control's `change` does not leave its shadow root. Like the
 * native one it bubbles and is not composed.
 */
export function emitChange(target: EventTarget): boolean {
  return target.dispatchEvent(new Event('change', { bubbles: true }));
}

declare global {
  interface HTMLElementEventMap {
    'mfa-step': CustomEvent<StepDetail>;
    'mfa-sms-sent': CustomEvent<SmsSentDetail>;
    'mfa-totp-created': CustomEvent<TotpCreatedDetail>;
    'mfa-recovery-codes-saved': CustomEvent<RecoveryCodesSavedDetail>;
    'mfa-enrolled': CustomEvent<EnrolledDetail>;
    'mfa-unenrolled': CustomEvent<UnenrolledDetail>;
    'mfa-authenticated': CustomEvent<AuthenticatedDetail>;
    'mfa-error': CustomEvent<ErrorDetail>;
    'mfa-code-complete': CustomEvent<CodeCompleteDetail>;
    'mfa-policy-changed': CustomEvent<PolicyChangedDetail>;
    'mfa-member-updated': CustomEvent<MemberUpdatedDetail>;
  }
}
