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
