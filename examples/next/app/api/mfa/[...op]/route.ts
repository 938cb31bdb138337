// Next.js (App Router): app/api/mfa/[...op]/route.ts — the kit's MFA calls through your server.
import { B2BClient } from 'stytch';
import { createMfaHandler } from 'stytch-mfa-elements/server';
import { endSession, readSession, startSession } from '../../../../../session-store.js';

const stytch = new B2BClient({
  project_id: process.env.STYTCH_PROJECT_ID!,
  secret: process.env.STYTCH_SECRET!,
  // Leave STYTCH_ENV unset for Stytch itself; the emulator: http://127.0.0.1:9010/
  ...(process.env.STYTCH_ENV ? { env: process.env.STYTCH_ENV } : {}),
});

const mfa = createMfaHandler({
  stytch,
  getSession: (request) => readSession(request),
  setSession: (session, request) => startSession(session, request),
  // A login Stytch says is dead (expired, revoked): forget it, so the next load starts clean.
  clearSession: (request) => endSession(request),
});

export const POST = mfa;
