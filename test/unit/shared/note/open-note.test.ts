import { describe, expect, it } from 'vitest';
import { InputError, VerificationError, type WorkbenchError } from '../../../../shared/api/index.js';
import {
  MAX_NOTE_SIGNATURES,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  type NoteVerifier,
} from '../../../../shared/note/index.js';
import { readTestdataJson } from '../../../helpers/testdata.js';
import { expectNoteError, flipBit, toGoSigs, type GoSig } from './note-test-helpers.js';

interface OpenCase {
  name: string;
  description: string;
  noteBase64: string;
  note: string | null;
  verifierKeys: string[];
  expect: { ok: boolean; error?: string; errorKind?: string; text: string | null; verifiedSigs: GoSig[]; unverifiedSigs: GoSig[] };
}

const vectors = readTestdataJson<{ open: OpenCase[] }>('note/vectors.json');

/** Go's errorKind → our code and error class. */
const KINDS = {
  malformed: ['malformed_note', InputError],
  unverified: ['note_unverified', VerificationError],
  'invalid-signature': ['invalid_signature', VerificationError],
  'ambiguous-verifier': ['ambiguous_key', InputError],
} as const;

const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_SKEY = 'PRIVATE+KEY+EnochRoot+af0cfe78+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = 'If you think cryptography is the answer to your problem,\nthen you don\'t know what your problem is.\n';

