import { fixture } from '@open-wc/testing';

// What the building blocks' tests share: a promise the test settles itself, so a call stays pending
// for exactly as long as a test needs (no timers).

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A unique tag for a test's own host element (each test file defines its own). */
let count = 0;
export const tagFor = (name: string): string => `unit-${name}-${++count}`;

/** A test's host element, rendered and attached (removed after the test). */
export const mount = <T extends Element>(tag: string): Promise<T> => fixture<T>(`<${tag}></${tag}>`);
