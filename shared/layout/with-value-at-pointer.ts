/** Writes a value at a JSON Pointer into a copy of a JSON document (for tools that fill in entries). */

import { isJsonObject, parsePointer } from './json-pointer.js';

/**
 * Returns a deep copy of `document` with `value` at `pointer` (RFC 6901), creating the objects on
 * the way; `value: undefined` removes the member. Array elements are addressed by index. Returns
 * undefined when the pointer is malformed, is "" or passes through a value that is neither an
 * object nor an array. The input is never modified.
 */
export function withValueAtPointer(document: unknown, pointer: string, value: unknown): unknown {
  const tokens = parsePointer(pointer);
  if (tokens === undefined || tokens.length === 0) return undefined;
  // JSON round trip: a plain, detached copy (the input may be shared React state).
  const copy: unknown = JSON.parse(JSON.stringify(document ?? {}));
  let parent: unknown = copy;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(parent)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      parent[Number(token)] ??= {};
      parent = parent[Number(token)];
    } else if (isJsonObject(parent)) {
      // Own members only: "__proto__" in a pointer must name a member, never the prototype.
      if (!Object.prototype.hasOwnProperty.call(parent, token)) Object.defineProperty(parent, token, { value: {}, enumerable: true, writable: true, configurable: true });
      parent = parent[token];
    } else {
      return undefined;
    }
  }
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(parent)) {
    if (!/^(0|[1-9][0-9]*)$/.test(last)) return undefined;
    if (value === undefined) parent.splice(Number(last), 1);
    else parent[Number(last)] = value;
  } else if (isJsonObject(parent)) {
    if (value === undefined) delete parent[last];
    else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  } else {
    return undefined;
  }
  return copy;
}
