import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import {
  addNoteSignatures,
  createEd25519Signer,
  openNote,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  type NoteSigner,
} from '../../../../shared/note/index.js';
import { readTestdataJson } from '../../../helpers/testdata.js';
import { expectNoteError } from './note-test-helpers.js';

interface SignCase { name: string; text: string; signerKeys: string[]; expect: { ok: boolean; error?: string; signed?: string } }
const { sign } = readTestdataJson<{ sign: SignCase[] }>('note/vectors.json');

const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_SKEY = 'PRIVATE+KEY+EnochRoot+af0cfe78+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = 'If you think cryptography is the answer to your problem,\nthen you don\'t know what your problem is.\n';

describe('signNote', () => {
  describe('given the sign[] vectors of shared/testdata/note (Go note.Sign output)', () => {
    it('has the expected number of cases', () => expect(sign).toHaveLength(5));
    it.each(sign.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const signers = c.signerKeys.map(parseSignerKey);
      if (c.expect.ok) expect(signNote(c.text, signers)).toBe(c.expect.signed);
      else expectNoteError(() => signNote(c.text, signers), InputError, 'malformed_note', c.expect.error);
    });
  });

  describe('given texts that could not be opened', () => {
    it.each(['', 'no newline', 'tab\there\n', 'cr\r\n', 'lone \uD800 surrogate\n'])('%j throws malformed_note', (text) => {
      expectNoteError(() => signNote(text, [parseSignerKey(PETER_SKEY)]), InputError, 'malformed_note', 'malformed note');
    });
  });

  describe('given a signer whose name is invalid', () => {
    it('throws invalid_signer', () => {
      const good = parseSignerKey(PETER_SKEY);
      const bad: NoteSigner = { ...good, name: 'Peter Neumann' };
      expectNoteError(() => signNote(TEXT, [bad]), InputError, 'invalid_signer', 'invalid signer');
    });
  });

  describe('given random texts and keys', () => {
    it('round-trips: what signNote signs, openNote opens with the same text', () => {
      for (let i = 0; i < 40; i++) {
        const seed = Uint8Array.from({ length: 32 }, (_, j) => (i * 31 + j * 7) & 255);
        const signer = createEd25519Signer(`k${i}.example/log`, seed);
        const text = `line ${i} \u00e9\u2603\n`.repeat(1 + (i % 4)) + (i % 3 === 0 ? '\nafter a blank line\n' : '');
        const opened = openNote(signNote(text, [signer]), [signer.verifier]);
        expect(opened.text).toBe(text);
        expect(opened.signatures).toHaveLength(1);
      }
    });
  });
});

describe('addNoteSignatures', () => {
  const peter = parseSignerKey(PETER_SKEY);
  const enoch = parseSignerKey(ENOCH_SKEY);
  const verifiers = [parseVerifierKey(PETER_VKEY), parseVerifierKey(ENOCH_VKEY)];

  describe('given a note signed by one key', () => {
    it('appends the second signature after the first, as ExampleSign_add_signatures', () => {
      const once = signNote(TEXT, [peter]);
      const twice = addNoteSignatures(once, [enoch]);
      expect(twice).toBe(sign.find((c) => c.name === 'add-second-signature')!.expect.signed);
      expect(openNote(twice, verifiers).signatures.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    });
  });

  describe('given an existing bad signature by the signing key (Go TestSign)', () => {
    it('replaces it with a fresh one', () => {
      const withBad = `${TEXT}\n\u2014 PeterNeumann x08go0JBREFEQkFEU0lHTg==\n\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n`;
      const fixed = addNoteSignatures(withBad, [peter]);
      expect(parseNote(fixed).signatures.map((s) => s.name)).toEqual(['EnochRoot', 'PeterNeumann']);
      expect(openNote(fixed, verifiers).signatures).toHaveLength(2);
    });
  });

  describe('given duplicated existing lines', () => {
    it('keeps each identical line once', () => {
      const line = signNote(TEXT, [enoch]).slice(TEXT.length + 1);
      const note = `${TEXT}\n${line}${line}`;
      expect(parseNote(addNoteSignatures(note, [peter])).signatures.map((s) => s.name)).toEqual(['EnochRoot', 'PeterNeumann']);
    });
  });

  describe('given something that is not a signed note', () => {
    it('throws malformed_note', () => {
      expectNoteError(() => addNoteSignatures(TEXT, [peter]), InputError, 'malformed_note', 'malformed note');
    });
  });
});
