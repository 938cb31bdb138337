import { timingSafeEqual } from 'node:crypto';
import type { EmulatorCore } from '../core.js';
import { errors } from '../errors.js';
import { numericCode } from '../ids.js';
import type { Route } from '../router.js';
import type { MemberRecord } from '../state.js';
import { AUTHENTICATE_FIELDS, mfaRequest } from './mfa-request.js';
import { iso } from '../clock.js';

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
  core.state.sms_codes[member.member_id] = {
    member_id: member.member_id,
    phone_number: phone,
    code,
    expires_at: now + core.options.smsCodeTtlSeconds * 1000,
    failed_attempts: 0,
  };
  core.state.sms_outbox.push({
    to: phone,
    body: `Your ${core.options.projectName} verification code is ${code}. It expires in ${Math.round(core.options.smsCodeTtlSeconds / 60)} minutes.`,
    code,
    sent_at: iso(now),
  });
}

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export const smsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/otps/sms/send',
    handle(core, { body, caller }) {
      const fields = { mfa_phone_number: 'string?', locale: 'string?' } as const;
      const { b, member } = mfaRequest(core, body, caller, 'sms_otp', fields, 'start');
      let phone = member.mfa_phone_number;
      if (b.mfa_phone_number) {
        checkPhoneNumber(core, b.mfa_phone_number);
        if (phone && phone !== b.mfa_phone_number && member.mfa_phone_number_verified)
          throw errors.phoneMismatch();
        phone = b.mfa_phone_number;
      } else if (!phone) {
        throw errors.missingPhone();
      }
      sendSmsCode(core, member, phone);
      return core.memberResponse(member);
    },
  },
  {
    method: 'POST',
    path: '/b2b/otps/sms/authenticate',
    handle(core, { body, caller }) {
      const { b, member, proof } = mfaRequest(
        core,
        body,
        caller,
        'sms_otp',
        AUTHENTICATE_FIELDS,
        'authenticate',
      );
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      core.checkEnrollmentSetting(b.set_mfa_enrollment);
      if (!/^\d{6}$/.test(b.code)) throw errors.invalidCode();

      const record = core.state.sms_codes[member.member_id];
      if (!record) throw errors.otpCodeNotFound();
      if (record.expires_at <= core.now() || record.failed_attempts >= core.options.smsCodeAttempts) {
        throw errors.unableToAuthOtp();
      }
      if (!sameCode(record.code, b.code)) {
        record.failed_attempts += 1;
        throw errors.otpCodeNotFound();
      }
      delete core.state.sms_codes[member.member_id];
      member.mfa_phone_number_verified = true;
      core.applyEnrollment(member, b.set_mfa_enrollment, 'sms_otp', b.set_default_mfa === true);
      const session = core.grantSession(
        proof,
        member,
        { type: 'otp', at: core.now(), ref: record.phone_number },
        minutes,
      );
      return core.authenticateResponse(session, member);
    },
  },
];
