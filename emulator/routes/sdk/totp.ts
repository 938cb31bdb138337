import type { Route } from '../../router.js';
import { readBody } from '../../schema.js';
import { AUTHENTICATE_FIELDS, factorTarget } from '../../services/factor.js';
import { totpAuthenticate, totpCreate } from '../../services/totp.js';
import { sdkSessionArgs, TARGET } from './target.js';

export const totpRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/totp',
    async handle(core, { body, caller }) {
      const b = readBody(body, { ...TARGET, expiration_minutes: 'number?' });
      // Only the member mid-login or signed in: a public token alone would let anyone start (and so
      // block, for the registration's lifetime) any member's setup.
      const { member } = factorTarget(core, b, 'totp', sdkSessionArgs(b, caller), 'always');
      const created = await totpCreate(core, member, b.expiration_minutes);
      return { ...core.memberResponse(member), ...created };
    },
  },
  {
    method: 'POST',
    path: '/b2b/totp/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, { ...TARGET, ...AUTHENTICATE_FIELDS });
      const { member, proof } = factorTarget(core, b, 'totp', sdkSessionArgs(b, caller), 'always');
      return core.authenticateResponse(totpAuthenticate(core, member, proof, b), member);
    },
  },
];
