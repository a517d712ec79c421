export {
  LAYOUT_FORMAT_VERSION,
  DIGEST_ALGORITHMS,
  SIGNATURE_FORMATS,
  PUBLIC_KEY_FORMATS,
  KEY_FORMATS_OF_SIGNATURE,
  SIGNED_CONTENTS,
  RESERVED_KINDS,
} from './layout-types.js';
export type {
  Layout,
  LayoutRoles,
  DigestRole,
  SignatureRole,
  PublicKeyRole,
  DigestAlgorithm,
  SignatureFormat,
  PublicKeyFormat,
  SignedContent,
  LayoutProblem,
  LayoutProblemCode,
  EntryProblem,
  EntryProblemCode,
  LayoutIndexKey,
  EntryDocument,
} from './layout-types.js';
export { parsePointer, formatPointer, valueAtPointer } from './json-pointer.js';
export { withValueAtPointer } from './with-value-at-pointer.js';
export { isValidKind, isReservedKind, isValidVersion, isValidIndexName } from './layout-names.js';
export { JSON_SCHEMA_DIALECT } from './compile-spec-schema.js';
export { validateLayout, isValidLayout, assertValidLayout } from './validate-layout.js';
export { validateEntry, assertValidEntry } from './validate-entry.js';
export { deriveCanonicalBody } from './canonical-body.js';
export type { CanonicalBody } from './canonical-body.js';
export { deriveIndexKeys, uniqueIndexKeys } from './index-keys.js';
export { verifyEntrySignature } from './verify-entry-signature.js';
export type { VerifiedEntrySignature } from './verify-entry-signature.js';
export { parsePublicKey, keyFingerprint, spkiFingerprint, ed25519Spki } from './public-key.js';
export type { PublicKey, KeyAlgorithm } from './public-key.js';
export { selectLayout } from './select-layout.js';
export { LAYOUT_DOCUMENT_SCHEMA } from './layout-document-schema.js';
export {
  LAYOUT_KIND,
  LAYOUT_KIND_VERSION,
  validateLayoutEntry,
  deriveLayoutEntryBody,
  deriveLayoutEntryIndexKeys,
} from './layout-entry.js';
export type { LayoutEntryProblem, LayoutEntryBody } from './layout-entry.js';
export { saltedEmailHash, identityMatchKey, normalizeEmail, IDENTITY_INDEX_NAME, MIN_SALT_BYTES } from './identity-match-key.js';
export { messageToSign } from './signed-message.js';
