import { errors } from '../../errors.js';
import { param, type Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { AUTHENTICATE_FIELDS, factorTarget } from '../../services/factor.js';
import { recoverWithCode, recoveryCodesOf, rotateRecoveryCodes } from '../../services/recovery-codes.js';
import { smsAuthenticate, smsSend } from '../../services/sms.js';
import { totpAuthenticate, totpCreate } from '../../services/totp.js';
import { sessionArgs, TARGET } from './session-args.js';

/**
 * The MFA factors as Stytch's backend API serves them (the official `stytch` package's `otps.sms`,
 * `totps` and `recoveryCodes`). The project's secret is trusted to name the member, so `send` and
 * `create` need no session for a member with no factor yet (one that has a factor must show its
 * login); `authenticate` needs exactly one.
 */
export const backendFactorRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/otps/sms/send',
    handle(core, { body }) {
      const b = readBody(body, { ...TARGET, mfa_phone_number: 'string?', locale: 'string?' });
      const { member } = factorTarget(core, b, 'sms_otp', sessionArgs(b), 'once-enrolled');
      smsSend(core, member, b.mfa_phone_number);
      return core.memberResponse(member);
    },
  },
  {
    method: 'POST',
    path: '/b2b/otps/sms/authenticate',
    handle(core, { body }) {
      const b = readBody(body, { ...TARGET, ...AUTHENTICATE_FIELDS });
      const { member, proof } = factorTarget(core, b, 'sms_otp', sessionArgs(b), 'always');
      return core.authenticateResponse(smsAuthenticate(core, member, proof, b), member);
    },
  },
  {
    method: 'POST',
    path: '/b2b/totp',
    async handle(core, { body }) {
      const b = readBody(body, { ...TARGET, expiration_minutes: 'number?' });
      const { member } = factorTarget(core, b, 'totp', sessionArgs(b), 'once-enrolled');
      const created = await totpCreate(core, member, b.expiration_minutes);
      return { ...core.memberResponse(member), ...created };
    },
  },
  {
    method: 'POST',
    path: '/b2b/totp/authenticate',
    handle(core, { body }) {
      const b = readBody(body, { ...TARGET, ...AUTHENTICATE_FIELDS });
      const { member, proof } = factorTarget(core, b, 'totp', sessionArgs(b), 'always');
      return core.authenticateResponse(totpAuthenticate(core, member, proof, b), member);
    },
  },
  {
    method: 'POST',
    path: '/b2b/recovery_codes/recover',
    handle(core, { body }) {
      const b = readBody(body, { ...TARGET, recovery_code: 'string', session_duration_minutes: 'number?' });
      const member = core.member(b.organization_id, b.member_id);
      const proof = core.mfaProof(sessionArgs(b), member);
      if (proof.kind === 'none') throw errors.noSessionArguments();
      const { session, remaining } = recoverWithCode(core, member, proof, b);
      return { ...core.authenticateResponse(session, member), recovery_codes_remaining: remaining };
    },
  },
  {
    method: 'GET',
    path: '/b2b/recovery_codes/:organization_id/:member_id',
    handle(core, { params }) {
      const member = core.member(param(params, 'organization_id'), param(params, 'member_id'));
      return { ...core.memberResponse(member), recovery_codes: recoveryCodesOf(member) };
    },
  },
  {
    method: 'POST',
    path: '/b2b/recovery_codes/rotate',
    handle(core, { body }) {
      const b = readBody(body, { organization_id: 'string', member_id: 'string' });
      const member = core.member(b.organization_id, b.member_id);
      return { ...core.memberResponse(member), recovery_codes: rotateRecoveryCodes(member) };
    },
  },
];
