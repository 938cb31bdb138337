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

/** How long an early `state` answer may wait to be taken: a page's first start, not a later one. */
const EARLY_MS = 5_000;
/** `state` requests made before anyone asked, by handler URL, each until taken once. */
const early = new Map<string, Promise<Response>>();

/**
 * Asks the handler at `url` who is signing in now, as the page starts (`<mfa-provider>` does when it
 * holds an `<mfa-flow>`), so the answer is on its way while the kit renders; the first `state` call
 * takes it, and one not taken soon is dropped (a later call asks afresh). @internal
 */
export function askStateEarly(url: string): void {
  if (early.has(url)) return;
  const request = postOperation(url, 'state');
  request.catch(() => undefined); // a failure is met by whoever takes it
  early.set(url, request);
  setTimeout(() => early.get(url) === request && early.delete(url), EARLY_MS);
}

/** The early `state` request for `url`, once; undefined when there is none. @internal */
export function takeEarlyState(url: string): Promise<Response> | undefined {
  const request = early.get(url);
  early.delete(url);
  return request;
}
