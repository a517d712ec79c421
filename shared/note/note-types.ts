/**
 * The shapes shared by the signed-note code: signature types, verifiers, signers and signatures
 * (C2SP signed-note, as implemented by golang.org/x/mod/sumdb/note).
 */

/**
 * The signature types this package verifies, by their C2SP signed-note algorithm byte:
 * `ed25519` (0x01), `cosignature/v1` (0x04, C2SP tlog-cosignature) and `rfc6962` (0x05, the
 * static-ct-api RFC6962NoteSignature).
 */
export type SignatureType = 'ed25519' | 'cosignature/v1' | 'rfc6962';

/** The signature-type byte that starts the key material of a verifier key and enters its key ID. */
export const ALGORITHM_BYTES: Readonly<Record<SignatureType, number>> = {
  ed25519: 0x01,
  'cosignature/v1': 0x04,
  rfc6962: 0x05,
};

/** Checks one kind of note signature for one key (Go's `note.Verifier`). */
export interface NoteVerifier {
  /** The key name, as it appears on signature lines. */
  readonly name: string;
  /** The 32-bit key ID that prefixes every signature by this key (Go's key hash). */
  readonly keyId: number;
  readonly type: SignatureType;
  /** The key as a verifier key carries it after the algorithm byte: 32 bytes, or a DER SPKI for rfc6962. */
  readonly publicKey: Uint8Array;
  /**
   * Returns true when `signature` (the signature bytes after the 4-byte key ID) is valid for the note
   * text `text` (UTF-8 bytes, final newline included). Never throws.
   */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Produces note signatures for one key (Go's `note.Signer`). */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly type: SignatureType;
  /** Returns the signature bytes (without the key ID) over the note text bytes. */
  sign(text: Uint8Array): Uint8Array;
  /** The verifier for the signatures this signer makes. */
  readonly verifier: NoteVerifier;
}

/** One signature line of a note (Go's `note.Signature`). */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The whole base64 field of the line: key ID (4 bytes) ‖ signature. */
  readonly base64: string;
}

/** A signature that verified with a known key. */
export interface VerifiedSignature extends NoteSignature {
  readonly type: SignatureType;
  /** cosignature/v1 only: the time the cosigner attests to, in Unix seconds. */
  readonly timestampSec?: number;
  /** rfc6962 only: the TreeHeadSignature timestamp, in Unix milliseconds. */
  readonly timestampMs?: number;
}

/** The result of openNote: the text and which signatures verified (Go's `note.Note`). */
export interface OpenedNote {
  /** The note text, final newline included, without the blank line and signature lines. */
  readonly text: string;
  /** Signatures by known keys, all verified, in note order, one per key. */
  readonly signatures: readonly VerifiedSignature[];
  /** Signatures by keys the caller did not list, in note order, identical lines once. */
  readonly unverifiedSignatures: readonly NoteSignature[];
}
