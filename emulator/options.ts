import type { ProjectCredentials, Seed } from './seed.js';

export interface RateLimit {
  /** How many are allowed… */
  max: number;
  /** …within this many seconds. */
  windowSeconds: number;
}

export interface EmulatorOptions {
  /**
   * Keep state in this JSON file (created mode 0600) so a restart keeps it: a request that changes the
   * state is answered once the atomic, synced write holding its change is done (requests arriving
   * meanwhile share the next write). A write that fails is reported once (`log`, else stderr) and the
   * emulator goes on answering from memory; `close()` rejects if the latest state could not be saved.
   */
  dataFile?: string;
  /** Organizations and members to start from; defaults to the documented seed. */
  seed?: Seed;
  /** Shown in SMS texts and the TOTP QR code's issuer. */
  projectName?: string;
  /** Country calling codes SMS may go to. Stytch allows US and Canada (`1`) unless told otherwise. */
  smsCountryCallingCodes?: string[];
  /** SMS sends per phone number; `false` turns the limit off. Default 5 in 10 minutes. */
  smsRateLimit?: RateLimit | false;
  /** Wrong TOTP and recovery codes per member before 429; `false` turns it off. Default 10 in 5 minutes. */
  authAttemptLimit?: RateLimit | false;
  /** Wrong tries an SMS code survives; then it is spent. Default 5. */
  smsCodeAttempts?: number;
  /** How long an SMS code lives. Default 120 s. */
  smsCodeTtlSeconds?: number;
  /** How long an intermediate session lives. Default 10 minutes. */
  intermediateSessionMinutes?: number;
  /**
   * Called with one line per request (method, path, status, time), and when `dataFile` cannot be
   * written and again when it can; never with bodies or tokens.
   */
  log?: (line: string) => void;
  /**
   * Host names the standalone server answers besides loopback ones and the one it listens on (a
   * container's name, say). Any other `Host` is refused, so DNS rebinding cannot read the outboxes.
   */
  allowedHosts?: string[];
  /**
   * For tests only, off unless given: called with every JSON answer the API routes send (see
   * {@link EmulatorResponse}). Bodies hold tokens, codes and TOTP secrets: keep what it gets out of
   * logs and out of committed files.
   */
  onResponse?: (response: EmulatorResponse) => void;
}

/** One JSON answer, as `onResponse` sees it. */
export interface EmulatorResponse {
  api: 'sdk' | 'backend' | 'dev';
  method: string;
  /** The matched route's path pattern after the API's prefix (`/b2b/totp`), or null if none matched. */
  route: string | null;
  status: number;
  /** The body as sent (a string for an injected malformed body). */
  body: unknown;
  /** True when an injected fault (`/__emulator/faults`) made this answer, not the route. */
  fault: boolean;
}

export type ResolvedOptions = Required<
  Omit<EmulatorOptions, 'dataFile' | 'log' | 'allowedHosts' | 'onResponse'>
> &
  Pick<EmulatorOptions, 'dataFile' | 'log' | 'allowedHosts' | 'onResponse'> & {
    /** The backend API's credentials: the seed's, else {@link PROJECT}. */
    project: ProjectCredentials;
  };
