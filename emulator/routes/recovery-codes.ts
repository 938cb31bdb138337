import { errors } from '../errors.js';
import type { Route } from '../router.js';
import { readBody } from '../schema.js';
import type { MemberRecord } from '../state.js';
import { newRecoveryCodes, RECOVERY_CODE } from './totp.js';

function activeTotp(member: MemberRecord) {
  if (member.totp?.status !== 'active') throw errors.noRecoveryFactor();
  return member.totp;
}

export const recoveryCodeRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/recovery_codes/recover',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        organization_id: 'string',
        member_id: 'string',
        recovery_code: 'string',
        session_duration_minutes: 'number?',
        intermediate_session_token: 'string?',
      });
      const member = core.member(b.organization_id, b.member_id);
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const proof = core.mfaProof(caller, b.intermediate_session_token, member);
      if (proof.kind === 'none') throw errors.noSessionArguments();
      const totp = activeTotp(member);
      const code = b.recovery_code.trim().toLowerCase();
      if (/^\d{6}$/.test(code)) throw errors.totpAsRecoveryCode();
      if (!RECOVERY_CODE.test(code)) throw errors.invalidRecoveryCode();
      core.checkAttemptLimit(member);
      const index = totp.recovery_codes.indexOf(code);
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
      return {
        ...core.authenticateResponse(session, member),
        recovery_codes_remaining: totp.recovery_codes.length,
      };
    },
  },
  {
    method: 'GET',
    path: '/b2b/recovery_codes',
    handle(core, { caller }) {
      const session = core.requireSession(caller);
      const member = core.member(session.organization_id, session.member_id);
      return { ...core.memberResponse(member), recovery_codes: [...activeTotp(member).recovery_codes] };
    },
  },
  {
    method: 'POST',
    path: '/b2b/recovery_codes/rotate',
    handle(core, { caller }) {
      const session = core.requireSession(caller);
      const member = core.member(session.organization_id, session.member_id);
      const totp = activeTotp(member);
      totp.recovery_codes = newRecoveryCodes();
      return { ...core.memberResponse(member), recovery_codes: [...totp.recovery_codes] };
    },
  },
];
