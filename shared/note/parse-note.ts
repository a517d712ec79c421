/**
 * The text layer of C2SP signed notes, shared by openNote and the signing code: the character
 * rules, the split into text and signature block, and signature lines. Nothing here verifies.
 */

import { tryFromBase64, utf8 } from '../encoding/index.js';
import { readKeyId } from './key-id.js';
import { isValidKeyName, isWellFormedText } from './key-name.js';
import { malformedNoteError } from './note-errors.js';
import type { NoteSignature } from './note-types.js';

/** Go's limit on signature lines per note; more make the note malformed. */
export const MAX_NOTE_SIGNATURES = 100;

/** The prefix of every signature line: U+2014 EM DASH and a space. */
export const SIGNATURE_PREFIX = '\u2014 ';

// Our own decoder because the one in shared/encoding drops a leading byte-order mark, and the BOM
// is part of the signed text (Go keeps it).
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Returns the bytes of a note given as bytes or text. Text with a lone surrogate has no UTF-8
 * encoding, so it is malformed (throws malformed_note).
 */
export function noteBytes(note: Uint8Array | string): Uint8Array {
  if (typeof note !== 'string') return note;
  if (!isWellFormedText(note)) throw malformedNoteError('the note is not valid Unicode text (lone surrogate)');
  return utf8(note);
}

/**
 * Returns the text of note bytes after checking them as Go's note.Open does first: valid UTF-8 and
 * no control character other than newline (U+007F is allowed, as in Go). Throws malformed_note.
 */
export function decodeNoteText(bytes: Uint8Array): string {
  // Control characters are single bytes that never occur inside a multi-byte UTF-8 sequence.
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x20 && bytes[i] !== 0x0a) throw malformedNoteError(`byte ${i} is the control character 0x${bytes[i]!.toString(16).padStart(2, '0')}`);
  }
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw malformedNoteError('the note is not valid UTF-8');
  }
}

/** A note cut at its last blank line. */
export interface NoteParts {
  /** The text, final newline included. */
  readonly text: string;
  /** The signature lines without their newlines; at least one. */
  readonly signatureLines: readonly string[];
}

/**
 * Returns the text and signature lines of a note whose characters are already checked: the text
 * runs to the last blank line (Go: bytes.LastIndex "\n\n"), and the signature block must be
 * non-empty and end with a newline. Throws malformed_note.
 */
export function splitNote(note: string): NoteParts {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw malformedNoteError('there is no blank line before the signatures');
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw malformedNoteError(block === '' ? 'there are no signature lines' : 'the last signature line does not end with a newline');
  return { text: note.slice(0, split + 1), signatureLines: block.slice(0, -1).split('\n') };
}

/** A parsed signature line: the signature and its bytes after the key ID. */
export interface SignatureLine {
  readonly signature: NoteSignature;
  readonly bytes: Uint8Array;
}

/**
 * Returns the signature on one line (`— <name> <base64(keyID ‖ sig)>`), or throws malformed_note:
 * wrong prefix, invalid name, empty or non-strict base64, or fewer than 5 bytes (Go's rules).
 */
export function parseSignatureLine(line: string): SignatureLine {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw malformedNoteError(`line ${JSON.stringify(line.slice(0, 40))} is not a signature line (U+2014, space, name, space, base64)`);
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = space < 0 ? rest : rest.slice(0, space);
  const base64 = space < 0 ? '' : rest.slice(space + 1);
  const raw = tryFromBase64(base64);
  if (raw === undefined || !isValidKeyName(name) || base64 === '' || raw.length < 5) {
    throw malformedNoteError(`signature line for ${JSON.stringify(name)} has an invalid name or base64 field`);
  }
  return { signature: { name, keyId: readKeyId(raw), base64 }, bytes: raw.subarray(4) };
}

/** An unverified, structurally valid signed note. */
export interface ParsedNote {
  readonly text: string;
  /** Every signature line, in note order, duplicates included. */
  readonly signatures: readonly NoteSignature[];
}

/**
 * Returns the text and signature lines of a signed note WITHOUT verifying any signature: for
 * showing who signed, or for adding signatures. Applies all of note.Open's text rules, including
 * the limit of 100 signature lines; throws malformed_note. Use openNote to trust a note.
 */
export function parseNote(note: Uint8Array | string): ParsedNote {
  const { text, signatureLines } = splitNote(decodeNoteText(noteBytes(note)));
  const signatures = signatureLines.map((line, i) => {
    const { signature } = parseSignatureLine(line);
    // Go counts a line after parsing it, so a bad line among the first 100 is what gets reported.
    if (i >= MAX_NOTE_SIGNATURES) throw malformedNoteError(`the note has ${signatureLines.length} signature lines, more than ${MAX_NOTE_SIGNATURES}`);
    return signature;
  });
  return { text, signatures };
}
