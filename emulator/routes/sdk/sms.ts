import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { AUTHENTICATE_FIELDS, factorTarget } from '../../services/factor.js';
import { smsAuthenticate, smsSend } from '../../services/sms.js';
import { sdkSessionArgs, TARGET } from './target.js';

export const smsRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/otps/sms/send',
    handle(core, { body, caller }) {
      const b = readBody(body, { ...TARGET, mfa_phone_number: 'string?', locale: 'string?' });
      const { member } = factorTarget(core, b, 'sms_otp', sdkSessionArgs(b, caller), 'once-enrolled');
      smsSend(core, member, b.mfa_phone_number);
      return core.memberResponse(member);
    },
  },
  {
    method: 'POST',
    path: '/b2b/otps/sms/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, { ...TARGET, ...AUTHENTICATE_FIELDS });
      const { member, proof } = factorTarget(core, b, 'sms_otp', sdkSessionArgs(b, caller), 'always');
      return core.authenticateResponse(smsAuthenticate(core, member, proof, b), member);
    },
  },
];
