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
