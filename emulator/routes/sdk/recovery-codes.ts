import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { recoverWithCode, recoveryCodesOf, rotateRecoveryCodes } from '../../services/recovery-codes.js';
import { sdkSessionArgs, TARGET } from './target.js';

export const recoveryCodeRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/recovery_codes/recover',
    handle(core, { body, caller }) {
      const b = readBody(body, { ...TARGET, recovery_code: 'string', session_duration_minutes: 'number?' });
      const member = core.member(b.organization_id, b.member_id);
      const proof = core.mfaProof(sdkSessionArgs(b, caller), member);
      const { session, remaining } = recoverWithCode(core, member, proof, b);
      return { ...core.authenticateResponse(session, member), recovery_codes_remaining: remaining };
    },
  },
  {
    method: 'GET',
    path: '/b2b/recovery_codes',
    handle(core, { caller }) {
      const member = core.sessionMember(core.callerSession(caller));
      return { ...core.memberResponse(member), recovery_codes: recoveryCodesOf(member) };
    },
  },
  {
    method: 'POST',
    path: '/b2b/recovery_codes/rotate',
    handle(core, { caller }) {
      const member = core.sessionMember(core.callerSession(caller));
      return { ...core.memberResponse(member), recovery_codes: rotateRecoveryCodes(member) };
    },
  },
];
