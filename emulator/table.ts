/**
 * One of the state's tables: records by ID or token. A `Map`, so a name from a request only ever finds
 * a record stored under it — `constructor`, `__proto__` or `toString` find nothing, and storing under
 * them changes no prototype — and indexing it like a plain object (`table[id]`) does not compile.
 * `JSON.stringify` writes it as an object, as the data file has always held it.
 */
export class Table<T> extends Map<string, T> {
  /** The file's form of a table, read from its own properties only. */
  static fromJSON<T>(saved: unknown, name: string): Table<T> {
    if (saved === null || typeof saved !== 'object' || Array.isArray(saved)) {
      // Its kind only: the value may hold tokens and codes, which an error message must not show.
      const kind = saved === null ? 'null' : Array.isArray(saved) ? 'a list' : typeof saved;
      throw new InvalidStateError(`${name} must be an object of records, not ${kind}.`);
    }
    return new Table<T>(Object.entries(saved as Record<string, T>));
  }

  /** The table as the file holds it: an object with one own property per record. */
  toJSON(): Record<string, T> {
    return Object.fromEntries(this);
  }
}

/** A state (a data file's) that the emulator cannot run from; the message says what is wrong. */
export class InvalidStateError extends Error {
  override name = 'InvalidStateError';
}
