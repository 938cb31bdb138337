// A host app for the handler's own tests: Express, the handler as middleware, a password login, the
// official `stytch` client (through a loopback proxy to the emulator), and a session store that
// remembers every token it ever held, so a test can look for them in what the browser got.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import express from 'express';
import { B2BClient } from 'stytch';
import { ORGANIZATION_IDS, PROJECT, SEED_PASSWORD } from '../../../emulator/index.js';
import { createMfaHandler, hostSessionFrom } from '../../../server/index.js';
import type { HostSession, MfaHandler, MfaHandlerOptions, NewSession } from '../../../server/index.js';
import { useEmulator } from '../../emulator/helpers.js';
import { PROJECT_BASIC } from './leaks.js';
import { startProxy, type StytchProxy } from './stytch-proxy.js';

export interface Reply {
  status: number;
  text: string;
  json: any;
  headers: Headers;
  /** The new session cookie the answer set, if any (`name=value`). */
  cookie: string;
  /** The first `Set-Cookie` header whole, with its attributes (`''` when none). */
  setCookie: string;
}

/** POSTs `body` (JSON, or a string sent as it is) to `base + path`; the reply read as the page reads it. */
export async function postTo(
  base: string,
  path: string,
  body: unknown,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the test reads `text`
  }
  const setCookie = response.headers.getSetCookie()[0] ?? '';
  return {
    status: response.status,
    text,
    json,
    headers: response.headers,
    cookie: setCookie.split(';')[0]!,
    setCookie,
  };
}

export interface TestHost {
  emulator: ReturnType<typeof useEmulator>;
  proxy: StytchProxy;
  base: string;
  /** The handler itself, to call as a Web fetch handler. */
  handler: MfaHandler;
  /** Every token value the host's store held, and the project's credentials. */
  secrets(): string[];
  /** The sessions `setSession` was given, in order. */
  stored: NewSession[];
  /** Puts a session in the store as a login would; returns its cookie. */
  start(session: HostSession): string;
  /** A password login through the host; returns its cookie. */
  login(email: string, organization_id?: string): Promise<string>;
  post(path: string, body: unknown, cookie?: string, headers?: Record<string, string>): Promise<Reply>;
}

export const COOKIE = 'sid';

/** The official client for the seed's project at `env` (a base URL ending in `/`), without its warning. */
export function stytchClient(env: string): B2BClient {
  const warn = console.warn; // the package warns about a custom env
  console.warn = () => undefined;
  try {
    return new B2BClient({ ...PROJECT, env });
  } finally {
    console.warn = warn;
  }
}

/** A started host (before the file's tests), its emulator reset and its proxy rules cleared before each. */
export function useHost(options: Partial<MfaHandlerOptions> = {}): TestHost {
  const emulator = useEmulator();
  const sessions = new Map<string, HostSession>();
  const held = new Set<string>([PROJECT.secret]);
  let server: Server;
  const host = { emulator, stored: [] as NewSession[] } as unknown as TestHost;

  const idOf = (request: Request) =>
    new RegExp(`(?:^|;\\s*)${COOKIE}=([\\w-]+)`).exec(request.headers.get('cookie') ?? '')?.[1];
  function start(session: HostSession, request?: Request): { 'Set-Cookie': string } {
    for (const token of [session.intermediate_session_token, session.session_token, session.session_jwt])
      if (token) held.add(token);
    const old = request && idOf(request);
    if (old) sessions.delete(old);
    const id = randomBytes(16).toString('base64url');
    sessions.set(id, session);
    return { 'Set-Cookie': `${COOKIE}=${id}; HttpOnly; Path=/` };
  }

  before(async () => {
    host.proxy = await startProxy(() => emulator.base);
    const stytch = stytchClient(host.proxy.base);
    const mfa = createMfaHandler({
      stytch,
      getSession: (request) => sessions.get(idOf(request) ?? '') ?? null,
      setSession: (session, request) => {
        host.stored.push(session);
        return start(session, request);
      },
      ...options,
    });
    host.handler = mfa;
    const app = express();
    app.use('/api/mfa', mfa.middleware);
    app.post('/login', express.json(), async (req, res) => {
      const { email_address, organization_id } = req.body as Record<string, string>;
      const answer = await stytch.passwords.authenticate({
        organization_id: organization_id ?? ORGANIZATION_IDS.acme,
        email_address: email_address!,
        password: SEED_PASSWORD,
      });
      res.set(start(hostSessionFrom(answer))).json({});
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    host.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    host.proxy.rules.clear();
    host.stored.length = 0;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await host.proxy.close();
  });

  host.secrets = () => {
    return [...held, PROJECT_BASIC];
  };
  host.start = (session) => start(session)['Set-Cookie'].split(';')[0]!;
  host.post = (path, body, cookie, headers) => postTo(host.base, path, body, cookie, headers);
  host.login = async (email, organization_id = ORGANIZATION_IDS.acme) => {
    const reply = await host.post('/login', { email_address: email, organization_id });
    if (!reply.cookie) throw new Error(`login failed: ${reply.status} ${reply.text}`);
    return reply.cookie;
  };
  return host;
}
