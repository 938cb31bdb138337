import { errors } from './errors.js';
import { PREFIXES } from './prefixes.js';
import { readBody } from './schema.js';

/** One injected failure: the next `times` requests to `path` fail (or are slowed) as described. */
export interface Fault {
  path: string;
  status?: number;
  error_type?: string;
  delay_ms?: number;
  drop?: boolean;
  malformed?: boolean;
  times: number;
}

/**
 * Paths are accepted with or without the `/sdk/v1` (or the backend's `/v1`) prefix; a fault for
 * `/b2b/otps/sms/send` meets the next such call on either API.
 */
export function normalizeFaultPath(path: string): string {
  for (const prefix of [PREFIXES.sdk, PREFIXES.backend])
    if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
  return path;
}

export function parseFault(body: unknown): Fault {
  const b = readBody(body, {
    path: 'string',
    status: 'number?',
    error_type: 'string?',
    delay_ms: 'number?',
    drop: 'boolean?',
    malformed: 'boolean?',
    times: 'number?',
  });
  if (!b.path.startsWith('/')) throw errors.badRequest('path must start with /.');
  if (b.status !== undefined && (!Number.isInteger(b.status) || b.status < 200 || b.status > 599)) {
    throw errors.badRequest('status must be an HTTP status from 200 to 599.');
  }
  if (b.delay_ms !== undefined && (!Number.isInteger(b.delay_ms) || b.delay_ms < 0 || b.delay_ms > 60_000)) {
    throw errors.badRequest('delay_ms must be a whole number from 0 to 60000.');
  }
  const times = b.times ?? 1;
  if (!Number.isInteger(times) || times < 1)
    throw errors.badRequest('times must be a whole number of at least 1.');
  if (b.status === undefined && !b.drop && !b.malformed && b.delay_ms === undefined) {
    throw errors.badRequest('A fault needs status, drop, malformed or delay_ms.');
  }
  return {
    path: normalizeFaultPath(b.path),
    times,
    ...(b.status !== undefined ? { status: b.status } : {}),
    ...(b.error_type !== undefined ? { error_type: b.error_type } : {}),
    ...(b.delay_ms !== undefined ? { delay_ms: b.delay_ms } : {}),
    ...(b.drop ? { drop: true } : {}),
    ...(b.malformed ? { malformed: true } : {}),
  };
}

/** The queue of injected faults; each request to a path takes the first that matches. */
export class Faults {
  private list: Fault[] = [];

  add(fault: Fault): void {
    this.list.push(fault);
  }

  clear(): void {
    this.list = [];
  }

  all(): Fault[] {
    return this.list.map((f) => ({ ...f }));
  }

  take(path: string): Fault | null {
    const wanted = normalizeFaultPath(path);
    const index = this.list.findIndex((f) => f.path === wanted);
    if (index < 0) return null;
    const fault = this.list[index]!;
    fault.times -= 1;
    if (fault.times <= 0) this.list.splice(index, 1);
    return { ...fault };
  }
}

/** Default error types for injected statuses, so `{ status: 500 }` alone reads as Stytch would. */
export function defaultErrorType(status: number): string {
  if (status === 429) return 'too_many_requests';
  if (status === 401) return 'unauthorized_credentials';
  if (status === 404) return 'route_not_found';
  if (status >= 500) return 'internal_server_error';
  return 'bad_request';
}
