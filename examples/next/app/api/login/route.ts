// Next.js (App Router): app/api/login/route.ts — your primary login; the session stays on the server.
import { logIn } from '../../../../login.js';
import { stytchClient } from '../../../../stytch-client.js';

const stytch = stytchClient();

export async function POST(request: Request): Promise<Response> {
  // A body that is not JSON is answered, not thrown: Next.js would log the error, and JSON's error
  // message quotes the body, password included.
  const body: unknown = await request.json().catch(() => null);
  const answer = await logIn(stytch, body, request);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers ?? {} });
}
