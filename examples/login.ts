// Your primary login (here a password; magic links, SSO and OAuth work the same way), for any
// framework: what to answer, and the session cookie to set.
import type { B2BClient } from 'stytch';
import { hostSessionFrom } from 'stytch-mfa-elements/server';
import { startSession } from './session-store.js';

export interface LoginAnswer {
  status: number;
  body: { mfa_required: boolean } | { error: string };
  headers?: Record<string, string>;
}

/** What each refusal Stytch can give a login means to the member. */
const REFUSALS = new Map<string, [number, string]>([
  ['unauthorized_credentials', [401, 'Wrong email or password.']],
  ['organization_not_found', [400, 'There is no such organization.']],
  ['invalid_organization_id', [400, 'There is no such organization.']],
  ['invalid_email', [400, 'Enter a valid email address.']],
  ['too_many_requests', [429, 'Too many attempts. Wait a minute, then try again.']],
]);

export async function logIn(stytch: B2BClient, body: unknown, request: Request): Promise<LoginAnswer> {
  const { organization_id, email_address, password } = (body ?? {}) as Record<string, unknown>;
  if (
    typeof organization_id !== 'string' ||
    typeof email_address !== 'string' ||
    typeof password !== 'string'
  )
    return { status: 400, body: { error: 'Send organization_id, email_address and password as JSON.' } };
  try {
    const answer = await stytch.passwords.authenticate({ organization_id, email_address, password });
    return {
      status: 200,
      body: { mfa_required: !answer.member_authenticated },
      headers: startSession(hostSessionFrom(answer), request),
    };
  } catch (error) {
    const { error_type, status_code } = error as { error_type?: unknown; status_code?: unknown };
    const type = typeof error_type === 'string' ? error_type : undefined;
    if (typeof status_code === 'number' && status_code >= 400 && status_code < 500) {
      const [status, message] = REFUSALS.get(type ?? '') ?? [
        400,
        'Signing in with these details was refused.',
      ];
      return { status, body: { error: message } };
    }
    // Stytch failed or did not answer. Log its error type, never the error itself: the package's
    // network errors hold the whole request, password included.
    console.error(`Login failed: ${type ?? 'Stytch unreachable'} (${String(status_code ?? 'no answer')})`);
    return { status: 500, body: { error: 'Signing in is not possible right now. Try again later.' } };
  }
}
