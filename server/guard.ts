/**
 * Refuses what a cross-site page could send: anything but a same-origin (or allowed) `POST` of JSON.
 * A cross-site `fetch` of JSON needs a CORS preflight that the handler never grants; a form or a
 * `text/plain` beacon is refused by its content type; `Sec-Fetch-Site` and `Origin` catch the rest.
 * Returns why the request is refused, or null.
 */
export function refusal(
  request: Request,
  allowedOrigins: readonly string[],
): { status: number; why: string } | null {
  if (request.method !== 'POST') return { status: 405, why: 'Only POST is accepted.' };
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    return { status: 415, why: 'The body must be application/json.' };
  const own = new URL(request.url).origin;
  const origin = request.headers.get('origin');
  const allowed = (value: string) => value === own || allowedOrigins.includes(value);
  if (origin !== null && !allowed(origin)) return { status: 403, why: 'Cross-site requests are refused.' };
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && !(origin !== null && allowed(origin)))
    return { status: 403, why: 'Cross-site requests are refused.' };
  return null;
}
