import type { IncomingMessage } from 'node:http';
import { errors } from './errors.js';
import { isJsonContentType } from './http.js';

/** Whether `origin` (a page's) is the origin the request was sent to: same scheme's host and port. */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  // A Host is a name and a port: anything a URL would read past (a path, user info) is not one.
  if (!host || !/^[^/?#@\\\s]+$/.test(host)) return false;
  try {
    const page = new URL(origin);
    if (page.protocol !== 'http:' && page.protocol !== 'https:') return false;
    // Read the Host header in the page's scheme, so a default port written out still matches.
    return new URL(`${page.protocol}//${host}`).host === page.host;
  } catch {
    return false;
  }
}

/**
 * The emulator's own writes (POST and DELETE under `/__emulator`: reset, clock, faults) come from
 * tests, tools and the demo's page, which the dev servers serve from the emulator's own origin. Any
 * other page could otherwise wipe the state (`--data` file included) with a request that needs no
 * preflight: a form, `sendBeacon` or a no-cors `fetch`, empty-bodied or not. So a write must say it is
 * JSON (which a page on another origin cannot send without a preflight the emulator refuses), and is
 * refused when the browser marks it cross-site or its `Origin` is another origin than the request's.
 */
export function checkDevWrite(req: IncomingMessage): void {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw errors.badRequest('Content-Type must be application/json.');
  }
  if (req.headers['sec-fetch-site']?.toLowerCase() === 'cross-site') throw errors.foreignOrigin();
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, req.headers.host)) throw errors.foreignOrigin();
}
