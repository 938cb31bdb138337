import { iso } from '../clock.js';
import { sameSecret } from '../constant-time.js';
import type { EmulatorCore, MfaProof } from '../core.js';
import { errors } from '../errors.js';
import { numericCode } from '../ids.js';
import type { MemberRecord, SessionRecord } from '../state.js';
import { checkAuthenticateInput, type AuthenticateInput } from './factor.js';

const E164 = /^\+[1-9]\d{7,14}$/;

/** Refuses what Stytch refuses: not E.164, an impossible North American number, a country not enabled. */
export function checkPhoneNumber(core: EmulatorCore, phone: string): void {
  if (!E164.test(phone)) throw errors.invalidPhoneNumber();
  if (phone.startsWith('+1') && !/^\+1[2-9]\d{2}[2-9]\d{6}$/.test(phone)) throw errors.invalidPhoneNumber();
  if (!core.options.smsCountryCallingCodes.some((code) => phone.startsWith(`+${code}`))) {
    throw errors.phoneCountryNotAllowed();
  }
}

/**
 * Sends a new code to `phone` (rate-limited per number), linking the number to the member if it is
 * new to them. The new code replaces any earlier one.
 */
export function sendSmsCode(core: EmulatorCore, member: MemberRecord, phone: string): void {
  core.rateLimit(phone, 'sms_sends', core.options.smsRateLimit);
  const now = core.now();
  if (member.mfa_phone_number !== phone) {
    member.mfa_phone_number = phone;
    member.mfa_phone_number_verified = false;
    member.phone_id = `phone-number-test-${now.toString(36)}`;
    member.updated_at = now;
  }
  const code = numericCode(6);
  core.state.sms_codes.set(member.member_id, {
    member_id: member.member_id,
    phone_number: phone,
    code,
    expires_at: now + core.options.smsCodeTtlSeconds * 1000,
    failed_attempts: 0,
  });
  core.state.sms_outbox.push({
    to: phone,
    body: `Your ${core.options.projectName} verification code is ${code}. It expires in ${Math.round(core.options.smsCodeTtlSeconds / 60)} minutes.`,
    code,
    sent_at: iso(now),
  });
}

/**
 * `otps.sms.send`: to the number given, or the member's own. A verified number is not replaced by
 * another (the member deletes it first).
 */
export function smsSend(core: EmulatorCore, member: MemberRecord, requested: string | undefined): void {
  let phone = member.mfa_phone_number;
  if (requested) {
    checkPhoneNumber(core, requested);
    if (phone && phone !== requested && member.mfa_phone_number_verified) throw errors.phoneMismatch();
    phone = requested;
  } else if (!phone) {
    throw errors.missingPhone();
  }
  sendSmsCode(core, member, phone);
}

/**
 * `otps.sms.authenticate`: the code sent last, once, before it expires and within its tries; the
 * number becomes verified, enrollment is applied and the session granted.
 */
export function smsAuthenticate(
  core: EmulatorCore,
  member: MemberRecord,
  proof: MfaProof,
  input: AuthenticateInput,
): SessionRecord {
  const minutes = checkAuthenticateInput(core, input);
  if (!/^\d{6}$/.test(input.code)) throw errors.invalidCode();

  const record = core.state.sms_codes.get(member.member_id);
  if (!record) throw errors.otpCodeNotFound();
  if (record.expires_at <= core.now() || record.failed_attempts >= core.options.smsCodeAttempts) {
    throw errors.unableToAuthOtp();
  }
  if (!sameSecret(input.code, record.code)) {
    record.failed_attempts += 1;
    throw errors.otpCodeNotFound();
  }
  core.state.sms_codes.delete(member.member_id);
  member.mfa_phone_number_verified = true;
  core.applyEnrollment(member, input.set_mfa_enrollment, 'sms_otp', input.set_default_mfa === true);
  return core.grantSession(proof, member, { type: 'otp', at: core.now(), ref: record.phone_number }, minutes);
}
