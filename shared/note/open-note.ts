/** Opening signed notes: golang.org/x/mod/sumdb/note `Open`, rule for rule. */

import { utf8 } from '../encoding/index.js';
import { cosignatureTimestampSec } from './cosignature.js';
import { ambiguousKeyError, invalidSignatureError, malformedNoteError, unverifiedNoteError } from './note-errors.js';
import type { NoteSignature, NoteVerifier, OpenedNote, VerifiedSignature } from './note-types.js';
import { decodeNoteText, MAX_NOTE_SIGNATURES, noteBytes, parseSignatureLine, splitNote } from './parse-note.js';
import { rfc6962TimestampMs } from './rfc6962.js';

const keyOf = (name: string, keyId: number): string => `${name}\n${keyId}`;

function verifiedSignature(signature: NoteSignature, verifier: NoteVerifier, bytes: Uint8Array): VerifiedSignature {
  switch (verifier.type) {
    case 'cosignature/v1':
      return { ...signature, type: verifier.type, timestampSec: cosignatureTimestampSec(bytes)! };
    case 'rfc6962':
      return { ...signature, type: verifier.type, timestampMs: rfc6962TimestampMs(bytes)! };
    default:
      return { ...signature, type: verifier.type };
  }
}

/**
 * Returns the text and signatures of a signed note after verifying it against `verifiers`, exactly
 * as Go's `note.Open` with a `note.VerifierList`. Lines are processed in order, and the first
 * failure wins:
 * - malformed_note ("malformed note", InputError): not UTF-8, a control character other than \n, no
 *   blank line before a newline-terminated signature block, a bad signature line, or a 101st line;
 * - ambiguous_key ("ambiguous key NAME+ID", InputError): a signature by a key listed twice;
 * - invalid_signature ("invalid signature for key NAME+ID", VerificationError): the first signature
 *   by a listed key does not verify; the whole note is rejected;
 * - note_unverified ("note has no verifiable signatures", VerificationError): no listed key signed;
 *   details hold the text and the unverified signatures.
 * Only the first signature per listed key is checked (later ones are skipped, as in Go); identical
 * lines by unknown keys are reported once. Cost: one signature check per listed key present.
 */
export function openNote(note: Uint8Array | string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { text, signatureLines } = splitNote(decodeNoteText(noteBytes(note)));
  const textBytes = utf8(text);

  const known = new Map<string, NoteVerifier[]>();
  for (const v of verifiers) {
    const list = known.get(keyOf(v.name, v.keyId));
    if (list) list.push(v);
    else known.set(keyOf(v.name, v.keyId), [v]);
  }

  const signatures: VerifiedSignature[] = [];
  const unverifiedSignatures: NoteSignature[] = [];
  const seen = new Set<string>();
  const seenUnverified = new Set<string>();
  signatureLines.forEach((line, i) => {
    const { signature, bytes } = parseSignatureLine(line);
    if (i >= MAX_NOTE_SIGNATURES) throw malformedNoteError(`the note has ${signatureLines.length} signature lines, more than ${MAX_NOTE_SIGNATURES}`);
    const key = keyOf(signature.name, signature.keyId);
    const candidates = known.get(key);
    if (candidates === undefined) {
      if (!seenUnverified.has(line)) {
        seenUnverified.add(line);
        unverifiedSignatures.push(signature);
      }
      return;
    }
    if (candidates.length > 1) throw ambiguousKeyError(signature.name, signature.keyId);
    if (seen.has(key)) return;
    seen.add(key);
    const verifier = candidates[0]!;
    if (!verifier.verify(textBytes, bytes)) throw invalidSignatureError(signature.name, signature.keyId);
    signatures.push(verifiedSignature(signature, verifier, bytes));
  });

  if (signatures.length === 0) throw unverifiedNoteError(text, unverifiedSignatures);
  return { text, signatures, unverifiedSignatures };
}
