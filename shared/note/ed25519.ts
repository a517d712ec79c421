/** Ed25519 note keys (signature type 0x01), as golang.org/x/mod/sumdb/note signs and verifies them. */

import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '../encoding/index.js';
import { computeKeyId } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { ALGORITHM_BYTES, type NoteSigner, type NoteVerifier } from './note-types.js';

/** The size of an Ed25519 public key, seed and (times two) signature. */
export const ED25519_KEY_SIZE = 32;

/**
 * Returns true when `signature` is a valid Ed25519 signature of `message` by `publicKey`. Never throws.
 * Strict RFC 8032 decoding (no ZIP-215 leniency), which accepts every signature Go's crypto/ed25519
 * makes; the two differ only on crafted non-canonical keys and small-order points.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_KEY_SIZE || signature.length !== 2 * ED25519_KEY_SIZE) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    // noble throws on points that do not decode; for a verifier that is simply "not valid".
    return false;
  }
}

function assertKey(name: string, key: Uint8Array, what: string): void {
  if (!isValidKeyName(name)) throw new Error(`bug: invalid key name ${JSON.stringify(name)} reached the Ed25519 constructor`);
  if (key.length !== ED25519_KEY_SIZE) throw new Error(`bug: Ed25519 ${what} of ${key.length} bytes`);
}

/**
 * Returns the verifier of Ed25519 note signatures by `publicKey` (32 bytes) under `name`; its key ID
 * is computed over 0x01 ‖ publicKey. Requires a valid key name (see isValidKeyName).
 */
export function createEd25519Verifier(name: string, publicKey: Uint8Array): NoteVerifier {
  assertKey(name, publicKey, 'public key');
  const key = publicKey.slice();
  return {
    name,
    keyId: computeKeyId(name, concatBytes(Uint8Array.of(ALGORITHM_BYTES.ed25519), key)),
    type: 'ed25519',
    publicKey: key,
    verify: (text, signature) => verifyEd25519(key, text, signature),
  };
}

/** Returns the Ed25519 public key of a 32-byte seed (RFC 8032 §5.1.5). */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed);
}

/**
 * Returns a signer of Ed25519 note signatures with the private key `seed` (32 bytes) under `name`.
 * Signatures are deterministic (RFC 8032), so equal inputs give equal notes, as in Go.
 */
export function createEd25519Signer(name: string, seed: Uint8Array): NoteSigner {
  assertKey(name, seed, 'seed');
  const secret = seed.slice();
  const verifier = createEd25519Verifier(name, ed25519PublicKey(secret));
  return {
    name,
    keyId: verifier.keyId,
    type: 'ed25519',
    sign: (text) => ed25519.sign(text, secret),
    verifier,
  };
}
