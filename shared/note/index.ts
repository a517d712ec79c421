export type { SignatureType, NoteVerifier, NoteSigner, NoteSignature, VerifiedSignature, OpenedNote } from './note-types.js';
export { ALGORITHM_BYTES } from './note-types.js';
export type { NoteErrorCode } from './note-errors.js';
export { isValidKeyName } from './key-name.js';
export { computeKeyId, formatKeyId } from './key-id.js';
export { createEd25519Verifier, createEd25519Signer, verifyEd25519 } from './ed25519.js';
export { createCosignatureVerifier, createCosigner, cosignatureMessage, COSIGNATURE_SIZE } from './cosignature.js';
export {
  createRfc6962Verifier,
  rfc6962LogId,
  treeHeadSignatureInput,
  formatRfc6962NoteSignature,
  parseRfc6962NoteSignature,
} from './rfc6962.js';
export type { Rfc6962NoteSignature } from './rfc6962.js';
export { parseVerifierKey, formatVerifierKey } from './verifier-key.js';
export { parseSignerKey, generateSignerKey, parseCosignerKey } from './signer-key.js';
export type { GeneratedKey, CosignerKey } from './signer-key.js';
export { parseNote, MAX_NOTE_SIGNATURES } from './parse-note.js';
export type { ParsedNote } from './parse-note.js';
export { openNote } from './open-note.js';
export { signNote, addNoteSignatures } from './sign-note.js';
export { parseCheckpoint, formatCheckpoint, ROOT_HASH_SIZE } from './checkpoint.js';
export type { Checkpoint } from './checkpoint.js';
export { openCheckpoint } from './open-checkpoint.js';
export type { OpenedCheckpoint, OpenCheckpointOptions } from './open-checkpoint.js';
export { cosignCheckpoint } from './cosign-checkpoint.js';
export { logIdOfVerifier } from './log-id.js';
