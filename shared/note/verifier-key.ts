/**
 * Verifier keys (vkeys), `<name>+<key ID hex>+<base64(type byte ‖ key)>` (C2SP signed-note;
 * golang.org/x/mod/sumdb/note `NewVerifier`), for Ed25519 (0x01), cosignature/v1 (0x04) and
 * static-ct-api RFC 6962 (0x05, key = DER SubjectPublicKeyInfo) keys.
 */

import { assertNever } from '../api/errors.js';
import { concatBytes, toBase64 } from '../encoding/index.js';
import { createCosignatureVerifier } from './cosignature.js';
import { createEd25519Verifier, ED25519_KEY_SIZE } from './ed25519.js';
import { chop, computeKeyId, decodeKeyBase64, formatKeyId, parseKeyIdHex } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { keyError } from './note-errors.js';
import { ALGORITHM_BYTES, type NoteVerifier } from './note-types.js';
import { createRfc6962Verifier, rfc6962LogId } from './rfc6962.js';

/**
 * Returns the verifier for a verifier key. Checks in Go's order and throws InputError with Go's
 * message: `malformed_key` ("malformed verifier id": bad layout, name, hex, base64 or key length),
 * `key_id_mismatch` ("invalid verifier hash": the key ID is not the one computed from name and key)
 * or `unknown_key_algorithm` ("unknown verifier algorithm").
 */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const [name, rest] = chop(vkey, '+');
  const [keyIdHex, keyBase64] = chop(rest, '+');
  const keyId = parseKeyIdHex(keyIdHex);
  const material = decodeKeyBase64(keyBase64);
  if (keyId === undefined || material === undefined || !isValidKeyName(name) || material.length === 0) {
    throw keyError('malformed_key', 'verifier', 'a verifier key is name+8 hex digits+base64 key, with a valid name and a non-empty key');
  }
  const algorithm = material[0]!;
  const key = material.subarray(1);
  // An RFC 6962 key ID hashes the log ID, not the SPKI itself (C2SP static-ct-api).
  const hashed = algorithm === ALGORITHM_BYTES.rfc6962 ? concatBytes(Uint8Array.of(algorithm), rfc6962LogId(key)) : material;
  if (keyId !== computeKeyId(name, hashed)) {
    throw keyError('key_id_mismatch', 'verifier', `key ID ${keyIdHex} is not SHA-256(name ‖ 0x0A ‖ key)[:4] = ${formatKeyId(computeKeyId(name, hashed))}`);
  }
  switch (algorithm) {
    case ALGORITHM_BYTES.ed25519:
    case ALGORITHM_BYTES['cosignature/v1']:
      if (key.length !== ED25519_KEY_SIZE) throw keyError('malformed_key', 'verifier', `an Ed25519 key is ${ED25519_KEY_SIZE} bytes, not ${key.length}`);
      return algorithm === ALGORITHM_BYTES.ed25519 ? createEd25519Verifier(name, key) : createCosignatureVerifier(name, key);
    case ALGORITHM_BYTES.rfc6962:
      return createRfc6962Verifier(name, key);
    default:
      throw keyError('unknown_key_algorithm', 'verifier', `signature type 0x${algorithm.toString(16).padStart(2, '0')} is not one of 0x01 (Ed25519), 0x04 (cosignature/v1), 0x05 (RFC 6962)`);
  }
}

/** Returns the verifier key of a verifier: the inverse of parseVerifierKey. */
export function formatVerifierKey(verifier: NoteVerifier): string {
  const { type } = verifier;
  switch (type) {
    case 'ed25519':
    case 'cosignature/v1':
    case 'rfc6962':
      return `${verifier.name}+${formatKeyId(verifier.keyId)}+${toBase64(concatBytes(Uint8Array.of(ALGORITHM_BYTES[type]), verifier.publicKey))}`;
    default:
      return assertNever(type);
  }
}
