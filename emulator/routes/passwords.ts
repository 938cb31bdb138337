import { timingSafeEqual } from 'node:crypto';
import { errors } from '../errors.js';
import type { Route } from '../router.js';
import { readBody } from '../schema.js';
import { primaryAuthenticate } from './primary.js';

function samePassword(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const passwordRoutes: Route[] = [
  {
    method: 'POST',
    path: '/b2b/passwords/authenticate',
    handle(core, { body, caller }) {
      const b = readBody(body, {
        organization_id: 'string',
        email_address: 'string',
        password: 'string',
        session_duration_minutes: 'number?',
        locale: 'string?',
        intermediate_session_token: 'string?',
      });
      core.organization(b.organization_id);
      const minutes = core.checkSessionDuration(b.session_duration_minutes);
      const member = core.memberByEmail(b.organization_id, b.email_address);
      if (!member || !member.password || !samePassword(member.password, b.password)) {
        throw errors.unauthorizedCredentials();
      }
      return primaryAuthenticate(core, caller, member, { type: 'password', at: core.now() }, minutes);
    },
  },
];
