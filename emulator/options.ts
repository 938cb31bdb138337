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
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'dataFile' | 'log' | 'allowedHosts'>> &
  Pick<EmulatorOptions, 'dataFile' | 'log' | 'allowedHosts'> & {
    /** The backend API's credentials: the seed's, else {@link PROJECT}. */
    project: ProjectCredentials;
  };
