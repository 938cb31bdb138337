// A complete Express host for the kit's backend mode: your own login, the MFA handler, and the
// member's session on the server. The browser page needs only
//   <mfa-provider backend-url="/api/mfa"><mfa-flow></mfa-flow></mfa-provider>
import express from 'express';
import type { B2BClient } from 'stytch';
import { createMfaHandler, hostSessionFrom } from 'stytch-mfa-elements/server';
import { endSession, readSession, startSession } from './session-store.js';

/** A Web Request for what the handlers below read: the cookie header. */
const asRequest = (req: express.Request) =>
  new Request('http://host.invalid/', { headers: { cookie: req.headers.cookie ?? '' } });

const BAD_BODY = { error: 'Send organization_id, email_address and password as JSON.' };

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

  // Your primary login (here a password; magic links, SSO and OAuth work the same way).
  app.post('/api/login', express.json(), async (req, res) => {
    const { organization_id, email_address, password } = (req.body ?? {}) as Record<string, unknown>;
    if (
      typeof organization_id !== 'string' ||
      typeof email_address !== 'string' ||
      typeof password !== 'string'
    ) {
      res.status(400).json(BAD_BODY);
      return;
    }
    try {
      const answer = await stytch.passwords.authenticate({ organization_id, email_address, password });
      res.set(startSession(hostSessionFrom(answer), asRequest(req)));
      res.json({ mfa_required: !answer.member_authenticated });
    } catch (error) {
      const { error_type, status_code } = error as { error_type?: string; status_code?: number };
      if (error_type === 'unauthorized_credentials') {
        res.status(401).json({ error: 'Wrong email or password.' });
        return;
      }
      // Never log the error itself: the package's network errors hold the request, password included.
      console.error(`Login failed: ${error_type ?? 'Stytch unreachable'} (${status_code ?? 'no answer'})`);
      res.status(500).json({ error: 'Signing in is not possible right now. Try again later.' });
    }
  });
  // A body express.json() cannot parse ends here, not in Express's default error handler, which
  // would log it (password included) and answer with a stack trace.
  app.use('/api/login', ((_error, _req, res, _next) => {
    res.status(400).json(BAD_BODY);
  }) satisfies express.ErrorRequestHandler);

  app.post('/api/logout', async (req, res) => {
    const session = readSession(asRequest(req));
    if (session?.session_token)
      await stytch.sessions.revoke({ session_token: session.session_token }).catch(() => {});
    res.set(endSession(asRequest(req))).json({ ok: true });
  });

  return app;
}
