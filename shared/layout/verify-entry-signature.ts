/** Verifies the signature of a custom entry from its layout alone; the renderer runs this too. */

import { VerificationError } from '../api/errors.js';
import { decodeRoles, entryPointer } from './decode-roles.js';
import type { Layout, SignatureFormat } from './layout-types.js';
import { prepareLayout } from './prepared-layout.js';
import { keyFingerprint } from './public-key.js';
import { signedMessage } from './signed-message.js';
import { verifyDecodedSignature } from './signature-formats.js';
import { assertValidEntry } from './validate-entry.js';

/** What a verified signature tells: the format and the key (its fingerprint) that made it. */
export interface VerifiedEntrySignature {
  readonly format: SignatureFormat;
  readonly keyFingerprint: string;
}

/**
 * Returns the format and key fingerprint of a valid signature on a custom entry (a canonical body
 * or a proposed entry). Uses exactly the given layout, which must be the one named by the entry's
 * kind and apiVersion (a newer version of a layout never changes how older entries verify).
 * Throws InputError('entry_invalid') when the entry does not validate, and
 * VerificationError('signature_invalid') when the signature does not verify over the message
 * README.md defines for the layout's `signs` and format.
 */
export function verifyEntrySignature(layout: Layout, body: unknown): VerifiedEntrySignature {
  const prepared = prepareLayout(layout);
  const entry = assertValidEntry(prepared.layout, body);
  const roles = decodeRoles(prepared, entry.spec);
  if (!roles.digest || !roles.signature || !roles.publicKey) throw new Error('bug: a valid entry without its role values');
  const fingerprint = keyFingerprint(roles.publicKey);
  const { format, signs } = prepared.layout.roles.signature;
  const reason = verifyDecodedSignature(roles.signature, roles.publicKey, signedMessage(prepared, entry, roles.digest));
  if (reason !== undefined) {
    const pointer = entryPointer(prepared.signatureTokens);
    throw new VerificationError(
      'signature_invalid',
      `${prepared.layout.kind} ${prepared.layout.version} entry: signature at ${pointer} over the ${signs} does not verify with key ${fingerprint.slice(0, 16)}…: ${reason}`,
      { kind: prepared.layout.kind, version: prepared.layout.version, pointer, format, signs, keyFingerprint: fingerprint },
    );
  }
  return { format, keyFingerprint: fingerprint };
}
