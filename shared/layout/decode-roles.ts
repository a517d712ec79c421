/** Reads the digest, signature and public key of an entry's spec as its layout's roles describe them. */

import { formatPointer, valueAtTokens } from './json-pointer.js';
import type { EntryProblem } from './layout-types.js';
import { parseDigest } from './digest.js';
import type { PreparedLayout } from './prepared-layout.js';
import { parsePublicKey, type PublicKey } from './public-key.js';
import { decodeSignature, keyAlgorithmOf, type DecodedSignature } from './signature-formats.js';

export interface DecodedRoles {
  readonly digest?: Uint8Array;
  readonly signature?: DecodedSignature;
  readonly publicKey?: PublicKey;
  /** Problems with role values that are present as strings; absent or mistyped ones are schema problems. */
  readonly problems: readonly EntryProblem[];
}

/** Returns the pointer of a spec member inside the entry, e.g. `/spec/SHA`. */
export function entryPointer(specTokens: readonly string[]): string {
  return '/spec' + formatPointer(specTokens);
}

/**
 * Returns the decoded role values of a spec and the problems of those that are malformed:
 * digest hex, signature encoding, key encoding, and a key of another algorithm than the
 * signature format needs.
 */
export function decodeRoles(prepared: PreparedLayout, spec: unknown): DecodedRoles {
  const { roles } = prepared.layout;
  const problems: EntryProblem[] = [];
  const out: { digest?: Uint8Array; signature?: DecodedSignature; publicKey?: PublicKey } = {};

  const digestText = valueAtTokens(spec, prepared.digestTokens);
  if (typeof digestText === 'string') {
    const digest = parseDigest(roles.digest.algorithm, digestText);
    if (typeof digest === 'string') problems.push({ pointer: entryPointer(prepared.digestTokens), code: 'digest_malformed', message: digest });
    else out.digest = digest;
  }

  const signatureText = valueAtTokens(spec, prepared.signatureTokens);
  if (typeof signatureText === 'string') {
    const signature = decodeSignature(roles.signature.format, signatureText);
    if (typeof signature === 'string') problems.push({ pointer: entryPointer(prepared.signatureTokens), code: 'signature_malformed', message: signature });
    else out.signature = signature;
  }

  const keyText = valueAtTokens(spec, prepared.publicKeyTokens);
  if (typeof keyText === 'string') {
    const at = entryPointer(prepared.publicKeyTokens);
    const key = parsePublicKey(roles.publicKey.format, keyText);
    const needed = keyAlgorithmOf(roles.signature.format);
    if (typeof key === 'string') problems.push({ pointer: at, code: 'public_key_malformed', message: `${roles.publicKey.format} public key: ${key}` });
    else if (key.algorithm !== needed) {
      problems.push({ pointer: at, code: 'key_algorithm_mismatch', message: `the public key is ${key.algorithm}, but ${roles.signature.format} signatures need a ${needed} key` });
    } else out.publicKey = key;
  }
  return { ...out, problems };
}
