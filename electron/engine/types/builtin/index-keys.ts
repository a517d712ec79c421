/**
 * Index keys of built-in entries, normalised as the contract asks (entry-kind.ts `IndexKey`). Rekor
 * indexes the same facts (`IndexKeys()` of each kind) but spells them differently: it hashes the
 * canonical key *text* and prefixes digests with "sha256:"; here fingerprints are SHA-256 of the
 * DER SubjectPublicKeyInfo (or the OpenPGP v4 fingerprint) and digests are bare hex.
 */

import { spkiFingerprint, uniqueIndexKeys } from '../../../../shared/layout/index.js';
import type { IndexKey } from '../entry-kind.js';
import type { SubjectAltNames } from './certificate-names.js';

// govalidator.IsEmail's shape, simplified: local@domain with a dot-free-or-dotted domain, no spaces.
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+$/;

/** Returns true when `text` looks like an email address (Rekor indexes only those). */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Returns the sha256 index key of a hex digest. */
export function sha256Key(hex: string): IndexKey {
  return { type: 'sha256', value: hex.toLowerCase() };
}

/** Returns the key-fingerprint index key of a DER SubjectPublicKeyInfo. */
export function spkiKey(spkiDer: Uint8Array): IndexKey {
  return { type: 'key_fingerprint', value: spkiFingerprint(spkiDer) };
}

/** Returns the email key (lowercased) of an address. */
export function emailKey(email: string): IndexKey {
  return { type: 'email', value: email.toLowerCase() };
}

/** Returns index keys of certificate SANs: email SANs as emails, every other SAN as an identity. */
export function sanKeys(names: SubjectAltNames): IndexKey[] {
  return [
    ...names.emails.filter(isEmail).map(emailKey),
    ...[...names.dnsNames, ...names.ips, ...names.uris, ...(names.otherName === undefined ? [] : [names.otherName])].map((value): IndexKey => ({ type: 'identity', value })),
  ];
}

// The kinds' index keys are deduplicated as custom entries' are.
export { uniqueIndexKeys };
