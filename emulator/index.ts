/**
 * An offline emulator of the Stytch B2B HTTP API: the routes `@stytch/vanilla-js` calls (`/sdk/v1/...`)
 * and the backend API the official `stytch` package calls (`/v1/b2b/...`), over one state, with real
 * TOTP, RS256 session JWTs, SMS and email outboxes, a movable clock and fault injection. Node only.
 *
 * @example
 * import { createEmulator } from 'stytch-mfa-elements/emulator';
 * const emulator = createEmulator();
 * await emulator.listen(9010);                 // standalone
 * app.use(emulator.middleware);                // or mounted in a connect-style server
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sameSecret } from './constant-time.js';
import { EmulatorCore, type Caller } from './core.js';
import { checkDevWrite } from './dev-guard.js';
import { errorJson, errors, SchemaError, StytchError } from './errors.js';
import { defaultErrorType } from './faults.js';
import {
  corsHeaders,
  isJsonContentType,
  isLoopbackHost,
  parseJson,
  preflightHeaders,
  readText,
  sendJson,
} from './http.js';
import { testId } from './ids.js';
import type { EmulatorOptions, ResolvedOptions } from './options.js';
import { findRoute, PREFIXES, type Method, type Route } from './router.js';
import { backendRoutes } from './routes/backend/index.js';
import { devRoutes } from './routes/dev.js';
import { sdkRoutes } from './routes/sdk/index.js';
import { PROJECT, SEED } from './seed.js';
import { serializeState, type StateJson } from './state.js';
import { loadState, StateFile } from './store.js';

export {
  PROJECT,
  SEED,
  SEED_PASSWORD,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
  SEED_ADMIN_PHONE,
  ORGANIZATION_IDS,
  MEMBER_IDS,
} from './seed.js';
export type {
  AllowedMfaMethod,
  MfaMethod,
  ProjectCredentials,
  Seed,
  SeedMember,
  SeedOrganization,
} from './seed.js';
export type { EmulatorOptions, RateLimit } from './options.js';
export type { Fault } from './faults.js';
export type { SmsMessage, EmailMessage, StateJson } from './state.js';
export { InvalidStateError } from './state.js';
export { totp, hotp, base32Decode, base32Encode } from './totp.js';

type Api = keyof typeof PREFIXES;

function apiOf(pathname: string): Api | null {
  for (const api of ['sdk', 'backend', 'dev'] as const)
    if (pathname.startsWith(`${PREFIXES[api]}/`)) return api;
  return null;
}

export type NextFunction = (error?: unknown) => void;

export interface Emulator {
  /** Answers a request; calls `next` (if given) for paths outside `/sdk/v1`, `/v1` and `/__emulator`. */
  handle(req: IncomingMessage, res: ServerResponse, next?: NextFunction): Promise<void>;
  /** `handle` bound for `app.use(...)` in connect, Express or Vite. */
  middleware: (req: IncomingMessage, res: ServerResponse, next?: NextFunction) => void;
  /** Starts a standalone HTTP server (host defaults to 127.0.0.1); resolves once it is listening. */
  listen(port?: number, host?: string): Promise<Server>;
  /**
   * Stops a server started with `listen`, and writes any state change still pending to `dataFile`;
   * rejects (naming the file and why) when the latest state could not be saved.
   */
  close(): Promise<void>;
  /**
   * Resolves once `dataFile` holds the latest state; rejects (naming the file and why) when it cannot be
   * written. (Requests that change the state are answered once their change is written, or its write failed.)
   */
  flush(): Promise<void>;
  /** Back to the seed; outboxes, faults and clock offset cleared. */
  reset(): void;
  /**
   * A copy of the state as the data file holds it, taken when read (tests and tools look at it;
   * changing it changes nothing).
   */
  readonly state: StateJson;
}

