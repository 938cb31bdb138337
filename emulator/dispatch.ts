// The dispatcher: one request in, one answer out — faults, routing, credentials, the route's work,
// the write that makes it durable, and Stytch's error shapes. `createEmulator` (index.ts) wraps it
// with the server, the data file and the public API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sameSecret } from './constant-time.js';
import type { Caller, EmulatorCore } from './core.js';
import { checkDevWrite } from './dev-guard.js';
import { errorJson, errors, SchemaError, StytchError } from './errors.js';
import { defaultErrorType } from './faults.js';
import { corsHeaders, isJsonContentType, parseJson, preflightHeaders, readText, sendJson } from './http.js';
import { testId } from './ids.js';
import type { EmulatorResponse, ResolvedOptions } from './options.js';
import { PREFIXES } from './prefixes.js';
import { findRoute, type Method, type Route } from './router.js';
import { backendRoutes } from './routes/backend/index.js';
import { devRoutes } from './routes/dev.js';
import { sdkRoutes } from './routes/sdk/index.js';

export type Api = keyof typeof PREFIXES;

export type NextFunction = (error?: unknown) => void;

function apiOf(pathname: string): Api | null {
  for (const api of ['sdk', 'backend', 'dev'] as const)
    if (pathname.startsWith(`${PREFIXES[api]}/`)) return api;
  return null;
}

/** Reads `Authorization: Basic base64(public_token:secret)`: a test public token, maybe a session. */
function readCaller(core: EmulatorCore, header: string | undefined): Caller {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw errors.unauthorizedCredentials();
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const publicToken = colon < 0 ? decoded : decoded.slice(0, colon);
  const secret = colon < 0 ? '' : decoded.slice(colon + 1);
  if (!publicToken.startsWith('public-token-test-')) throw errors.unauthorizedCredentials();
  // The password part is the public token when there is no session (the token is public, but the part
  // may be a session token, so it is compared as a secret).
  const sent = secret !== '' && !sameSecret(secret, publicToken);
  return sent
    ? { publicToken, sessionToken: secret, session: core.liveSession(secret) }
    : { publicToken, session: null };
}

/** The backend API's credentials: `Authorization: Basic base64(project_id:secret)` of the project. */
function checkProject(core: EmulatorCore, header: string | undefined): void {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const { project_id, secret } = core.options.project;
  if (!sameSecret(decoded, `${project_id}:${secret}`)) throw errors.unauthorizedCredentials();
}

const NO_CALLER: Caller = { publicToken: '', session: null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Answers requests for `core`. `persist` resolves once the state as it is now is written (or its
 * write failed and was reported).
 */
export function createDispatcher(
  core: EmulatorCore,
  resolved: ResolvedOptions,
  persist: () => Promise<void>,
) {
  const routes: Record<Api, Route[]> = { sdk: sdkRoutes, backend: backendRoutes, dev: devRoutes };

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL, api: Api): Promise<number> {
    const requestId = testId('request-id');
    const path = url.pathname.slice(PREFIXES[api].length);
    const method = (req.method ?? 'GET').toUpperCase();
    let route: string | null = null;
    let fault = false;
    /** Sends a JSON answer, and hands it to `onResponse` when a test asked for every answer. */
    const reply = (status: number, body: unknown, raw?: string) => {
      sendJson(req, res, status, body, raw);
      const sent: EmulatorResponse = { api, method, route, status, body: raw ?? body, fault };
      resolved.onResponse?.(sent);
    };

    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req));
      res.end();
      return 204;
    }

    const injected = api === 'dev' ? null : core.faults.take(path);
    fault = Boolean(injected?.drop || injected?.malformed || (injected?.status && injected.status >= 300));
    if (injected?.delay_ms) await sleep(injected.delay_ms);
    if (injected?.drop) {
      // Cut the connection mid-response. (Closing it before any byte makes Chrome quietly retry the
      // request on a new connection, so the failure would never be seen.)
      res.writeHead(200, {
        ...corsHeaders(req),
        'Content-Type': 'application/json',
        'Content-Length': '4096',
      });
      res.write('{"data": {', () => req.socket.destroy());
      return 0;
    }
    if (injected?.malformed) {
      reply(injected.status ?? 200, null, '{"data": {"request_id": ');
      return injected.status ?? 200;
    }
    if (injected?.status && injected.status >= 300) {
      const type = injected.error_type ?? defaultErrorType(injected.status);
      const error = new StytchError(injected.status, type, `Injected failure: ${type}.`);
      reply(injected.status, errorJson(error, requestId));
      return injected.status;
    }

    try {
      if (api !== 'dev') core.pruneIfDue();
      const found = findRoute(routes[api], method, path);
      if (!found) throw errors.routeNotFound(url.pathname);
      if ('methodNotAllowed' in found) throw errors.methodNotAllowed(method, url.pathname);
      if (api === 'dev' && method !== 'GET') checkDevWrite(req);
      const text = await readText(req);
      if (text.trim() !== '' && !isJsonContentType(req.headers['content-type'])) {
        // A cross-site form or text/plain beacon needs no preflight: bodies must say they are JSON.
        throw errors.badRequest('Content-Type must be application/json.');
      }
      const body = parseJson(text);
      const { params } = found;
      route = found.route.path;
      let caller = NO_CALLER;
      if (api === 'sdk' && !found.route.anonymous) caller = readCaller(core, req.headers.authorization);
      if (api === 'backend' && !found.route.anonymous) checkProject(core, req.headers.authorization);
      const result = await found.route.handle(core, {
        method: method as Method,
        path,
        params,
        query: url.searchParams,
        body,
        caller,
        headers: req.headers,
      });
      // Acknowledged only once written: a member told "enrolled" stays enrolled after a crash.
      if (method !== 'GET') await persist();
      const payload = { request_id: requestId, status_code: 200, ...(result as object) };
      if (api === 'sdk') reply(200, { data: payload });
      else reply(200, api === 'backend' ? payload : result);
      return 200;
    } catch (error) {
      if (error instanceof SchemaError && api === 'backend') {
        // The backend API names what is wrong in a Stytch error, not the SDK API's ajv list.
        reply(400, errorJson(errors.badRequest(error.message), requestId));
        return 400;
      }
      if (error instanceof SchemaError) {
        reply(400, { status_code: 400, request_id: requestId, body: error.issues });
        return 400;
      }
      const known = error instanceof StytchError ? error : errors.internal();
      if (!(error instanceof StytchError)) resolved.log?.(`emulator: internal error: ${String(error)}`);
      // State may have changed before the failure (attempt counters, spent codes): keep it.
      if (method !== 'GET') await persist();
      reply(known.statusCode, errorJson(known, requestId));
      return known.statusCode;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next?: NextFunction): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      const error = errors.badRequest('The request target is not a valid path.');
      return sendJson(req, res, 400, errorJson(error, testId('request-id')));
    }
    const api = apiOf(url.pathname);
    if (!api) {
      if (next) return next();
      const error = errors.routeNotFound(url.pathname);
      return sendJson(req, res, 404, errorJson(error, testId('request-id')));
    }
    const started = Date.now();
    const status = await answer(req, res, url, api);
    resolved.log?.(`${req.method} ${url.pathname} ${status || 'dropped'} ${Date.now() - started}ms`);
  }

  return handle;
}
