// Next.js (App Router): app/api/login/route.ts — your primary login; the session stays on the server.
import { B2BClient } from 'stytch';
import { hostSessionFrom } from 'stytch-mfa-elements/server';
import { startSession } from '../../../../session-store.js';

const stytch = new B2BClient({
  project_id: process.env.STYTCH_PROJECT_ID!,
  secret: process.env.STYTCH_SECRET!,
  ...(process.env.STYTCH_ENV ? { env: process.env.STYTCH_ENV } : {}),
});

export async function POST(request: Request): Promise<Response> {
  // A body that is not JSON is answered, not thrown: Next.js would log the error, and JSON's error
  // message quotes the body, password included.
  const body: unknown = await request.json().catch(() => null);
  const { organization_id, email_address, password } = (body ?? {}) as Record<string, unknown>;
  if (
    typeof organization_id !== 'string' ||
    typeof email_address !== 'string' ||
    typeof password !== 'string'
  )
    return Response.json(
      { error: 'Send organization_id, email_address and password as JSON.' },
      { status: 400 },
    );
  try {
    const answer = await stytch.passwords.authenticate({ organization_id, email_address, password });
    return Response.json(
      { mfa_required: !answer.member_authenticated },
      { headers: startSession(hostSessionFrom(answer), request) },
    );
  } catch (error) {
    const { error_type, status_code } = error as { error_type?: string; status_code?: number };
    if (error_type === 'unauthorized_credentials')
      return Response.json({ error: 'Wrong email or password.' }, { status: 401 });
    // Never log the error itself: the package's network errors hold the request, password included.
    console.error(`Login failed: ${error_type ?? 'Stytch unreachable'} (${status_code ?? 'no answer'})`);
    return Response.json(
      { error: 'Signing in is not possible right now. Try again later.' },
      { status: 500 },
    );
  }
}
