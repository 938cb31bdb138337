/**
 * The latest time the emulator's clock may show: a year before the last four-digit year, so every time
 * it hands out from there (a session lasts at most 366 days) is still a `Date` and an RFC 3339 time.
 */
export const LATEST_MS = Date.UTC(9998, 0, 1);

/** Whether the clock can run this many seconds ahead of the machine's: zero or more, up to {@link LATEST_MS}. */
export function offsetFits(offsetSeconds: unknown, machineNowMs = Date.now()): offsetSeconds is number {
  return (
    typeof offsetSeconds === 'number' &&
    Number.isFinite(offsetSeconds) &&
    offsetSeconds >= 0 &&
    machineNowMs + offsetSeconds * 1000 <= LATEST_MS
  );
}

/** The emulator's time: the machine's clock plus an offset that tests move forward. */
export class Clock {
  offsetSeconds = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetSeconds * 1000);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  advance(seconds: number): void {
    this.offsetSeconds += seconds;
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
