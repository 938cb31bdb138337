import type { ReactiveControllerHost } from 'lit';

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs one asynchronous call at a time for a host and tracks it: while one is pending, `run` refuses
 * another (returns null). That is how one click sends one request, everywhere.
 */
export class AsyncCall {
  /** The name of the call in flight, or null. */
  pending: string | null = null;

  /** Needs no lifecycle: it only asks the host to render when a call starts and ends. */
  constructor(private readonly host: ReactiveControllerHost) {}

  async run<T>(name: string, task: () => Promise<T>): Promise<CallResult<T> | null> {
    if (this.pending) return null;
    this.pending = name;
    this.host.requestUpdate();
    try {
      return { ok: true, value: await task() };
    } catch (error) {
      return { ok: false, error };
    } finally {
      this.pending = null;
      this.host.requestUpdate();
    }
  }
}
