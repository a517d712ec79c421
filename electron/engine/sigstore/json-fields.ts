/** Narrowing helpers for untrusted JSON (bundles, trusted roots, log entries, tlog bodies). */

/** A JSON object as parsed: any key may be missing or of any type. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Returns `value` as an object when it is a non-null, non-array object. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** Returns the object at `path` below `value`, or undefined when any step is missing or not an object. */
export function recordAt(value: unknown, ...path: readonly string[]): JsonRecord | undefined {
  let current = asRecord(value);
  for (const key of path) current = asRecord(current?.[key]);
  return current;
}

/** Returns the string at `key` of `value`, or undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const field = asRecord(value)?.[key];
  return typeof field === 'string' ? field : undefined;
}

/** Returns the array at `key` of `value`, or undefined. */
export function arrayAt(value: unknown, key: string): readonly unknown[] | undefined {
  const field = asRecord(value)?.[key];
  return Array.isArray(field) ? field : undefined;
}

/**
 * Returns a non-negative int64 JSON field as a number: a decimal string (protobuf JSON) or a number
 * (Rekor v1 JSON). Undefined when missing, malformed or above 2^53 − 1.
 */
export function int64At(value: unknown, key: string): number | undefined {
  const field = asRecord(value)?.[key];
  if (typeof field === 'number') return Number.isSafeInteger(field) && field >= 0 ? field : undefined;
  if (typeof field !== 'string' || !/^(0|[1-9][0-9]*)$/.test(field)) return undefined;
  const n = Number(field);
  return Number.isSafeInteger(n) ? n : undefined;
}
