// A magic link that lands on your server (backend mode): its token is authenticated here, with your
// secret, before the MFA page is sent. The page then needs no SDK and holds no session token (the
// link's own token, used up, stays in its address), and carries who is signing in
// (`mfaStateScript`), so its first step waits on no request. Send the link with
// `login_redirect_url` and `signup_redirect_url` pointing at the MFA page (here /mfa), a URL your
// Stytch project allows.
import type { B2BClient } from 'stytch';
import { hostSessionFrom, mfaStateScript } from 'stytch-mfa-elements/server';
import { startSession } from './session-store.js';

/**
 * What a magic link starts: the `Set-Cookie` header of the session, and who is signing in as an
 * element for the MFA page (put where it holds `<!-- mfa-state -->`; '' if the answer could not be
 * read) — or null when Stytch refused the token (used already, expired): then the member goes on
 * with the session a first opening started, or signs in again.
 */
export async function landMagicLink(
  stytch: B2BClient,
  token: string,
  request: Request,
): Promise<{ headers: { 'Set-Cookie': string }; state: string } | null> {
  try {
    const answer = await stytch.magicLinks.authenticate({ magic_links_token: token });
    const headers = startSession(hostSessionFrom(answer), request);
    // Without it (an answer it cannot read), the page asks who is signing in.
    let state = '';
    try {
      state = mfaStateScript(answer);
    } catch {
      console.error('Magic link: the page asks who is signing in (no state from the answer)');
    }
    return { headers, state };
  } catch (error) {
    // Its error type only: the package's errors can hold the request, token included.
    const { error_type } = error as { error_type?: unknown };
    const why = typeof error_type === 'string' ? error_type : 'no answer from Stytch, or another failure';
    console.error(`Magic link refused: ${why}`);
    return null;
  }
}
