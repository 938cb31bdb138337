/**
 * The numbers each member's texts went to lately, so one stolen password cannot send texts to any
 * number it likes (SMS pumping: Stytch limits texts per number, not per member). A member may reach
 * `max` distinct numbers within `windowMs` of the first; a number already reached may be texted again.
 * Memory stays bounded: entries older than the window are dropped, and past `capacity` members the
 * least recently used goes.
 */
export class SmsNumbers {
  private readonly members = new Map<string, { since: number; numbers: Set<string> }>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60 * 60 * 1000,
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reserves `number` for `member` before the text is sent, so concurrent sends count too. Returns
   * null when the member has reached its cap, else a function that gives the number back (call it
   * when Stytch sent nothing).
   */
  reserve(member: string, number: string): (() => void) | null {
    const key = number.replace(/[^\d+]/g, ''); // one number however it is spaced
    const time = this.now();
    let entry = this.members.get(member);
    if (entry && time - entry.since >= this.windowMs) entry = undefined;
    entry ??= { since: time, numbers: new Set() };
    this.members.delete(member); // re-inserted last: the Map's order is least recently used first
    this.members.set(member, entry);
    for (const [oldest, old] of this.members) {
      if (this.members.size <= this.capacity && time - old.since < this.windowMs) break;
      this.members.delete(oldest);
    }
    if (entry.numbers.has(key)) return () => undefined;
    if (entry.numbers.size >= this.max) return null;
    const numbers = entry.numbers.add(key);
    return () => void numbers.delete(key);
  }

  /** How many members are remembered (for tests of the memory bound). */
  get size(): number {
    return this.members.size;
  }
}
