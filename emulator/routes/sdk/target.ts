import type { Caller, SessionArgs } from '../../core.js';

/** Who an SDK factor call is for: the member, and the intermediate session the SDK adds itself. */
export const TARGET = {
  organization_id: 'string',
  member_id: 'string',
  intermediate_session_token: 'string?',
} as const;

/** The SDK's session arguments: an intermediate session in the body, a session in its credentials. */
export function sdkSessionArgs(
  b: { intermediate_session_token?: string | undefined },
  caller: Caller,
): SessionArgs {
  return { intermediate_session_token: b.intermediate_session_token, session_token: caller.sessionToken };
}
