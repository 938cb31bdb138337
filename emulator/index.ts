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
import { EmulatorCore } from './core.js';
import { createDispatcher, type NextFunction } from './dispatch.js';
import { errorJson, errors } from './errors.js';
import { isLoopbackHost, sendJson } from './http.js';
import { testId } from './ids.js';
import type { EmulatorOptions, ResolvedOptions } from './options.js';
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
export type { EmulatorOptions, EmulatorResponse, RateLimit } from './options.js';
export type { NextFunction } from './dispatch.js';
export type { Fault } from './faults.js';
export type { SmsMessage, EmailMessage, StateJson } from './state.js';
export { InvalidStateError } from './state.js';
export { totp, hotp, base32Decode, base32Encode } from './totp.js';

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
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  };
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const resolved = resolveOptions(options);
  const core = new EmulatorCore(
    resolved,
    resolved.dataFile ? (loadState(resolved.dataFile) ?? undefined) : undefined,
  );
  let server: Server | null = null;

  // A failed write is said once (and again when writes work), through `log` or else on stderr.
  const report = resolved.log ?? ((line: string) => console.error(line));
  const stateFile = resolved.dataFile ? new StateFile(resolved.dataFile, () => core.state, report) : null;
  /** The state may have changed: resolves once a write holding it has ended (saved, or failed and reported). */
  function persist(): Promise<void> {
    return stateFile?.commit() ?? Promise.resolve();
  }

  const handle = createDispatcher(core, resolved, persist);

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
