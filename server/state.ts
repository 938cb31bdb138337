// Who is signing in and what MFA needs: the `state` operation's answer, a primary-auth answer without
// its tokens. Built here from any Stytch answer that holds the member and organization, so that the
// host's page can carry it too (`mfaStateScript`), as the operation would have answered.
import * as answers from './answers.js';
import type { HostSession } from './types.js';

type Json = Record<string, unknown>;

/**
 * The state for `host`'s login from `answer`: with a full session, the answer's member session
 * (Stytch's `sessions.authenticate`, or a primary login that needed no MFA); with an intermediate
 * session, which factors the member can use (a number only once verified).
 */
export function stateOf(answer: Json, host: HostSession): Json {
  const who = answers.who(answer);
  if (!host.intermediate_session_token) {
    return {
      ...who,
      member_session: answers.memberSession(answer),
      member_authenticated: true,
      mfa_required: null,
    };
  }
  const phone = who.member.mfa_phone_number_verified === true ? who.member.mfa_phone_number : '';
  const totp = who.member.totp_registration_id;
  return {
    ...who,
    member_authenticated: false,
    member_session: null,
    mfa_required: {
      member_options:
        phone || totp ? { mfa_phone_number: phone ?? '', totp_registration_id: totp ?? '' } : null,
      secondary_auth_initiated: host.secondary_auth_initiated ?? null,
    },
  };
}
