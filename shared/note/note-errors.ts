/**
 * The typed errors of the signed-note code. Messages are golang.org/x/mod/sumdb/note's exact
 * error strings where Go has one, so results can be compared with the Go reference byte for byte;
 * the code, details and hint carry what the Go string leaves out.
 */

import { InputError, VerificationError } from '../api/errors.js';
import { formatKeyId } from './key-id.js';
import type { NoteSignature } from './note-types.js';

/** Every error code this package throws. */
export type NoteErrorCode =
  | 'malformed_note'
  | 'note_unverified'
  | 'invalid_signature'
  | 'ambiguous_key'
  | 'invalid_signer'
  | 'malformed_key'
  | 'unknown_key_algorithm'
  | 'key_id_mismatch'
  | 'invalid_key_name'
  | 'malformed_checkpoint'
  | 'checkpoint_size_unsupported'
  | 'origin_mismatch';

/** Go's `errMalformedNote`; `reason` says which rule failed. */
export function malformedNoteError(reason: string): InputError {
  return new InputError('malformed_note', 'malformed note', { reason }, { hint: `the note breaks a C2SP signed-note rule: ${reason}` });
}

/** Go's `UnverifiedNoteError`: the note parsed but no signature was by a known key. */
export function unverifiedNoteError(text: string, unverifiedSignatures: readonly NoteSignature[]): VerificationError {
  const keys = unverifiedSignatures.map((s) => `${s.name}+${formatKeyId(s.keyId)}`);
  return new VerificationError(
    'note_unverified',
    'note has no verifiable signatures',
    { text, unverifiedSignatures: unverifiedSignatures.map((s) => ({ ...s })) },
    { hint: keys.length === 0 ? 'the note carries no signature by a known key' : `it is signed only by unknown keys ${keys.join(', ')}; add the right verifier key` },
  );
}

/** Go's `InvalidSignatureError`: a known key's signature did not verify, so the whole note is rejected. */
export function invalidSignatureError(name: string, keyId: number): VerificationError {
  const key = `${name}+${formatKeyId(keyId)}`;
  return new VerificationError('invalid_signature', `invalid signature for key ${key}`, { name, keyId: formatKeyId(keyId) }, { hint: 'the note was altered or signed by another key with the same name and key ID; do not trust it' });
}

/** Go's ambiguous-verifier error: the verifier list holds (name, key ID) more than once. */
export function ambiguousKeyError(name: string, keyId: number): InputError {
  const key = `${name}+${formatKeyId(keyId)}`;
  return new InputError('ambiguous_key', `ambiguous key ${key}`, { name, keyId: formatKeyId(keyId) }, { hint: `list verifier key ${key} only once` });
}

/** Go's `errInvalidSigner`: a signer's name is not a valid key name. */
export function invalidSignerError(name: string): InputError {
  return new InputError('invalid_signer', 'invalid signer', { name }, { hint: 'key names must be non-empty UTF-8 without spaces or "+"' });
}

/** The three key-parsing failures of Go's NewVerifier/NewSigner, with Go's messages. */
export type KeyProblem = 'malformed_key' | 'unknown_key_algorithm' | 'key_id_mismatch';

const KEY_MESSAGES: Readonly<Record<KeyProblem, string>> = {
  malformed_key: 'malformed verifier id',
  unknown_key_algorithm: 'unknown verifier algorithm',
  key_id_mismatch: 'invalid verifier hash',
};

/**
 * Returns the error for a key that does not parse. `reason` explains it; the key itself is never
 * put in the error, since it may be a private key.
 */
export function keyError(problem: KeyProblem, kind: 'verifier' | 'signer', reason: string): InputError {
  return new InputError(problem, KEY_MESSAGES[problem], { kind, reason }, { hint: `check the ${kind} key: ${reason}` });
}
