/**
 * Stytch's answer, or a rejection with `late()` once `ms` have passed. `Infinity` (or anything past
 * setTimeout's 2^31 - 1 ms, where it would fire at once) waits for as long as Stytch takes.
 */
export function within<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  work.catch(() => undefined); // a late failure has no one to tell
  // Stryker disable next-line EqualityOperator: ms is never 0 here (timeoutOption refuses it where it is given)
  if (!(ms > 0 && ms < 2 ** 31)) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The `timeoutMs` option, checked: 0, a negative number or NaN would set no timer, so a hung Stytch
 * would hold every request for good — no host means that by them (Infinity says "no limit" plainly),
 * so they are refused where the option is given.
 */
export function timeoutOption(value: unknown): number {
  const ms = value === undefined ? 10_000 : value;
  if (typeof ms !== 'number' || !(ms > 0))
    throw new TypeError(
      'timeoutMs must be a positive number of milliseconds (or Infinity for no limit), or left out for 10 000.',
    );
  return ms;
}
