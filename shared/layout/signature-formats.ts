/**
 * Decoding and checking the signature of a custom entry in each signature format, over a message
 * the caller computes (see signed-message.ts). Never throws for bad signatures: returns a reason.
 */

import { p256, p384 } from '@noble/curves/nist.js';
import { tryFromBase64 } from '../encoding/index.js';
import { parseMinisignSignature, verifyMinisign, type MinisignSignature } from '../minisign/index.js';
import { verifyEd25519 } from '../note/index.js';
import type { SignatureFormat } from './layout-types.js';
import type { KeyAlgorithm, PublicKey } from './public-key.js';

export type DecodedSignature =
  | { readonly format: Exclude<SignatureFormat, 'minisign'>; readonly bytes: Uint8Array }
  | { readonly format: 'minisign'; readonly minisign: MinisignSignature };

interface EcdsaFormat {
  readonly curve: typeof p256;
  readonly algorithm: KeyAlgorithm;
  readonly encoding: 'der' | 'compact';
  readonly rawSize: number;
}

const ECDSA: Readonly<Partial<Record<SignatureFormat, EcdsaFormat>>> = {
  'ecdsa-p256-sha256': { curve: p256, algorithm: 'p256', encoding: 'der', rawSize: 64 },
  'ecdsa-p256-sha256-raw': { curve: p256, algorithm: 'p256', encoding: 'compact', rawSize: 64 },
  'ecdsa-p384-sha384': { curve: p384, algorithm: 'p384', encoding: 'der', rawSize: 96 },
  'ecdsa-p384-sha384-raw': { curve: p384, algorithm: 'p384', encoding: 'compact', rawSize: 96 },
};

/** Returns the key algorithm a signature format needs. */
export function keyAlgorithmOf(format: SignatureFormat): KeyAlgorithm {
  return ECDSA[format]?.algorithm ?? 'ed25519';
}

/**
 * Returns the decoded signature, or a sentence saying what is wrong: `ed25519` standard base64 of
 * 64 bytes; `ecdsa-*` standard base64 of an ASN.1 DER ECDSA-Sig-Value; `ecdsa-*-raw` standard
 * base64 of r ‖ s (IEEE P1363, 64 or 96 bytes); `minisign` the text of a .minisig file.
 */
export function decodeSignature(format: SignatureFormat, text: string): DecodedSignature | string {
  if (format === 'minisign') {
    const minisign = parseMinisignSignature(text);
    return typeof minisign === 'string' ? minisign : { format, minisign };
  }
  const bytes = tryFromBase64(text);
  if (!bytes) return `a ${format} signature must be standard base64`;
  if (format === 'ed25519') return bytes.length === 64 ? { format, bytes } : `an Ed25519 signature is 64 bytes, not ${bytes.length}`;
  const ecdsa = ECDSA[format]!;
  if (ecdsa.encoding === 'compact') {
    return bytes.length === ecdsa.rawSize ? { format, bytes } : `a ${format} signature is r ‖ s of ${ecdsa.rawSize} bytes, not ${bytes.length}`;
  }
  try {
    ecdsa.curve.Signature.fromBytes(bytes, 'der');
  } catch (error) {
    return `a ${format} signature must be ASN.1 DER (${(error as Error).message})`;
  }
  return { format, bytes };
}

/**
 * Returns undefined when the signature verifies over `message` with `key`, else the reason.
 * Ed25519: RFC 8032, strict decoding. ECDSA: FIPS 186-5 over SHA-256 (P-256) or SHA-384 (P-384)
 * of the message; high-S signatures are accepted, as OpenSSL makes them. minisign: see verifyMinisign.
 * Requires a key of the format's algorithm.
 */
export function verifyDecodedSignature(signature: DecodedSignature, key: PublicKey, message: Uint8Array): string | undefined {
  if (key.algorithm !== keyAlgorithmOf(signature.format)) throw new Error(`bug: ${key.algorithm} key reached a ${signature.format} check`);
  if (signature.format === 'minisign') {
    if (!key.minisignKeyId) throw new Error('bug: a minisign signature without a minisign key');
    return verifyMinisign({ keyId: key.minisignKeyId, publicKey: key.raw }, message, signature.minisign);
  }
  let ok = false;
  try {
    if (signature.format === 'ed25519') ok = verifyEd25519(key.raw, message, signature.bytes);
    else {
      const ecdsa = ECDSA[signature.format]!;
      ok = ecdsa.curve.verify(signature.bytes, message, key.raw, { prehash: true, lowS: false, format: ecdsa.encoding });
    }
  } catch {
    // noble throws on values that do not decode (r or s out of range); for a verifier, "not valid".
    ok = false;
  }
  return ok ? undefined : `the ${signature.format} signature does not verify`;
}
