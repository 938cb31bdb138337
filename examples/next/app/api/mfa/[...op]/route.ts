// Next.js (App Router): app/api/mfa/[...op]/route.ts — the kit's MFA calls through your server.
import { createMfaHandler } from 'stytch-mfa-elements/server';
import { endSession, readSession, startSession } from '../../../../../session-store.js';
import { stytchClient } from '../../../../../stytch-client.js';

const mfa = createMfaHandler({
  stytch: stytchClient(),
  getSession: (request) => readSession(request),
  setSession: (session, request) => startSession(session, request),
  // A login Stytch says is dead (expired, revoked): forget it, so the next load starts clean.
  clearSession: (request) => endSession(request),
});

export const POST = mfa;
