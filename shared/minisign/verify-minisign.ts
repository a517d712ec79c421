import { blake2b } from '@noble/hashes/blake2.js';
import { bytesEqual, concatBytes, utf8 } from '../encoding/index.js';
import { verifyEd25519 } from '../note/index.js';
import { formatMinisignKeyId } from './key-id.js';
import type { MinisignPublicKey } from './public-key.js';
import type { MinisignSignature } from './signature.js';

/** Returns what a minisign signature signs: the content itself ("Ed"), or its BLAKE2b-512 when prehashed ("ED"). */
export function minisignSignedContent(content: Uint8Array, prehashed: boolean): Uint8Array {
  return prehashed ? blake2b(content, { dkLen: 64 }) : content;
}

/** Returns what the global signature signs: the signature ‖ the trusted comment's UTF-8. */
export function minisignGlobalSignedData(signature: Uint8Array, trustedComment: string): Uint8Array {
  return concatBytes(signature, utf8(trustedComment));
}

/**
 * Returns true when `signature` is the Ed25519 signature by `publicKey` of `content` (or of its
 * BLAKE2b-512 when `prehashed`): the check Rekor makes, without key ID or trusted comment. Strict
 * RFC 8032 decoding; libsodium (minisign) is as strict or stricter. Never throws.
 */
export function verifyMinisignContent(publicKey: Uint8Array, content: Uint8Array, signature: Uint8Array, prehashed: boolean): boolean {
  return verifyEd25519(publicKey, minisignSignedContent(content, prehashed), signature);
}

/**
 * Returns undefined when `sig` is a valid minisign signature of `message` by `key`, else the
 * reason: key IDs differ, the signature (over the message for "Ed", over its BLAKE2b-512 for "ED")
 * fails, or the global signature over signature ‖ trusted comment fails. Never throws.
 */
export function verifyMinisign(key: MinisignPublicKey, message: Uint8Array, sig: MinisignSignature): string | undefined {
  if (!bytesEqual(key.keyId, sig.keyId)) {
    return `the signature is by minisign key ${formatMinisignKeyId(sig.keyId)}, not ${formatMinisignKeyId(key.keyId)}`;
  }
  if (!verifyMinisignContent(key.publicKey, message, sig.signature, sig.algorithm === 'ED')) return `the minisign "${sig.algorithm}" signature does not verify`;
  if (!verifyEd25519(key.publicKey, minisignGlobalSignedData(sig.signature, sig.trustedComment), sig.globalSignature)) {
    return 'the minisign global signature over the trusted comment does not verify';
  }
  return undefined;
}
