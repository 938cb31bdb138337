import QRCode from 'qrcode';
import type { EmulatorCore } from '../core.js';
import { errors } from '../errors.js';
import { recoveryCode, testId } from '../ids.js';
import type { Route } from '../router.js';
import type { MemberRecord, OrganizationRecord } from '../state.js';
import { AUTHENTICATE_FIELDS, mfaRequest } from './mfa-request.js';
import { matchTotpStep, newTotpSecret, TOTP_PERIOD_SECONDS } from '../totp.js';

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

export const totpRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/totp',
    async handle(core, { body, caller }) {
      const fields = { expiration_minutes: 'number?' } as const;
      const { b, member } = mfaRequest(core, body, caller, 'totp', fields, 'start');
      const org = core.organization(member.organization_id);
      const minutes = b.expiration_minutes ?? 60;
      if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440) throw errors.invalidExpiration();
      const now = core.now();
      if (member.totp?.status === 'active') throw errors.activeTotpExists();
      if (member.totp?.status === 'pending' && member.totp.expires_at > now) throw errors.pendingTotpExists();

      const secret = newTotpSecret();
      const totp = {
        totp_registration_id: testId('member-totp'),
        secret,
        status: 'pending' as const,
        expires_at: now + minutes * 60_000,
        last_step: null,
        recovery_codes: newRecoveryCodes(),
      };
      member.totp = totp;
      member.updated_at = now;
      const qr = await QRCode.toDataURL(otpauthUri(core, org, member, secret), { errorCorrectionLevel: 'M' });
      return {
        ...core.memberResponse(member),
        totp_registration_id: totp.totp_registration_id,
        secret,
        qr_code: qr,
        recovery_codes: [...totp.recovery_codes],
      };
    },
  },
  {
    method: 'POST',
    path: '/b2b/totp/authenticate',
    handle(core, { body, caller }) {
      const { b, member, proof } = mfaRequest(
        core,
        body,
        caller,
        'totp',
        AUTHENTICATE_FIELDS,
        'authenticate',
      );
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      core.checkEnrollmentSetting(b.set_mfa_enrollment);
      const totp = member.totp;
      if (!totp) throw errors.totpNotFound();
      const now = core.now();
      if (totp.status === 'pending' && totp.expires_at <= now) {
        member.totp = null;
        throw errors.expiredTotp();
      }
      if (RECOVERY_CODE.test(b.code.trim().toLowerCase())) throw errors.recoveryCodeAsTotp();
      if (!/^\d{6}$/.test(b.code)) throw errors.invalidTotpCode();
      core.checkAttemptLimit(member);

      const step = matchTotpStep(totp.secret, b.code, now);
      if (step === null) {
        core.countFailure(member);
        throw errors.unableToAuthTotp();
      }
      if (totp.last_step !== null && step <= totp.last_step) throw errors.totpReplayed();
      totp.last_step = step;
      totp.status = 'active';
      core.applyEnrollment(member, b.set_mfa_enrollment, 'totp', b.set_default_mfa === true);
      const session = core.grantSession(
        proof,
        member,
        { type: 'totp', at: now, ref: totp.totp_registration_id },
        minutes,
      );
      return core.authenticateResponse(session, member);
    },
  },
];
