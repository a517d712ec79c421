/**
 * Privacy-preserving identities: an entry stores SHA-256(salt ‖ email) and the salt, never the
 * email, and indexes the hash; the owner, who knows the email and the salt, finds the entries.
 */

import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toHex, tryFromHex, utf8 } from '../encoding/index.js';
import type { LayoutIndexKey } from './layout-types.js';

/** The index name the identity-record example layout gives the salted hash. */
export const IDENTITY_INDEX_NAME = 'email-hash';

/** The smallest salt accepted: 16 bytes, enough that hashes of one email under two salts never meet. */
export const MIN_SALT_BYTES = 16;

/** Returns the email as it is hashed: trimmed, Unicode NFC, lowercased (as email index keys are). */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

function saltBytes(salt: Uint8Array | string): Uint8Array {
  const bytes = typeof salt === 'string' ? (/^[0-9a-f]*$/.test(salt) ? tryFromHex(salt) : undefined) : salt;
  if (!bytes) throw new Error('bug: salt must be lowercase hex or bytes');
  if (bytes.length < MIN_SALT_BYTES) throw new Error(`bug: salt of ${bytes.length} bytes is below ${MIN_SALT_BYTES}`);
  return bytes;
}

/**
 * Returns the salted email hash: lowercase hex SHA-256(salt ‖ UTF-8(normalizeEmail(email))).
 * `salt` is bytes or lowercase hex (as entries store it), at least 16 bytes; the salt has a fixed
 * length per entry, so the concatenation is unambiguous.
 */
export function saltedEmailHash(email: string, salt: Uint8Array | string): string {
  return toHex(sha256(concatBytes(saltBytes(salt), utf8(normalizeEmail(email)))));
}

/**
 * Returns the index key a monitor looks up to find entries of `email` made with `salt`:
 * `field` `email-hash=<saltedEmailHash>`. An owner who keeps one salt finds all their entries with
 * one key; the salt stops precomputed tables, though not a guess of this one email (see README.md).
 */
export function identityMatchKey(email: string, salt: Uint8Array | string): LayoutIndexKey {
  return { type: 'field', value: `${IDENTITY_INDEX_NAME}=${saltedEmailHash(email, salt)}` };
}