function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    seed: options.seed ?? SEED,
    projectName: options.projectName ?? 'Emulated B2B Project',
    smsCountryCallingCodes: options.smsCountryCallingCodes ?? ['1'],
    smsRateLimit: options.smsRateLimit ?? { max: 5, windowSeconds: 600 },
    authAttemptLimit: options.authAttemptLimit ?? { max: 10, windowSeconds: 300 },
    smsCodeAttempts: options.smsCodeAttempts ?? 5,
    smsCodeTtlSeconds: options.smsCodeTtlSeconds ?? 120,
    intermediateSessionMinutes: options.intermediateSessionMinutes ?? 10,
    project: (options.seed ?? SEED).project ?? PROJECT,
    ...(options.dataFile ? { dataFile: options.dataFile } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
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

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options);
  const core = new EmulatorCore(
    resolved,
    resolved.dataFile ? (loadState(resolved.dataFile) ?? undefined) : undefined,
  );
  const routes: Record<Api, Route[]> = { sdk: sdkRoutes, backend: backendRoutes, dev: devRoutes };
  let server: Server | null = null;

  // A failed write is said once (and again when writes work), through `log` or else on stderr.
  const report = resolved.log ?? ((line: string) => console.error(line));
  const stateFile = resolved.dataFile ? new StateFile(resolved.dataFile, () => core.state, report) : null;
  /** The state may have changed: resolves once a write holding it has ended (saved, or failed and reported). */
  function persist(): Promise<void> {
    return stateFile?.commit() ?? Promise.resolve();
  }

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL, api: Api): Promise<number> {
    const requestId = testId('request-id');
    const path = url.pathname.slice(PREFIXES[api].length);
    const method = (req.method ?? 'GET').toUpperCase();

    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req));
      res.end();
      return 204;
    }

    const fault = api === 'dev' ? null : core.faults.take(path);
    if (fault?.delay_ms) await sleep(fault.delay_ms);
    if (fault?.drop) {
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
    if (fault?.malformed) {
      sendJson(req, res, fault.status ?? 200, null, '{"data": {"request_id": ');
      return fault.status ?? 200;
    }
    if (fault?.status && fault.status >= 300) {
      const type = fault.error_type ?? defaultErrorType(fault.status);
      const error = new StytchError(fault.status, type, `Injected failure: ${type}.`);
      sendJson(req, res, fault.status, errorJson(error, requestId));
      return fault.status;
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
      const { route, params } = found;
      let caller = NO_CALLER;
      if (api === 'sdk' && !route.anonymous) caller = readCaller(core, req.headers.authorization);
      if (api === 'backend' && !route.anonymous) checkProject(core, req.headers.authorization);
      const result = await route.handle(core, {
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
      if (api === 'sdk') sendJson(req, res, 200, { data: payload });
      else sendJson(req, res, 200, api === 'backend' ? payload : result);
      return 200;
    } catch (error) {
      if (error instanceof SchemaError && api === 'backend') {
        // The backend API names what is wrong in a Stytch error, not the SDK API's ajv list.
        sendJson(req, res, 400, errorJson(errors.badRequest(error.message), requestId));
        return 400;
      }
      if (error instanceof SchemaError) {
        sendJson(req, res, 400, { status_code: 400, request_id: requestId, body: error.issues });
        return 400;
      }
      const known = error instanceof StytchError ? error : errors.internal();
      if (!(error instanceof StytchError)) resolved.log?.(`emulator: internal error: ${String(error)}`);
      // State may have changed before the failure (attempt counters, spent codes): keep it.
      if (method !== 'GET') await persist();
      sendJson(req, res, known.statusCode, errorJson(known, requestId));
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

  return {
    handle,
    middleware: (req, res, next) => {
      handle(req, res, next).catch((error: unknown) => (next ? next(error) : res.destroy()));
    },
    listen(port = 9010, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const s = createServer((req, res) => {
          // DNS rebinding: a page on another name that resolves here must not read the outboxes.
          if (!isLoopbackHost(req.headers.host, host, options.allowedHosts)) {
            sendJson(req, res, 403, errorJson(errors.forbiddenHost(), testId('request-id')));
            return;
          }
          handle(req, res).catch(() => (res.headersSent ? res.destroy() : res.writeHead(500).end()));
        });
        s.once('error', reject);
        s.listen(port, host, () => {
          server = s;
          resolve(s);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        server = null;
      });
      await stateFile?.close();
    },
    flush: () => stateFile?.flush() ?? Promise.resolve(),
    reset() {
      core.reset();
      void persist();
    },
    get state() {
      return serializeState(core.state);
    },
  };
}
