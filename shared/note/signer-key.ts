/**
 * Signer keys (skeys), `PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 ‖ 32-byte seed)>`
 * (golang.org/x/mod/sumdb/note `NewSigner`/`GenerateKey`), and cosigner keys built on them.
 */

import { InputError } from '../api/errors.js';
import { concatBytes, toBase64 } from '../encoding/index.js';
import { createCosigner } from './cosignature.js';
import { createEd25519Signer, ED25519_KEY_SIZE, ed25519PublicKey } from './ed25519.js';
import { chop, computeKeyId, decodeKeyBase64, formatKeyId, parseKeyIdHex } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { keyError } from './note-errors.js';
import { ALGORITHM_BYTES, type NoteSigner, type NoteVerifier } from './note-types.js';
import { formatVerifierKey } from './verifier-key.js';

interface SignerKeyParts {
  readonly name: string;
  readonly keyId: number;
  readonly algorithm: number;
  readonly seed: Uint8Array;
}

// Go's NewSigner, in Go's order: layout, then algorithm, then key length, then key ID.
function readSignerKey(skey: string, algorithms: readonly number[]): SignerKeyParts {
  const [private1, rest1] = chop(skey, '+');
  const [private2, rest2] = chop(rest1, '+');
  const [name, rest3] = chop(rest2, '+');
  const [keyIdHex, keyBase64] = chop(rest3, '+');
  const keyId = parseKeyIdHex(keyIdHex);
  const material = decodeKeyBase64(keyBase64);
  if (private1 !== 'PRIVATE' || private2 !== 'KEY' || keyId === undefined || material === undefined || !isValidKeyName(name) || material.length === 0) {
    throw keyError('malformed_key', 'signer', 'a signer key is PRIVATE+KEY+name+8 hex digits+base64 key, with a valid name and a non-empty key');
  }
  const algorithm = material[0]!;
  if (!algorithms.includes(algorithm)) {
    throw keyError('unknown_key_algorithm', 'signer', `signature type 0x${algorithm.toString(16).padStart(2, '0')} cannot sign here`);
  }
  const seed = material.slice(1);
  if (seed.length !== ED25519_KEY_SIZE) throw keyError('malformed_key', 'signer', `an Ed25519 seed is ${ED25519_KEY_SIZE} bytes, not ${seed.length}`);
  const expected = computeKeyId(name, concatBytes(Uint8Array.of(algorithm), ed25519PublicKey(seed)));
  if (keyId !== expected) throw keyError('key_id_mismatch', 'signer', `key ID ${keyIdHex} does not match the key (${formatKeyId(expected)})`);
  return { name, keyId, algorithm, seed };
}

/**
 * Returns the Ed25519 note signer of a signer key. Throws InputError `malformed_key`,
 * `unknown_key_algorithm` or `key_id_mismatch` with Go's messages, exactly as Go's NewSigner.
 */
export function parseSignerKey(skey: string): NoteSigner {
  const { name, seed } = readSignerKey(skey, [ALGORITHM_BYTES.ed25519]);
  return createEd25519Signer(name, seed);
}

/** A new key pair as Go's `note.GenerateKey` writes it. */
export interface GeneratedKey {
  readonly skey: string;
  readonly vkey: string;
}

/**
 * Returns the Ed25519 signer and verifier keys for `name` with the private key `randomBytes32`
 * (the seed; the caller supplies 32 random bytes). Same output as Go's
 * `note.GenerateKey(reader, name)` when the reader yields those bytes. Throws InputError
 * `invalid_key_name` for a name Go's NewSigner would refuse (Go's GenerateKey does not check).
 */
export function generateSignerKey(name: string, randomBytes32: Uint8Array): GeneratedKey {
  if (!isValidKeyName(name)) {
    throw new InputError('invalid_key_name', `key name ${JSON.stringify(name)} is not valid`, { name }, { hint: 'key names must be non-empty UTF-8 without spaces or "+"' });
  }
  if (randomBytes32.length !== ED25519_KEY_SIZE) throw new Error(`bug: generateSignerKey needs 32 random bytes, got ${randomBytes32.length}`);
  const signer = createEd25519Signer(name, randomBytes32);
  const skey = `PRIVATE+KEY+${name}+${formatKeyId(signer.keyId)}+${toBase64(concatBytes(Uint8Array.of(ALGORITHM_BYTES.ed25519), randomBytes32))}`;
  return { skey, vkey: formatVerifierKey(signer.verifier) };
}

/** A cosigner's key: its identity, and signers for given times. */
export interface CosignerKey {
  readonly name: string;
  /** The cosignature/v1 key ID (over 0x04 ‖ public key). */
  readonly keyId: number;
  readonly verifier: NoteVerifier;
  /** Returns the signer of cosignature/v1 signatures dated `timestampSec` (Unix seconds). */
  signerAt(timestampSec: number): NoteSigner;
}

/**
 * Returns the cosigner of a signer key whose type byte is 0x01 (an ordinary Ed25519 skey, as
 * transparency-dev/formats accepts) or 0x04; the skey's key ID is checked against that type byte.
 * The cosignature/v1 vkey is `formatVerifierKey(result.verifier)`. Throws like parseSignerKey.
 */
export function parseCosignerKey(skey: string): CosignerKey {
  const { name, seed } = readSignerKey(skey, [ALGORITHM_BYTES.ed25519, ALGORITHM_BYTES['cosignature/v1']]);
  const verifier = createCosigner(name, seed, 0).verifier;
  return { name, keyId: verifier.keyId, verifier, signerAt: (timestampSec) => createCosigner(name, seed, timestampSec) };
}
