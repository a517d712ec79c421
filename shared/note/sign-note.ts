/** Signing notes: golang.org/x/mod/sumdb/note `Sign`, and adding signatures to a signed note. */

import { concatBytes, toBase64 } from '../encoding/index.js';
import { keyIdBytes } from './key-id.js';
import { isValidKeyName } from './key-name.js';
import { invalidSignerError, malformedNoteError } from './note-errors.js';
import type { NoteSignature, NoteSigner } from './note-types.js';
import { decodeNoteText, noteBytes, parseNote, SIGNATURE_PREFIX } from './parse-note.js';

const signatureLine = (name: string, base64: string): string => `${SIGNATURE_PREFIX}${name} ${base64}\n`;

function signText(text: string, existing: readonly NoteSignature[], signers: readonly NoteSigner[]): string {
  const bytes = noteBytes(text);
  decodeNoteText(bytes);
  if (!text.endsWith('\n')) throw malformedNoteError('the text does not end with a newline');
  const replaced = new Set<string>();
  let added = '';
  for (const signer of signers) {
    replaced.add(`${signer.name}\n${signer.keyId}`);
    if (!isValidKeyName(signer.name)) throw invalidSignerError(signer.name);
    added += signatureLine(signer.name, toBase64(concatBytes(keyIdBytes(signer.keyId), signer.sign(bytes))));
  }
  let kept = '';
  for (const s of existing) if (!replaced.has(`${s.name}\n${s.keyId}`)) kept += signatureLine(s.name, s.base64);
  return `${text}\n${kept}${added}`;
}

/**
 * Returns the signed note: `text`, a blank line, then one signature line per signer, in order
 * (Go's `note.Sign` on a new note; Ed25519 is deterministic, so the output is too). `text` must
 * end with a newline and, unlike Go (which would sign a note it cannot open), hold only valid
 * characters; otherwise throws malformed_note ("malformed note"). A signer with an invalid name
 * throws invalid_signer ("invalid signer").
 */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  return signText(text, [], signers);
}

/**
 * Returns `note` with signatures by `signers` added after its existing ones; an existing signature
 * with the same key name and key ID as a signer is replaced. Identical existing lines are kept
 * once. This is Go's `note.Sign` on the result of `note.Open` with no known keys (gotlog
 * `note-sign -add`). Existing signatures are NOT verified: open the note first when that matters.
 * Throws malformed_note for a note that does not parse.
 */
export function addNoteSignatures(note: Uint8Array | string, signers: readonly NoteSigner[]): string {
  const parsed = parseNote(note);
  const lines = new Set<string>();
  const existing = parsed.signatures.filter((s) => {
    const line = `${s.name} ${s.base64}`;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
  return signText(parsed.text, existing, signers);
}

