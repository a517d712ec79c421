import serialize from 'canonicalize';
import { InputError } from '../api/errors.js';
import { utf8 } from '../encoding/index.js';

/**
 * Returns the RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: sorted keys, no
 * whitespace, ECMAScript number formatting. Rekor hashes exactly these bytes into the leaf.
 * Throws InputError('json_not_canonicalizable') for values JSON cannot hold (undefined, NaN, …).
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = serialize(value);
  } catch (error) {
    throw new InputError('json_not_canonicalizable', `value cannot be canonicalized as JSON: ${(error as Error).message}`);
  }
  if (text === undefined) throw new InputError('json_not_canonicalizable', 'value cannot be canonicalized as JSON (undefined)');
  return text;
}

/** Returns the UTF-8 bytes of the RFC 8785 canonical JSON of a value. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
