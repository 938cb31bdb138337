// One operation of the host's handler (backend mode), as a request: small, so that `<mfa-provider>`
// can ask who is signing in before the backend client's own module has loaded.

/** A same-origin `POST` of JSON to one operation of the handler at `url`. @internal */
export function postOperation(url: string, operation: string, body: object = {}): Promise<Response> {
  return fetch(`${url.replace(/\/+$/, '')}/${operation}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * How long an early `state` answer may wait to be taken: a page's first start (which may wait up to
 * 10 s for the page's own scripts, see `afterPageScripts`), not a later one.
 */
const EARLY_MS = 15_000;
/** `state` requests made before anyone asked, by handler URL, each until taken once or dropped. */
const early = new Map<string, Promise<Response>>();
/** The handler URLs asked early on this page: each at most once (a later start asks afresh). */
const askedEarly = new Set<string>();

/** Whether `text` reads as JSON. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the handler at `url` who is signing in, as the page starts (`<mfa-provider>` does when it
 * holds an `<mfa-flow>`), so the answer is on its way while the kit renders — or takes the answer
 * `given` by the page itself (the host's `mfaStateScript`; JSON `null`: no one is signing in). The
 * first `state` call takes it; it is dropped unused after 15 s, or as soon as any other operation is
 * made (which may change the session). Asked once per URL and page. @internal
 */
export function askStateEarly(url: string, given?: string): void {
  // A page that says it, with JSON that cannot be read (a host's bug), is asked as if it had not.
  const known = given !== undefined && isJson(given);
  if (askedEarly.has(url) && !known) return;
  askedEarly.add(url);
  const request = known
    ? Promise.resolve(new Response(given, { headers: { 'Content-Type': 'application/json' } }))
    : postOperation(url, 'state');
  request.catch(() => undefined); // a failure is met by whoever takes it
  early.set(url, request);
  setTimeout(() => dropEarlyState(url, request), EARLY_MS);
}

/** Forgets the early `state` request for `url` (only `request`, when given). @internal */
export function dropEarlyState(url: string, request?: Promise<Response>): void {
  if (!request || early.get(url) === request) early.delete(url);
}

/** The early `state` request for `url`, once; undefined when there is none. @internal */
export function takeEarlyState(url: string): Promise<Response> | undefined {
  const request = early.get(url);
  early.delete(url);
  return request;
}
