import type { EmulatorCore } from '../core.js';
import { errors } from '../errors.js';
import type { MemberRecord } from '../state.js';
import { checkPhoneNumber } from './sms.js';

/** After a factor is removed, a default that named it falls back to what is left. */
function fixDefault(member: MemberRecord): void {
  if (member.default_mfa_method === 'sms_otp' && !member.mfa_phone_number) {
    member.default_mfa_method = member.totp?.status === 'active' ? 'totp' : '';
  }
  if (member.default_mfa_method === 'totp' && member.totp?.status !== 'active') {
    member.default_mfa_method = member.mfa_phone_number_verified ? 'sms_otp' : '';
  }
}

export interface MemberUpdate {
  name?: string | undefined;
  untrusted_metadata?: Record<string, unknown> | undefined;
  mfa_enrolled?: boolean | undefined;
  mfa_phone_number?: string | undefined;
  default_mfa_method?: string | undefined;
}

/** A member update: a phone only where there is none, a default only for a factor the member has. */
export function updateMember(core: EmulatorCore, member: MemberRecord, b: MemberUpdate): void {
  if (b.mfa_phone_number) {
    checkPhoneNumber(core, b.mfa_phone_number);
    if (member.mfa_phone_number && member.mfa_phone_number !== b.mfa_phone_number)
      throw errors.memberPhoneExists();
  }
  if (b.default_mfa_method !== undefined) {
    if (b.default_mfa_method !== 'sms_otp' && b.default_mfa_method !== 'totp')
      throw errors.invalidDefaultMethod();
    const has =
      b.default_mfa_method === 'sms_otp'
        ? member.mfa_phone_number_verified
        : member.totp?.status === 'active';
    if (!has) throw errors.defaultMissingFactor();
  }
  if (b.name !== undefined) member.name = b.name;
  if (b.untrusted_metadata)
    member.untrusted_metadata = { ...member.untrusted_metadata, ...b.untrusted_metadata };
  if (b.mfa_enrolled !== undefined) member.mfa_enrolled = b.mfa_enrolled;
  if (b.mfa_phone_number && member.mfa_phone_number !== b.mfa_phone_number) {
    member.mfa_phone_number = b.mfa_phone_number;
    member.mfa_phone_number_verified = false;
  }
  if (b.default_mfa_method === 'sms_otp' || b.default_mfa_method === 'totp') {
    member.default_mfa_method = b.default_mfa_method;
  }
  member.updated_at = core.now();
}

export function deleteMfaPhone(core: EmulatorCore, member: MemberRecord): void {
  member.mfa_phone_number = '';
  member.mfa_phone_number_verified = false;
  member.phone_id = '';
  core.state.sms_codes.delete(member.member_id);
  fixDefault(member);
  member.updated_at = core.now();
}

export function deleteTotp(core: EmulatorCore, member: MemberRecord): void {
  member.totp = null;
  fixDefault(member);
  member.updated_at = core.now();
}

/** The fields of a member update, on both route sets. */
export const MEMBER_UPDATE_FIELDS = {
  name: 'string?',
  untrusted_metadata: 'object?',
  mfa_enrolled: 'boolean?',
  mfa_phone_number: 'string?',
  default_mfa_method: 'string?',
} as const;
