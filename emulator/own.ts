/**
 * A property of a parsed JSON object, if the object itself holds it: `record[key]` would also find
 * what every object inherits (`constructor`, `toString`) and anything a polluted prototype holds.
 */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A parsed JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
