import { sameSecret } from '../constant-time.js';
import type { EmulatorCore, MfaProof } from '../core.js';
import { errors } from '../errors.js';
import type { MemberRecord, SessionRecord } from '../state.js';
import { newRecoveryCodes, RECOVERY_CODE } from './totp.js';

/**
 * Where `code` stands in `codes` (-1 if nowhere), comparing it with every code whatever matches, so
 * the time taken says nothing about which code, or how much of a guess, was right.
 */
function constantTimeIndex(codes: readonly string[], code: string): number {
  let found = -1;
  codes.forEach((candidate, i) => {
    if (sameSecret(code, candidate) && found < 0) found = i;
  });
  return found;
}

function activeTotp(member: MemberRecord) {
  if (member.totp?.status !== 'active') throw errors.noRecoveryFactor();
  return member.totp;
}

/** `recovery_codes.recover`: each code works once; wrong ones count toward the attempt limit. */
export function recoverWithCode(
  core: EmulatorCore,
  member: MemberRecord,
  proof: MfaProof,
  input: { recovery_code: string; session_duration_minutes?: number | undefined },
): { session: SessionRecord; remaining: number } {
  const minutes = core.checkSessionDuration(input.session_duration_minutes);
  if (proof.kind === 'none') throw errors.noSessionArguments();
  const totp = activeTotp(member);
  const code = input.recovery_code.trim().toLowerCase();
  if (/^\d{6}$/.test(code)) throw errors.totpAsRecoveryCode();
  if (!RECOVERY_CODE.test(code)) throw errors.invalidRecoveryCode();
  core.checkAttemptLimit(member);
  const index = constantTimeIndex(totp.recovery_codes, code);
  if (index < 0) {
    core.countFailure(member);
    throw errors.unableToAuthRecoveryCode();
  }
  totp.recovery_codes.splice(index, 1);
  const session = core.grantSession(
    proof,
    member,
    { type: 'recovery_codes', at: core.now(), ref: totp.totp_registration_id },
    minutes,
  );
  return { session, remaining: totp.recovery_codes.length };
}

/** The member's unused recovery codes. */
export function recoveryCodesOf(member: MemberRecord): string[] {
  return [...activeTotp(member).recovery_codes];
}

/** New recovery codes in place of the old ones. */
export function rotateRecoveryCodes(member: MemberRecord): string[] {
  const totp = activeTotp(member);
  totp.recovery_codes = newRecoveryCodes();
  return [...totp.recovery_codes];
}
