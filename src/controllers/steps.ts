import type { ReactiveElement } from 'lit';
import { emit, type StepDetail } from '../events.js';
import type { MfaMethod, MfaStep } from '../types.js';

/**
 * The step an element shows: reflected to its `step` attribute and announced as `mfa-step` when it
 * changes. An element that hosts another relays the inner element's steps as its own, so the page
 * hears one stream of steps from the element it placed. Focus goes where the step begins.
 */
export class Steps {
  /** The step shown now, or null before the first. */
  current: MfaStep | null = null;

  /** Needs no lifecycle: it asks the host to render when the step changes. */
  constructor(private readonly host: ReactiveElement) {}

  /** Moves to a step: reflects it and fires `mfa-step` when it changed. */
  go(step: MfaStep, method: MfaMethod | null): void {
    if (step === this.current) return;
    this.current = step;
    this.host.setAttribute('step', step);
    this.host.requestUpdate();
    emit(this.host, 'mfa-step', { step, method });
  }

  /** Focuses the first match of `selector` in the host's shadow root once it has rendered. */
  async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** An `mfa-step` listener for an inner element: its step becomes the host's. */
  readonly relay = (event: CustomEvent<StepDetail>): void => {
    if (event.target === this.host) return;
    event.stopPropagation();
    this.go(event.detail.step, event.detail.method);
  };
}
