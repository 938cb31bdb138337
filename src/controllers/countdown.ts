import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A whole-second countdown that updates its host each second (a resend cooldown, for example). */
export class Countdown implements ReactiveController {
  remaining = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly onDone?: () => void,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  start(seconds: number): void {
    this.stop();
    this.remaining = Math.max(0, Math.ceil(seconds));
    this.host.requestUpdate();
    // A host removed meanwhile (an answer that came after) starts no timer that would keep it alive.
    if (this.remaining === 0 || !this.host.isConnected) return;
    this.timer = setInterval(() => {
      this.remaining -= 1;
      if (this.remaining <= 0) {
        this.stop();
        this.onDone?.();
      }
      this.host.requestUpdate();
    }, 1000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.remaining = 0;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
