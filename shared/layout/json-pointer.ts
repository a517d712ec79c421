/** JSON Pointers (RFC 6901): parse, format and look up values. */

/**
 * Returns the reference tokens of a JSON Pointer, or undefined when it is not one: it must be ""
 * or start with "/", and "~" must be followed by "0" or "1" (RFC 6901 §3).
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  for (const token of tokens) if (/~(?![01])/.test(token)) return undefined;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Returns the JSON Pointer of reference tokens (RFC 6901 §3 escaping). */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Returns `pointer` extended by one reference token. */
export function appendPointer(pointer: string, token: string | number): string {
  return pointer + formatPointer([String(token)]);
}

/** Returns true for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the value at the reference tokens inside `document`, or undefined when a token names
 * nothing. Only own members of objects and in-range array indexes count, so "__proto__" or
 * "constructor" in attacker-supplied pointers never reach inherited properties.
 */
export function valueAtTokens(document: unknown, tokens: readonly string[]): unknown {
  let current: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else if (isJsonObject(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Returns the value at a JSON Pointer inside `document`, or undefined (also for a malformed pointer). */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  return tokens === undefined ? undefined : valueAtTokens(document, tokens);
}

/** Returns true when pointer `a` equals `b` or names a value inside it (or the other way round). */
export function pointersOverlap(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
