import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody, failure, json, wrongMethod } from './errors.js';
import type { NodeContext } from './types.js';

type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/**
 * What a Host header may not hold: anything but printable ASCII (a host name goes over HTTP in ASCII;
 * the URL parser would drop white space), and what ends a URL's host or hides in it — a path, a
 * query, a fragment, user info — which would make the URL of another host or path.
 */
const NOT_IN_HOST = /[^\x21-\x7e]|[/?#@\\]/;

/**
 * The request's URL from its Host header and path, or null when the header is no host with an
 * optional port as the WHATWG URL parser reads one (so `my_app:3000`, a docker service name, is one).
 */
function urlOf(host: string, path: string, secure: boolean): URL | null {
  if (!host || NOT_IN_HOST.test(host) || !path.startsWith('/')) return null;
  try {
    return new URL(`${secure ? 'https' : 'http'}://${host}${path}`);
  } catch {
    return null;
  }
}

/** The request's path as the client sent it (under Express, before any mount point was cut). */
function target(req: NodeRequest): string {
  return req.originalUrl ?? req.url ?? '/';
}

/**
 * The path of a Node request, read the way the handler reads a Web request's URL; null for a
 * request target that is not a path (`*`, or an absolute URL).
 */
export function pathOf(req: NodeRequest): string | null {
  const path = target(req);
  if (!path.startsWith('/')) return null;
  try {
    return new URL(`http://path.invalid${path}`).pathname;
  } catch {
    return null;
  }
}

/**
 * A Web `Request` for a Node request; a body Express already parsed (`express.json()`) is used as is.
 * What cannot be one — a method other than POST (`new Request` throws on TRACE), a Host header that
 * is no host — gets its answer instead, so nothing here throws on what a client sends.
 */
export async function toRequest(req: NodeRequest): Promise<Request | Response> {
  if (req.method !== 'POST') return failure(wrongMethod());
  const host = req.headers.host ?? 'localhost';
  const path = target(req);
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const url = urlOf(host, path, secure);
  if (!url) return json(400, errorBody(400, 'bad_request', 'The request has no valid Host and path.'));
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  let body: string | null;
  if (req.body !== undefined && typeof req.body === 'object') body = JSON.stringify(req.body);
  else body = await readBody(req);
  if (body === null) return json(413, errorBody(413, 'payload_too_large', 'The request body is too large.'));
  return new Request(url, { method: 'POST', headers, body });
}

/** The most a body may hold: nothing the elements send comes near it. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request's body as text, or null when it is over {@link MAX_BODY_BYTES}. A body over the limit
 * is still read to its end, its bytes dropped as they come (as Express does before an error answer):
 * answering while the client still writes, or closing the stream, would reset the connection before
 * the client reads the answer. The host server's `requestTimeout` bounds how long that may take.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  if (req.readableEnded) return Promise.resolve(''); // another middleware read it
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks = [];
    });
    req.once('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => reject(new Error('The request closed before its end.')));
  });
}

/** Writes a Web `Response` to a Node response, each `Set-Cookie` on its own. */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export type { NodeContext };
