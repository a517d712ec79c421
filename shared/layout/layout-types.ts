/**
 * The layout document (a custom entry type defined by data, not code) and the problems that
 * validation reports. The format is described in shared/layout/README.md.
 */

/** The layout document format this code reads. */
export const LAYOUT_FORMAT_VERSION = 1;

/** Artefact digest algorithms a layout may declare; values are lowercase hex of this many bytes. */
export const DIGEST_ALGORITHMS = { sha256: 32, sha384: 48, sha512: 64 } as const;
export type DigestAlgorithm = keyof typeof DIGEST_ALGORITHMS;

/** Signature formats; the exact signing rule of each is in README.md ("What a signature covers"). */
export const SIGNATURE_FORMATS = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p256-sha256-raw',
  'ecdsa-p384-sha384',
  'ecdsa-p384-sha384-raw',
  'minisign',
] as const;
export type SignatureFormat = (typeof SIGNATURE_FORMATS)[number];

/** Public key encodings. */
export const PUBLIC_KEY_FORMATS = ['pem-spki', 'raw-ed25519-base64', 'minisign'] as const;
export type PublicKeyFormat = (typeof PUBLIC_KEY_FORMATS)[number];

/** Which key format each signature format can be checked with. */
export const KEY_FORMATS_OF_SIGNATURE: Readonly<Record<SignatureFormat, readonly PublicKeyFormat[]>> = {
  ed25519: ['pem-spki', 'raw-ed25519-base64'],
  'ecdsa-p256-sha256': ['pem-spki'],
  'ecdsa-p256-sha256-raw': ['pem-spki'],
  'ecdsa-p384-sha384': ['pem-spki'],
  'ecdsa-p384-sha384-raw': ['pem-spki'],
  minisign: ['minisign'],
};

/**
 * What the signature is computed over: `digest` = the raw bytes of the artefact digest;
 * `statement` = the RFC 8785 JSON of the canonical body with the signature member removed.
 */
export const SIGNED_CONTENTS = ['digest', 'statement'] as const;
export type SignedContent = (typeof SIGNED_CONTENTS)[number];

/**
 * Kinds a layout may not take: ours (built in) and Rekor's other kinds, so entries mirrored from a
 * Rekor log can never be mistaken for a custom kind of the same name.
 */
export const RESERVED_KINDS: readonly string[] = [
  'hashedrekord',
  'rekord',
  'dsse',
  'intoto',
  'layout',
  'alpine',
  'cose',
  'helm',
  'jar',
  'rfc3161',
  'rpm',
  'tuf',
];

export interface DigestRole {
  readonly pointer: string;
  readonly algorithm: DigestAlgorithm;
}

export interface SignatureRole {
  readonly pointer: string;
  readonly format: SignatureFormat;
  readonly signs: SignedContent;
}

export interface PublicKeyRole {
  readonly pointer: string;
  readonly format: PublicKeyFormat;
}

export interface LayoutRoles {
  readonly digest: DigestRole;
  readonly signature: SignatureRole;
  readonly publicKey: PublicKeyRole;
  readonly extraData?: readonly string[];
}

/** A layout document that passed validateLayout. */
export interface Layout {
  readonly layoutVersion: typeof LAYOUT_FORMAT_VERSION;
  readonly kind: string;
  readonly version: string;
  readonly description?: string;
  /** JSON Schema (draft 2020-12) of the entry's `spec`. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly roles: LayoutRoles;
  /** Search fields: index name → JSON Pointer into the spec. */
  readonly index?: Readonly<Record<string, string>>;
}

/** One thing wrong with a layout document; `pointer` (RFC 6901) locates it in the document. */
export interface LayoutProblem {
  readonly pointer: string;
  readonly code: LayoutProblemCode;
  readonly message: string;
}

export type LayoutProblemCode =
  | 'not_object'
  | 'missing_member'
  | 'unknown_member'
  | 'wrong_type'
  | 'unsupported_layout_version'
  | 'kind_invalid'
  | 'kind_reserved'
  | 'version_invalid'
  | 'schema_invalid'
  | 'pointer_invalid'
  | 'pointer_unresolved'
  | 'pointer_not_required'
  | 'pointer_wrong_type'
  | 'pointers_overlap'
  | 'algorithm_unknown'
  | 'format_unknown'
  | 'formats_incompatible'
  | 'index_name_invalid';

/** One thing wrong with a proposed entry (or stored body); `pointer` locates it in the entry, e.g. `/spec/SHA`. */
export interface EntryProblem {
  readonly pointer: string;
  readonly code: EntryProblemCode;
  readonly message: string;
}

export type EntryProblemCode =
  | 'not_object'
  | 'kind_mismatch'
  | 'api_version_mismatch'
  | 'schema_violation'
  | 'digest_malformed'
  | 'signature_malformed'
  | 'public_key_malformed'
  | 'key_algorithm_mismatch';

/** An index key as the engine's IndexKey (electron/engine/types/entry-kind.ts) has it, structurally. */
export interface LayoutIndexKey {
  readonly type: 'sha256' | 'key_fingerprint' | 'field';
  readonly value: string;
}

/** An entry as `{apiVersion, kind, spec}`: a proposed entry or a stored canonical body. */
export interface EntryDocument {
  readonly apiVersion: string;
  readonly kind: string;
  readonly spec: unknown;
}
