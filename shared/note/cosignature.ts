/**
 * C2SP tlog-cosignature `cosignature/v1` (signature type 0x04): an Ed25519 signature over
 * `cosignature/v1\ntime <T>\n` ‖ checkpoint body, carried as uint64_be(T) ‖ signature.
 */

import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, uint64BigEndian, utf8 } from '../encoding/index.js';
import { ED25519_KEY_SIZE, ed25519PublicKey, verifyEd25519 } from './ed25519.js';
import { computeKeyId } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { ALGORITHM_BYTES, type NoteSigner, type NoteVerifier } from './note-types.js';

/** The size of a cosignature/v1 signature: 8-byte timestamp ‖ 64-byte Ed25519 signature. */
export const COSIGNATURE_SIZE = 8 + 2 * ED25519_KEY_SIZE;

/** Returns the message a cosignature/v1 signs: `cosignature/v1\ntime <T>\n` ‖ the note text. */
export function cosignatureMessage(timestampSec: number, text: Uint8Array): Uint8Array {
  return concatBytes(utf8(`cosignature/v1\ntime ${timestampSec}\n`), text);
}

/**
 * Returns the timestamp (Unix seconds) of a cosignature/v1 signature (without its key ID), or
 * undefined when it has the wrong size or a timestamp above 2^53 − 1 (which a number cannot hold;
 * no honest cosigner is that far in the future).
 */
export function cosignatureTimestampSec(signature: Uint8Array): number | undefined {
  if (signature.length !== COSIGNATURE_SIZE) return undefined;
  const t = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
  return t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : undefined;
}

function assertTimestamp(timestampSec: number): void {
  if (!Number.isSafeInteger(timestampSec) || timestampSec < 0) throw new Error(`bug: cosignature timestamp ${timestampSec} is not a non-negative integer`);
}

/**
 * Returns the verifier of cosignature/v1 signatures by the Ed25519 `publicKey` under `name`; its key
 * ID is computed over 0x04 ‖ publicKey, so it differs from the same key's Ed25519 (0x01) key ID.
 */
export function createCosignatureVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new Error(`bug: invalid key name ${JSON.stringify(name)} reached createCosignatureVerifier`);
  if (publicKey.length !== ED25519_KEY_SIZE) throw new Error(`bug: Ed25519 public key of ${publicKey.length} bytes`);
  const key = publicKey.slice();
  return {
    name,
    keyId: computeKeyId(name, concatBytes(Uint8Array.of(ALGORITHM_BYTES['cosignature/v1']), key)),
    type: 'cosignature/v1',
    publicKey: key,
    verify(text, signature) {
      const timestampSec = cosignatureTimestampSec(signature);
      if (timestampSec === undefined) return false;
      return verifyEd25519(key, cosignatureMessage(timestampSec, text), signature.subarray(8));
    },
  };
}

/**
 * Returns a cosigner: a note signer whose signatures are cosignature/v1 at `timestampSec` (Unix
 * seconds, from the caller's clock), with the Ed25519 private key `seed` under `name`.
 * C2SP tlog-cosignature: a cosigner signs only checkpoints it has verified (see cosignCheckpoint).
 */
export function createCosigner(name: string, seed: Uint8Array, timestampSec: number): NoteSigner {
  assertTimestamp(timestampSec);
  if (seed.length !== ED25519_KEY_SIZE) throw new Error(`bug: Ed25519 seed of ${seed.length} bytes`);
  const secret = seed.slice();
  const verifier = createCosignatureVerifier(name, ed25519PublicKey(secret));
  return {
    name,
    keyId: verifier.keyId,
    type: 'cosignature/v1',
    sign: (text) => concatBytes(uint64BigEndian(timestampSec), ed25519.sign(cosignatureMessage(timestampSec, text), secret)),
    verifier,
  };
}
