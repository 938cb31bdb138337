import { crossSite, wrongMethod, type HandlerError } from './errors.js';

/**
 * Refuses what a cross-site page could send: anything but a same-origin (or allowed) `POST` of JSON.
 * A cross-site `fetch` of JSON needs a CORS preflight that the handler never grants; a form or a
 * `text/plain` beacon is refused by its content type; `Sec-Fetch-Site` and `Origin` catch the rest.
 * Returns the refusal to answer with, or null.
 */
export function refusal(request: Request, allowedOrigins: readonly string[]): HandlerError | null {
  if (request.method !== 'POST') return wrongMethod();
  // Stryker disable next-line StringLiteral: no header and any non-JSON stand-in both fail the test below
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return crossSite(415, 'The body must be application/json.');
  const own = new URL(request.url).origin;
  const origin = request.headers.get('origin');
  const allowed = (value: string) => value === own || allowedOrigins.includes(value);
  if (origin !== null && !allowed(origin)) return crossSite(403, 'Cross-site requests are refused.');
  // A foreign Origin was refused above: an Origin still here is an allowed one, which vouches for
  // a same-site or cross-site Sec-Fetch-Site (a front end on an allowed origin).
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && origin === null)
    return crossSite(403, 'Cross-site requests are refused.');
  return null;
}
