// The emulator's dev routes, as the browser tests use them (same origin as the test page).
export {
  SEED,
  SEED_PASSWORD,
  SEED_RECOVERY_CODES,
  SEED_TOTP_SECRET,
  ORGANIZATION_IDS,
  MEMBER_IDS,
} from '../../../emulator/seed.js';

import type { Fault } from '../../../emulator/faults.js';
import type { SmsMessage } from '../../../emulator/state.js';

export type { SmsMessage };

/** A fault as `POST /__emulator/faults` takes it (`times` defaults to 1). */
export type FaultSpec = Omit<Fault, 'times'> & { times?: number };

async function dev<T>(path: string, init?: { method: string; body?: unknown }): Promise<T> {
  const response = await fetch(`/__emulator${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'Content-Type': 'application/json' },
    ...(init?.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const resetEmulator = () => dev<{ ok: true }>('/reset', { method: 'POST' });
export const smsOutbox = (to?: string) =>
  dev<SmsMessage[]>(to ? `/sms?to=${encodeURIComponent(to)}` : '/sms');
export const advanceClock = (seconds: number) =>
  dev<{ now: string; offset_seconds: number }>('/clock', {
    method: 'POST',
    body: { advance_seconds: seconds },
  });
export const emulatorClock = () => dev<{ now: string; offset_seconds: number }>('/clock');
export const injectFault = (fault: FaultSpec) => dev('/faults', { method: 'POST', body: fault });

/** The newest SMS code sent to a number. */
export async function lastSmsCode(to: string): Promise<string> {
  const messages = await smsOutbox(to);
  const last = messages.at(-1);
  if (!last) throw new Error(`No SMS was sent to ${to}`);
  return last.code;
}

/** The emulator's time in ms (its clock may have been moved on): what TOTP codes are computed for. */
export async function emulatorNowMs(): Promise<number> {
  return Date.parse((await emulatorClock()).now);
}
