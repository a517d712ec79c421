import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { WorkbenchError } from '../../../../shared/api/index.js';
import { formatKeyId, type NoteSignature } from '../../../../shared/note/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { readTestdataJson, repoRoot } from '../../../helpers/testdata.js';

/** Runs `fn`, asserts it throws `ErrorClass` with `code` (and, when given, Go's exact `message`), and returns the error. */
export function expectNoteError<E extends WorkbenchError>(
  fn: () => unknown,
  ErrorClass: abstract new (...args: never[]) => E,
  code: string,
  message?: string,
): E {
  const error = expectWorkbenchError(fn, ErrorClass, code);
  if (message !== undefined) expect(error.message).toBe(message);
  return error;
}

/** A signature as the vectors and gotlog print it. */
export interface GoSig {
  name: string;
  keyHash: string;
  base64: string;
}

/** Returns signatures in the vectors' shape. */
export function toGoSigs(signatures: readonly NoteSignature[]): GoSig[] {
  return signatures.map((s) => ({ name: s.name, keyHash: formatKeyId(s.keyId), base64: s.base64 }));
}

/** Returns a parsed JSON fixture from test/fixtures/note. */
export function readNoteFixture<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/note', file), 'utf8')) as T;
}

/** Returns `bytes` with bit `bit` of byte `index` flipped. */
export function flipBit(bytes: Uint8Array, index: number, bit = 0): Uint8Array {
  const out = bytes.slice();
  out[index]! ^= 1 << bit;
  return out;
}

/** A case of shared/testdata/note/keys.json. */
export interface KeyCase { key: string; kind: 'vkey' | 'skey'; valid: boolean; error?: string; name?: string; keyHash?: string; why?: string }
/** The cases of shared/testdata/note/keys.json. */
export const keyCases = readTestdataJson<{ cases: KeyCase[] }>('note/keys.json').cases;

/** Go's key error strings → our codes. */
export const KEY_CODES: Record<string, string> = {
  'malformed verifier id': 'malformed_key',
  'unknown verifier algorithm': 'unknown_key_algorithm',
  'invalid verifier hash': 'key_id_mismatch',
};
