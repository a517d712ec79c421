import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { formatCheckpoint, parseCheckpoint } from '../../../../shared/note/index.js';
import { expectNoteError } from './note-test-helpers.js';

const ROOT = 'rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=';
const rootBytes = () => Uint8Array.from(Buffer.from(ROOT, 'base64'));

describe('parseCheckpoint', () => {
  describe('given a checkpoint with extension lines', () => {
    it('returns origin, size, root and extensions, and formats back to the same text', () => {
      const text = `example.com/log\n15\n${ROOT}\next one\n\u2014 not a signature, just text\n`;
      const checkpoint = parseCheckpoint(text);
      expect(checkpoint).toEqual({ origin: 'example.com/log', size: 15, rootHash: rootBytes(), extensions: ['ext one', '\u2014 not a signature, just text'] });
      expect(formatCheckpoint(checkpoint)).toBe(text);
    });
  });

  describe('given the largest sizes', () => {
    it('accepts 2^53 − 1', () => {
      expect(parseCheckpoint(`o\n9007199254740991\n${ROOT}\n`).size).toBe(Number.MAX_SAFE_INTEGER);
    });
    it('refuses valid sizes above 2^53 − 1 with checkpoint_size_unsupported', () => {
      for (const size of ['9007199254740992', '9223372036854775807']) {
        const error = expectNoteError(() => parseCheckpoint(`o\n${size}\n${ROOT}\n`), InputError, 'checkpoint_size_unsupported');
        expect(error.message).toContain(size);
      }
    });
    it('calls sizes beyond int64 malformed', () => {
      expectNoteError(() => parseCheckpoint(`o\n9223372036854775808\n${ROOT}\n`), InputError, 'malformed_checkpoint');
    });
  });

  describe('given malformed bodies', () => {
    const cases: Array<[string, string]> = [
      ['no final newline', `o\n1\n${ROOT}`],
      ['two lines', 'o\n1\n'],
      ['empty origin', `\n1\n${ROOT}\n`],
      ['leading zero', `o\n01\n${ROOT}\n`],
      ['plus sign', `o\n+1\n${ROOT}\n`],
      ['negative size', `o\n-1\n${ROOT}\n`],
      ['hex size', `o\n0x1\n${ROOT}\n`],
      ['empty size', `o\n\n${ROOT}\n`],
      ['31-byte root', `o\n1\n${Buffer.alloc(31).toString('base64')}\n`],
      ['33-byte root', `o\n1\n${Buffer.alloc(33).toString('base64')}\n`],
      ['unpadded root', `o\n1\n${ROOT.slice(0, -1)}\n`],
      ['URL-safe root', `o\n1\n${ROOT.replace('/', '_')}\n`],
      ['hex root', `o\n1\n${'00'.repeat(32)}\n`],
      ['empty extension line', `o\n1\n${ROOT}\n\n`],
      ['empty line between extensions', `o\n1\n${ROOT}\na\n\nb\n`],
    ];
    it.each(cases)('%s throws malformed_checkpoint', (_, text) => {
      expectNoteError(() => parseCheckpoint(text), InputError, 'malformed_checkpoint');
    });
  });

  describe('given a root hash with non-zero padding bits', () => {
    it('accepts it as Go does, and formats it canonically', () => {
      const nonCanonical = `${ROOT.slice(0, 42)}t=`;
      expect(nonCanonical).not.toBe(ROOT);
      const checkpoint = parseCheckpoint(`o\n15\n${nonCanonical}\n`);
      expect(checkpoint.rootHash).toEqual(rootBytes());
      expect(formatCheckpoint(checkpoint)).toBe(`o\n15\n${ROOT}\n`);
    });
  });
});

describe('formatCheckpoint', () => {
  describe('given fields that would not parse back', () => {
    const good = { origin: 'o', size: 1, rootHash: rootBytes(), extensions: [] as string[] };
    it.each([
      ['empty origin', { ...good, origin: '' }],
      ['newline in origin', { ...good, origin: 'a\nb' }],
      ['negative size', { ...good, size: -1 }],
      ['fractional size', { ...good, size: 1.5 }],
      ['unsafe size', { ...good, size: 2 ** 53 }],
      ['short root', { ...good, rootHash: new Uint8Array(31) }],
      ['empty extension', { ...good, extensions: [''] }],
    ])('%s throws malformed_checkpoint', (_, checkpoint) => {
      expectNoteError(() => formatCheckpoint(checkpoint), InputError, 'malformed_checkpoint');
    });
  });
});
