import type { PropertyValues } from 'lit';

/**
 * Starts an element from its inputs, and again from the latest values whenever one changes: before
 * the kit loads, while the client loads, after a failed start or later — also while a start is under
 * way, which then stops at its next step and runs again. An equal plain object handed down again (a
 * primary-auth response) starts nothing over; reconnecting with the same inputs does nothing.
 */
export class Restarter {
  private running = false;
  /** The inputs the last start read (see `read`); null before, and while it prepares. */
  private startedWith: unknown[] | null = null;
  /** An input changed while a start was under way: it runs again when this pass ends. */
  again = false;

  /** `names`: the host's properties it starts from; `pass`: one start (`restart`: not the first). */
  constructor(
    private readonly host: object,
    private readonly names: readonly string[],
    private readonly pass: (restart: boolean) => Promise<void>,
  ) {}

  /** The inputs now: plain objects by their content, anything else (a client) as itself. */
  private inputs(): unknown[] {
    return this.names.map((name) => {
      const value = (this.host as unknown as Record<string, unknown>)[name];
      return value && Object.getPrototypeOf(value) === Object.prototype ? JSON.stringify(value) : value;
    });
  }

  /** Whether the inputs are those the last start read. */
  get unchanged(): boolean {
    const now = this.inputs();
    return this.startedWith?.every((value, i) => value === now[i]) ?? false;
  }

  /** Records the inputs a start goes on from (after it prepared, which may set some). */
  read(): void {
    this.startedWith = this.inputs();
  }

  /** For the host's `updated`: starts again when an input changed. */
  changed(props: PropertyValues): void {
    if (!this.startedWith || !this.names.some((name) => props.has(name)) || this.unchanged) return;
    if (this.running) this.again = true;
    else void this.run();
  }

  /** Runs a start, and again while inputs change under it; nothing if one is under way. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      do {
        const restart = this.startedWith !== null;
        this.again = false;
        this.startedWith = null;
        await this.pass(restart);
      } while (this.again);
    } finally {
      this.running = false;
    }
  }
}
