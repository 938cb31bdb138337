import type { EmulatorCore } from '../core.js';
import { StytchError } from '../errors.js';
import { toMember, toOrganization } from '../serialize.js';
import { isMethodAllowed, type FactorRecord, type MemberRecord, type SessionRecord } from '../state.js';
import { sendSmsCode } from './sms.js';

/**
 * The answer of every primary-auth route (passwords, magic links, discovery exchange): a full session
 * when MFA is not needed, else an intermediate session with `mfa_required` — and, for a member whose
 * default is SMS, the code already sent. A session the caller already holds for this member gains
 * the factor instead.
 */
export function primaryAuthenticate(
  core: EmulatorCore,
  held: SessionRecord | null,
  member: MemberRecord,
  factor: FactorRecord,
  minutes: number,
) {
  const org = core.organization(member.organization_id);
  const current = held?.member_id === member.member_id ? held : null;
  const mfaRequired = !current && (org.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled);

  if (!mfaRequired) {
    const session = current
      ? core.grantSession({ kind: 'session', session: current }, member, factor, minutes)
      : core.createSession(member, [factor], minutes);
    return {
      ...core.authenticateResponse(session, member),
      organization_id: org.organization_id,
      member_authenticated: true,
      mfa_required: null,
      primary_required: null,
    };
  }

  const ist = core.createIntermediateSession(member, [factor]);
  const totpId = member.totp?.status === 'active' ? member.totp.totp_registration_id : '';
  let initiated: 'sms_otp' | null = null;
  if (member.mfa_phone_number && isMethodAllowed(org, 'sms_otp') && member.default_mfa_method !== 'totp') {
    try {
      sendSmsCode(core, member, member.mfa_phone_number);
      initiated = 'sms_otp';
    } catch (error) {
      // A rate-limited number simply gets no automatic code; the member can ask for one later.
      if (!(error instanceof StytchError && error.statusCode === 429)) throw error;
    }
  }
  return {
    member_id: member.member_id,
    organization_id: org.organization_id,
    member: toMember(member),
    organization: toOrganization(org),
    member_authenticated: false,
    member_session: null,
    session_token: '',
    session_jwt: '',
    intermediate_session_token: ist.token,
    mfa_required: {
      member_options:
        member.mfa_phone_number || totpId
          ? { mfa_phone_number: member.mfa_phone_number, totp_registration_id: totpId }
          : null,
      secondary_auth_initiated: initiated,
    },
    primary_required: null,
  };
}
