import type { EmulatorCore, MfaProof, SessionArgs } from '../core.js';
import { errors } from '../errors.js';
import type { AllowedMfaMethod as MfaMethod } from '../seed.js';
import { hasActiveFactor, isMethodAllowed, type MemberRecord } from '../state.js';

/** The fields of SMS and TOTP `authenticate`, on both route sets. */
export const AUTHENTICATE_FIELDS = {
  code: 'string',
  session_duration_minutes: 'number?',
  set_mfa_enrollment: 'string?',
  set_default_mfa: 'boolean?',
} as const;

/**
 * What every factor's `authenticate` checks of its input before the code: the session's length and
 * the enrollment asked for. Resolves with the session's minutes.
 */
export function checkAuthenticateInput(core: EmulatorCore, input: AuthenticateInput): number {
  const minutes = core.checkSessionDuration(input.session_duration_minutes);
  core.checkEnrollmentSetting(input.set_mfa_enrollment);
  return minutes;
}

/** What a factor's `authenticate` takes once the member and the proof are known. */
export interface AuthenticateInput {
  code: string;
  session_duration_minutes?: number | undefined;
  set_mfa_enrollment?: string | undefined;
  set_default_mfa?: boolean | undefined;
}

/**
 * What every SMS and TOTP call checks first: the member, that the organization allows the method, and
 * what proves the member is mid-login or signed in. With `proof: 'always'` (authenticate, and the
 * SDK's TOTP create) that proof is required; with `'once-enrolled'` (SMS send, the backend's TOTP
 * create) only when the member has an active factor, as Stytch's API reference says, so a factor
 * cannot be added by someone who merely knows the member's ID. A proof given must be this member's.
 */
export function factorTarget(
  core: EmulatorCore,
  ids: { organization_id: string; member_id: string },
  method: MfaMethod,
  args: SessionArgs,
  proof: 'always' | 'once-enrolled',
): { member: MemberRecord; proof: MfaProof } {
  const member = core.member(ids.organization_id, ids.member_id);
  if (!isMethodAllowed(core.organization(member.organization_id), method)) throw errors.methodRestricted();
  const found = core.mfaProof(args, member);
  if (found.kind === 'none' && (proof === 'always' || hasActiveFactor(member))) {
    throw errors.noSessionArguments();
  }
  return { member, proof: found };
}
