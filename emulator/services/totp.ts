import type { EmulatorCore, MfaProof } from '../core.js';
import { errors } from '../errors.js';
import { qrPngDataUrl } from '../qr-png.js';
import { recoveryCode, testId } from '../ids.js';
import type { MemberRecord, OrganizationRecord, SessionRecord } from '../state.js';
import { matchTotpStep, newTotpSecret, TOTP_PERIOD_SECONDS } from '../totp.js';
import { checkAuthenticateInput, type AuthenticateInput } from './factor.js';

export const RECOVERY_CODE = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;
const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
}

/** The `otpauth://` URI an authenticator app reads, in the form Stytch's QR codes carry. */
export function otpauthUri(
  core: EmulatorCore,
  org: OrganizationRecord,
  member: MemberRecord,
  secret: string,
): string {
  const issuer = `${core.options.projectName} (${org.organization_name})`;
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(member.email_address)}`;
  const query = new URLSearchParams({
    algorithm: 'SHA1',
    digits: '6',
    period: String(TOTP_PERIOD_SECONDS),
    secret,
    issuer,
  });
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

/** `totp.create`: a pending registration with its secret, QR code and recovery codes. */
export async function totpCreate(core: EmulatorCore, member: MemberRecord, expirationMinutes = 60) {
  const org = core.organization(member.organization_id);
  if (!Number.isInteger(expirationMinutes) || expirationMinutes < 5 || expirationMinutes > 1440)
    throw errors.invalidExpiration();
  const now = core.now();
  if (member.totp?.status === 'active') throw errors.activeTotpExists();
  if (member.totp?.status === 'pending' && member.totp.expires_at > now) throw errors.pendingTotpExists();

  const secret = newTotpSecret();
  const totp = {
    totp_registration_id: testId('member-totp'),
    secret,
    status: 'pending' as const,
    expires_at: now + expirationMinutes * 60_000,
    last_step: null,
    recovery_codes: newRecoveryCodes(),
  };
  member.totp = totp;
  member.updated_at = now;
  const qr = qrPngDataUrl(otpauthUri(core, org, member, secret));
  return {
    totp_registration_id: totp.totp_registration_id,
    secret,
    qr_code: qr,
    recovery_codes: [...totp.recovery_codes],
  };
}

/**
 * `totp.authenticate`: a code of the current step (±1), never one already used; a pending
 * registration becomes active. Wrong codes count toward the member's attempt limit.
 */
export function totpAuthenticate(
  core: EmulatorCore,
  member: MemberRecord,
  proof: MfaProof,
  input: AuthenticateInput,
): SessionRecord {
  const minutes = checkAuthenticateInput(core, input);
  const totp = member.totp;
  if (!totp) throw errors.totpNotFound();
  const now = core.now();
  if (totp.status === 'pending' && totp.expires_at <= now) {
    member.totp = null;
    throw errors.expiredTotp();
  }
  if (RECOVERY_CODE.test(input.code.trim().toLowerCase())) throw errors.recoveryCodeAsTotp();
  if (!/^\d{6}$/.test(input.code)) throw errors.invalidTotpCode();
  core.checkAttemptLimit(member);

  const step = matchTotpStep(totp.secret, input.code, now);
  if (step === null) {
    core.countFailure(member);
    throw errors.unableToAuthTotp();
  }
  if (totp.last_step !== null && step <= totp.last_step) throw errors.totpReplayed();
  totp.last_step = step;
  totp.status = 'active';
  core.applyEnrollment(member, input.set_mfa_enrollment, 'totp', input.set_default_mfa === true);
  return core.grantSession(proof, member, { type: 'totp', at: now, ref: totp.totp_registration_id }, minutes);
}
