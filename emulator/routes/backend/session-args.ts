import type { SessionArgs } from '../../core.js';

/** Who a backend factor call is for, and the member's login: exactly one of the three tokens. */
export const TARGET = {
  organization_id: 'string',
  member_id: 'string',
  intermediate_session_token: 'string?',
  session_token: 'string?',
  session_jwt: 'string?',
} as const;

/** The session arguments of a backend body. */
export function sessionArgs(b: SessionArgs): SessionArgs {
  return {
    intermediate_session_token: b.intermediate_session_token,
    session_token: b.session_token,
    session_jwt: b.session_jwt,
  };
}
