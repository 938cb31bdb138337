import type { Route } from '../router.js';
import { readBody } from '../schema.js';
import { linkSentAnswer, sendMagicLink } from '../services/login.js';

/** `magic_links/email/login_or_signup`: the same on the SDK and backend APIs (no session involved). */
export const magicLinkSendRoute: Route = {
  method: 'POST',
  path: '/b2b/magic_links/email/login_or_signup',
  handle(core, { body }) {
    const b = readBody(body, {
      email_address: 'string',
      organization_id: 'string',
      login_redirect_url: 'string?',
      signup_redirect_url: 'string?',
      login_expiration_minutes: 'number?',
      locale: 'string?',
    });
    return linkSentAnswer(core, sendMagicLink(core, b));
  },
};
