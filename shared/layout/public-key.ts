/**
 * Public keys of custom entries: PEM SubjectPublicKeyInfo (Ed25519, P-256, P-384), raw Ed25519
 * and minisign keys, all reduced to one form whose fingerprint is SHA-256 of the DER SPKI.
 */

import { ed25519 } from '@noble/curves/ed25519.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromHex, toHex, tryFromBase64 } from '../encoding/index.js';
import { parseMinisignPublicKey } from '../minisign/index.js';
import type { PublicKeyFormat } from './layout-types.js';

export type KeyAlgorithm = 'ed25519' | 'p256' | 'p384';

export interface PublicKey {
  readonly algorithm: KeyAlgorithm;
  /** Ed25519: the 32-byte key; ECDSA: the uncompressed SEC 1 point (0x04 ‖ X ‖ Y). */
  readonly raw: Uint8Array;
  /** The DER SubjectPublicKeyInfo (RFC 8410 for Ed25519, RFC 5480 for ECDSA). */
  readonly spki: Uint8Array;
  /** A minisign key's 8-byte key ID, as stored (little-endian). */
  readonly minisignKeyId?: Uint8Array;
}

// The fixed DER prefix of each key type's SPKI: the structure is constant up to the key bytes, so
// comparing prefixes is an exact DER parse (no BER leniency, no other curve or parameters).
const SPKI_PREFIXES: ReadonlyArray<{ algorithm: KeyAlgorithm; prefix: Uint8Array; keySize: number }> = [
  { algorithm: 'ed25519', prefix: fromHex('302a300506032b6570032100'), keySize: 32 },
  { algorithm: 'p256', prefix: fromHex('3059301306072a8648ce3d020106082a8648ce3d030107034200'), keySize: 65 },
  { algorithm: 'p384', prefix: fromHex('3076301006072a8648ce3d020106052b81040022036200'), keySize: 97 },
];

function prefixOf(algorithm: KeyAlgorithm): Uint8Array {
  return SPKI_PREFIXES.find((p) => p.algorithm === algorithm)!.prefix;
}

function isValidPoint(algorithm: KeyAlgorithm, raw: Uint8Array): boolean {
  try {
    if (algorithm === 'ed25519') ed25519.Point.fromBytes(raw);
    else if (algorithm === 'p256') p256.Point.fromBytes(raw);
    else p384.Point.fromBytes(raw);
    return true;
  } catch {
    return false;
  }
}

/** Returns the key of a DER SPKI, or a sentence saying why it is not one we accept. */
function keyFromSpki(spki: Uint8Array): PublicKey | string {
  for (const { algorithm, prefix, keySize } of SPKI_PREFIXES) {
    if (spki.length !== prefix.length + keySize) continue;
    if (!prefix.every((b, i) => spki[i] === b)) continue;
    const raw = spki.slice(prefix.length);
    if (algorithm !== 'ed25519' && raw[0] !== 0x04) return `the ${algorithm} key is not an uncompressed point`;
    if (!isValidPoint(algorithm, raw)) return `the ${algorithm} key is not a point on the curve`;
    return { algorithm, raw, spki: spki.slice() };
  }
  return 'the SubjectPublicKeyInfo is not an Ed25519, P-256 or P-384 (uncompressed) key';
}

/** Returns the RFC 8410 SubjectPublicKeyInfo (DER) of a 32-byte Ed25519 key. */
export function ed25519Spki(raw: Uint8Array): Uint8Array {
  return concatBytes(prefixOf('ed25519'), raw);
}

/** Returns the Ed25519 key of 32 raw bytes with its RFC 8410 SPKI. */
function ed25519Key(raw: Uint8Array, minisignKeyId?: Uint8Array): PublicKey | string {
  if (!isValidPoint('ed25519', raw)) return 'the Ed25519 key is not a valid curve point';
  return { algorithm: 'ed25519', raw: raw.slice(), spki: ed25519Spki(raw), ...(minisignKeyId ? { minisignKeyId } : {}) };
}

const PEM = /^\s*-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n?-----END PUBLIC KEY-----\s*$/;

/**
 * Returns the public key written in `format`, or a sentence saying what is wrong:
 * `pem-spki` one PEM "PUBLIC KEY" block (base64 DER SPKI, lines of any length);
 * `raw-ed25519-base64` standard base64 of the 32-byte key;
 * `minisign` a minisign public key, the base64 line alone or the file with its comment line.
 */
export function parsePublicKey(format: PublicKeyFormat, text: string): PublicKey | string {
  switch (format) {
    case 'pem-spki': {
      const match = PEM.exec(text);
      if (!match) return 'not one PEM block "-----BEGIN PUBLIC KEY-----" … "-----END PUBLIC KEY-----"';
      const der = tryFromBase64(match[1]!.replace(/\r?\n/g, ''));
      if (!der) return 'the PEM body is not valid base64';
      return keyFromSpki(der);
    }
    case 'raw-ed25519-base64': {
      const raw = tryFromBase64(text);
      if (!raw || raw.length !== 32) return 'not standard base64 of a 32-byte Ed25519 key';
      return ed25519Key(raw);
    }
    case 'minisign': {
      const parsed = parseMinisignPublicKey(text);
      return typeof parsed === 'string' ? parsed : ed25519Key(parsed.publicKey, parsed.keyId);
    }
  }
}

/**
 * Returns the key fingerprint used as index key: lowercase hex SHA-256 of the DER SPKI. Raw
 * Ed25519 and minisign keys are fingerprinted through their RFC 8410 SPKI, so one Ed25519 key has
 * one fingerprint whichever format carries it (and the same as in hashedrekord entries).
 */
export function keyFingerprint(key: PublicKey): string {
  return spkiFingerprint(key.spki);
}

/**
 * Returns the fingerprint of a DER SubjectPublicKeyInfo: lowercase hex SHA-256 of its bytes. One
 * definition for custom entries, Rekor's built-in kinds and the keyring, so a key found in one is
 * found by the same fingerprint in the others.
 */
export function spkiFingerprint(spki: Uint8Array): string {
  return toHex(sha256(spki));
}
