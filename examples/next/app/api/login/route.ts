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
  const { organization_id, email_address, password } = (await request.json()) as Record<string, string>;
  try {
    const answer = await stytch.passwords.authenticate({ organization_id, email_address, password });
    return Response.json(
      { mfa_required: !answer.member_authenticated },
      { headers: startSession(hostSessionFrom(answer), request) },
    );
  } catch {
    return Response.json({ error: 'Wrong email or password.' }, { status: 401 });
  }
}
