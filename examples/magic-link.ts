// A magic link that lands on your server (backend mode): its token is authenticated here, with your
// secret, before the MFA page is sent. The page then needs no SDK and holds no session token (the
// link's own token, used up, stays in its address), and its first step shows after one request to
// your handler (who is signing in). Send the link with `login_redirect_url` and
// `signup_redirect_url` pointing at the MFA page (here /mfa), a URL your Stytch project allows.
import type { B2BClient } from 'stytch';
import { hostSessionFrom } from 'stytch-mfa-elements/server';
import { startSession } from './session-store.js';

/**
 * The session a magic link starts: the `Set-Cookie` header for the MFA page's answer, or null when
 * Stytch refused the token (used already, expired): then the member goes on with the session a first
 * opening started, or signs in again.
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
    const why = typeof error_type === 'string' ? error_type : 'no answer from Stytch, or another failure';
    console.error(`Magic link refused: ${why}`);
    return null;
  }
}
