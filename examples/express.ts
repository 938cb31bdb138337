// A complete Express host for the kit's backend mode: your own login, the MFA handler, the member's
// session on the server, and a signed-in page only a full session reaches (MFA done, checked with
// Stytch on every request). The MFA page needs only
//   <mfa-provider backend-url="/api/mfa"><mfa-flow redirect-url="/account"></mfa-flow></mfa-provider>
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { B2BClient } from 'stytch';
import { createMfaHandler, mfaSessionMiddleware, type MfaSession } from 'stytch-mfa-elements/server';
import { logIn } from './login.js';
import { endSession, readSession, startSession } from './session-store.js';

/** A Web Request for what the handlers below read: the cookie header. */
const asRequest = (req: express.Request) =>
  new Request('http://host.invalid/', { headers: { cookie: req.headers.cookie ?? '' } });

export function createApp(stytch: B2BClient): express.Express {
  const app = express();

  const mfa = createMfaHandler({
    stytch,
    getSession: (request) => readSession(request),
    // A new session after MFA: keep the token and JWT on the server under a new cookie.
    setSession: (session, request) => startSession(session, request),
    // A login Stytch says is dead (expired, revoked): forget it, so the next load starts clean.
    clearSession: (request) => endSession(request),
  });
  app.use('/api/mfa', mfa.middleware);

  app.post('/api/login', express.json(), async (req, res) => {
    const answer = await logIn(stytch, req.body, asRequest(req));
    res
      .status(answer.status)
      .set(answer.headers ?? {})
      .json(answer.body);
  });
  // A body express.json() cannot parse ends here, not in Express's default error handler, which
  // would log it (password included) and answer with a stack trace.
  app.use('/api/login', ((_error, _req, res, _next) => {
    res.status(400).json({ error: 'Send organization_id, email_address and password as JSON.' });
  }) satisfies express.ErrorRequestHandler);

  app.post('/api/logout', async (req, res) => {
    const session = readSession(asRequest(req));
    if (session?.session_token)
      await stytch.sessions.revoke({ session_token: session.session_token }).catch(() => {});
    res.set(endSession(asRequest(req))).json({ ok: true });
  });

  // The route guard: a cookie is not enough (after the password step it holds a login that still
  // needs MFA). Stytch checks the session on each request, so a revoked one is refused at once.
  const signedIn = mfaSessionMiddleware({
    stytch,
    getSession: (request) => readSession(request),
    clearSession: (request) => endSession(request),
    loginUrl: '/', // a refused page load goes to the login page; a fetch gets a 401
  });
  app.get('/account', signedIn, (_req, res) => {
    res
      .set('Cache-Control', 'no-store')
      .sendFile(fileURLToPath(new URL('pages/account.html', import.meta.url)));
  });
  app.get('/api/me', signedIn, (_req, res) => {
    const { member, factors } = res.locals.mfaSession as MfaSession;
    res.set('Cache-Control', 'no-store').json({
      email_address: member.email_address,
      factors: factors.map((factor) => factor.type),
    });
  });

  return app;
}
