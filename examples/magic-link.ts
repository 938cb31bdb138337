// A magic link that lands on your server (backend mode): its token is authenticated here, with your
// secret, before the MFA page is sent. The page then needs no SDK and holds no token, and its first
// step shows after one request to your handler (who is signing in). Send the link with
// `login_redirect_url` pointing at the MFA page (here /mfa).
import type { B2BClient } from 'stytch';
import { hostSessionFrom } from 'stytch-mfa-elements/server';
import { startSession } from './session-store.js';

/**
 * The session a magic link starts: the `Set-Cookie` header for the MFA page's answer, or null when
 * Stytch refused the token (used already, expired) — send the member to sign in again.
 */
export async function landMagicLink(
  stytch: B2BClient,
  token: string,
  request: Request,
): Promise<{ 'Set-Cookie': string } | null> {
  try {
    const answer = await stytch.magicLinks.authenticate({ magic_links_token: token });
    return startSession(hostSessionFrom(answer), request);
  } catch (error) {
    // Its error type only: the package's errors can hold the request, token included.
    const { error_type } = error as { error_type?: unknown };
    console.error(
      `Magic link refused: ${typeof error_type === 'string' ? error_type : 'Stytch unreachable'}`,
    );
    return null;
  }
}
