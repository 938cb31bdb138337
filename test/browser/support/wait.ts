import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * Waits for a condition (never for a time), with room for a cold start in CI: the first load of a
 * lazy module goes through the test server's transforms. 5 s unless told otherwise.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { interval: 25, timeout: 5000, ...options });
}

/**
 * Waits until the phone field shown inside `host` (however deep) has its phone library, so what is
 * typed next is read as a number; resolves with the field.
 */
export async function phoneFieldReady(host: Element): Promise<HTMLElement> {
  const { deepest } = await import('./shadow.js');
  await waitUntil(
    () => (deepest(host, 'mfa-phone-input') as (HTMLElement & { ready?: boolean }) | null)?.ready,
    'the phone library loaded',
  );
  return deepest(host, 'mfa-phone-input')!;
}
