import type { MfaEventMap } from '../../../src/events.js';

export const MFA_EVENTS: (keyof MfaEventMap)[] = [
  'mfa-step',
  'mfa-sms-sent',
  'mfa-totp-created',
  'mfa-recovery-codes-saved',
  'mfa-enrolled',
  'mfa-unenrolled',
  'mfa-authenticated',
  'mfa-error',
  'mfa-code-complete',
  'mfa-policy-changed',
  'mfa-member-updated',
];

export interface Recorded {
  type: keyof MfaEventMap;
  detail: unknown;
}

/** Records every kit event that reaches the document, in order, until `stop()`. */
export function recordEvents() {
  const events: Recorded[] = [];
  const listener = (event: Event) =>
    events.push({ type: event.type as keyof MfaEventMap, detail: (event as CustomEvent).detail });
  for (const name of MFA_EVENTS) document.addEventListener(name, listener);
  return {
    events,
    /** `type` or `type:step` for mfa-step, in order. */
    names: () =>
      events.map((e) => (e.type === 'mfa-step' ? `mfa-step:${(e.detail as { step: string }).step}` : e.type)),
    of: <K extends keyof MfaEventMap>(type: K) =>
      events.filter((e) => e.type === type).map((e) => e.detail as MfaEventMap[K]),
    stop: () => {
      for (const name of MFA_EVENTS) document.removeEventListener(name, listener);
    },
  };
}
