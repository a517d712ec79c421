import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from '../encoding/index.js';
import type { NoteVerifier } from './note-types.js';
import { ALGORITHM_BYTES } from './note-types.js';

/**
 * Returns a log's ID: SHA-256(name ‖ 0x0A ‖ algorithm byte ‖ public key), the C2SP signed-note key
 * hash in full. For an Ed25519 log key this is Rekor v2's logID; its first 4 bytes are the note key ID.
 */
export function logIdOfVerifier(verifier: NoteVerifier): Uint8Array {
  return sha256(concatBytes(utf8(verifier.name), Uint8Array.of(0x0a, ALGORITHM_BYTES[verifier.type]), verifier.publicKey));
}
