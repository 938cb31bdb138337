import type { AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import {
  createEmulator,
  ORGANIZATION_IDS,
  SEED_PASSWORD,
  type Emulator,
  type EmulatorOptions,
} from '../../emulator/index.js';
import { recordingOptions } from '../shapes/recorder.js';

export const PUBLIC_TOKEN = 'public-token-test-node-tests';

export function basic(secret = PUBLIC_TOKEN, token = PUBLIC_TOKEN): string {
  return `Basic ${Buffer.from(`${token}:${secret}`).toString('base64')}`;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** A started emulator on a free loopback port, reset before each test, closed after the file. */
export function useEmulator(options: EmulatorOptions = {}) {
  const ctx = { emulator: undefined as unknown as Emulator, base: '' };
  before(async () => {
    ctx.emulator = createEmulator({ ...recordingOptions(), ...options });
    const server = await ctx.emulator.listen(0);
    ctx.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => ctx.emulator.reset());
  after(() => ctx.emulator.close());
  return ctx;
}

export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  init: { auth?: string | null; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
  if (init.auth !== null) headers.Authorization = init.auth ?? basic();
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(init.raw !== undefined
      ? { body: init.raw }
      : body !== undefined
        ? { body: JSON.stringify(body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A password login (primary auth) through the SDK routes of the emulator at `base`. */
export function sdkLogin(base: string, email: string, organization_id: string = ORGANIZATION_IDS.acme) {
  return call(base, 'POST', '/sdk/v1/b2b/passwords/authenticate', {
    organization_id,
    email_address: email,
    password: SEED_PASSWORD,
    session_duration_minutes: 60,
  });
}