describe('openNote', () => {
  describe('given the open[] vectors of shared/testdata/note (Go note.Open results)', () => {
    it('has the expected number of cases', () => {
      expect(vectors.open.length).toBe(27);
    });
    it.each(vectors.open.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const verifiers = c.verifierKeys.map(parseVerifierKey);
      const bytes = Uint8Array.from(Buffer.from(c.noteBase64, 'base64'));
      const inputs: Array<Uint8Array | string> = c.note === null ? [bytes] : [bytes, c.note];
      for (const input of inputs) {
        if (c.expect.ok) {
          const opened = openNote(input, verifiers);
          expect(opened.text).toBe(c.expect.text);
          expect(toGoSigs(opened.signatures)).toEqual(c.expect.verifiedSigs);
          expect(toGoSigs(opened.unverifiedSignatures)).toEqual(c.expect.unverifiedSigs);
          expect(opened.signatures.every((s) => s.type === 'ed25519')).toBe(true);
        } else {
          const [code, ErrorClass] = KINDS[c.expect.errorKind as keyof typeof KINDS];
          const error = expectNoteError<WorkbenchError>(() => openNote(input, verifiers), ErrorClass, code, c.expect.error);
          if (code === 'note_unverified') {
            expect(error.details?.['text']).toBe(c.expect.text);
            expect(toGoSigs(error.details?.['unverifiedSignatures'] as never)).toEqual(c.expect.unverifiedSigs);
          }
        }
      }
    });
  });

  describe('given a note signed by two keys', () => {
    const note = signNote(TEXT, [parseSignerKey(PETER_SKEY), parseSignerKey(ENOCH_SKEY)]);
    const bytes = new TextEncoder().encode(note);
    const verifiers = [parseVerifierKey(PETER_VKEY), parseVerifierKey(ENOCH_VKEY)];

    it('opens with both keys verified', () => {
      expect(openNote(note, verifiers).signatures.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    });

    it('rejects every single-bit flip of the text as invalid_signature or malformed_note', () => {
      const textLength = new TextEncoder().encode(TEXT).length;
      for (let i = 0; i < textLength; i++) {
        for (const bit of [0, 5]) {
          let code = '';
          try {
            openNote(flipBit(bytes, i, bit), verifiers);
          } catch (error) {
            code = (error as { code: string }).code;
          }
          expect(['invalid_signature', 'malformed_note'], `byte ${i} bit ${bit}`).toContain(code);
        }
      }
    });

    it('rejects a bit flip inside a signature as invalid_signature for that key', () => {
      const line = note.indexOf('\u2014 EnochRoot ');
      // Byte 30 of the base64 field is inside the Ed25519 signature, past the 4-byte key ID.
      const at = new TextEncoder().encode(note.slice(0, line + '\u2014 EnochRoot '.length + 30)).length;
      const mutated = bytes.slice();
      mutated[at] = mutated[at] === 0x41 ? 0x42 : 0x41;
      expectNoteError(() => openNote(mutated, verifiers), VerificationError, 'invalid_signature', 'invalid signature for key EnochRoot+af0cfe78');
    });

    it('rejects every truncation except the one that drops a whole signature line', () => {
      const lineEnd = new TextEncoder().encode(note.slice(0, note.indexOf('\u2014 EnochRoot'))).length;
      for (let n = 0; n < bytes.length; n++) {
        if (n === lineEnd) expect(openNote(bytes.subarray(0, n), verifiers).signatures).toHaveLength(1);
        else expect(() => openNote(bytes.subarray(0, n), verifiers), `length ${n}`).toThrow(/malformed note|invalid signature/);
      }
    });

    it('rejects a truncation at a line end that drops the last signature only when that key is needed', () => {
      const cut = note.slice(0, note.indexOf('\u2014 EnochRoot'));
      expect(openNote(cut, verifiers).signatures.map((s) => s.name)).toEqual(['PeterNeumann']);
      expectNoteError(() => openNote(cut, [verifiers[1]!]), VerificationError, 'note_unverified', 'note has no verifiable signatures');
    });
  });

  describe('given the signature-line limit', () => {
    const signer = parseSignerKey(PETER_SKEY);
    const verifier = parseVerifierKey(PETER_VKEY);
    const line = signNote(TEXT, [signer]).slice(TEXT.length + 1);
    it(`accepts ${MAX_NOTE_SIGNATURES} lines and rejects ${MAX_NOTE_SIGNATURES + 1} as malformed_note`, () => {
      expect(openNote(`${TEXT}\n${line.repeat(MAX_NOTE_SIGNATURES)}`, [verifier]).signatures).toHaveLength(1);
      expectNoteError(() => openNote(`${TEXT}\n${line.repeat(MAX_NOTE_SIGNATURES + 1)}`, [verifier]), InputError, 'malformed_note', 'malformed note');
      expectNoteError(() => parseNote(`${TEXT}\n${line.repeat(MAX_NOTE_SIGNATURES + 1)}`), InputError, 'malformed_note');
    });
    it('reports an invalid signature on an early line before counting lines, as Go does', () => {
      const bad = line.replace(/[A-Za-z](?==\n$)/, (c) => (c === 'A' ? 'B' : 'A'));
      expectNoteError(() => openNote(`${TEXT}\n${bad}${line.repeat(MAX_NOTE_SIGNATURES + 5)}`, [verifier]), VerificationError, 'invalid_signature');
    });
  });

  describe('given a second, different signature by an already verified key', () => {
    it('skips it without checking, as Go does', () => {
      const signer = parseSignerKey(PETER_SKEY);
      const line = signNote(TEXT, [signer]).slice(TEXT.length + 1);
      const garbage = `\u2014 PeterNeumann ${Buffer.concat([Buffer.from('c74f20a3', 'hex'), Buffer.alloc(64, 7)]).toString('base64')}\n`;
      const opened = openNote(`${TEXT}\n${line}${garbage}`, [parseVerifierKey(PETER_VKEY)]);
      expect(opened.signatures).toHaveLength(1);
      expect(opened.unverifiedSignatures).toHaveLength(0);
    });
  });

  describe('given texts Go rejects or accepts at the edges', () => {
    const signer = parseSignerKey(PETER_SKEY);
    const verifier = parseVerifierKey(PETER_VKEY);
    it('keeps a leading byte-order mark as part of the signed text', () => {
      const text = '\uFEFFhello\n';
      const opened = openNote(signNote(text, [signer]), [verifier]);
      expect(opened.text).toBe(text);
    });
    it('accepts DEL (U+007F) and a blank line inside the text', () => {
      for (const text of ['a\u007fb\n', 'a\n\nb\n', '\n']) expect(openNote(signNote(text, [signer]), [verifier]).text).toBe(text);
    });
    it('rejects a carriage return, a tab and a lone surrogate as malformed_note', () => {
      for (const note of [`a\r\n\n— x YQ==\n`, `a\tb\n\n— x YQ==\n`, `a\uD800\n\n— x YQ==\n`]) {
        expectNoteError(() => openNote(note, [verifier]), InputError, 'malformed_note', 'malformed note');
      }
    });
    it('rejects signature lines with an ASCII dash, URL-safe base64 or fewer than 5 bytes', () => {
      for (const sig of ['- PeterNeumann x08go/ZJ\n', '— PeterNeumann x08go_ZJ\n', '— PeterNeumann x08gow==\n', '— PeterNeumann\n']) {
        expectNoteError(() => openNote(`${TEXT}\n${sig}`, [verifier]), InputError, 'malformed_note');
      }
    });
  });

  describe('given a verifier that matches but is listed under another object', () => {
    it('treats two equal verifier objects as ambiguous when their key signed', () => {
      const verifiers: NoteVerifier[] = [parseVerifierKey(PETER_VKEY), parseVerifierKey(PETER_VKEY)];
      expectNoteError(() => openNote(signNote(TEXT, [parseSignerKey(PETER_SKEY)]), verifiers), InputError, 'ambiguous_key', 'ambiguous key PeterNeumann+c74f20a3');
    });
  });
});
