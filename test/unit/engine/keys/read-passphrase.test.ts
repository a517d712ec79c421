import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { readPassphrase } from '../../../../electron/engine/keys/index.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function fileWith(content: string): string {
  const { dir, cleanup } = tempDir('provwb-pass-');
  cleanups.push(cleanup);
  const file = path.join(dir, 'pass');
  writeFileSync(file, content);
  return file;
}

describe('readPassphrase', () => {
  describe('given a passphrase file', () => {
    it('returns its first line without the line ending, keeping other whitespace', () => {
      expect(readPassphrase({ file: fileWith('  s3cret pass \n') })).toBe('  s3cret pass ');
      expect(readPassphrase({ file: fileWith('s3cret\r\nsecond line\n') })).toBe('s3cret');
      expect(readPassphrase({ file: fileWith('no newline') })).toBe('no newline');
    });

    it('prefers the file over the environment', () => {
      expect(readPassphrase({ file: fileWith('from file\n'), env: { PROVWB_PASSPHRASE: 'from env' } })).toBe('from file');
    });

    it('throws passphrase_empty for an empty file or an empty first line', async () => {
      await expectRejection(() => readPassphrase({ file: fileWith('') }), InputError, 'passphrase_empty');
      await expectRejection(() => readPassphrase({ file: fileWith('\nsecond') }), InputError, 'passphrase_empty');
    });

    it('throws passphrase_file_unreadable for a missing file', async () => {
      await expectRejection(() => readPassphrase({ file: '/nonexistent/provwb/pass' }), InputError, 'passphrase_file_unreadable');
    });
  });

  describe('given PROVWB_PASSPHRASE', () => {
    it('returns it unchanged', () => {
      expect(readPassphrase({ env: { PROVWB_PASSPHRASE: ' spaced ' } })).toBe(' spaced ');
    });

    it('throws passphrase_empty when it is empty', async () => {
      await expectRejection(() => readPassphrase({ env: { PROVWB_PASSPHRASE: '' } }), InputError, 'passphrase_empty');
    });
  });

  describe('given neither', () => {
    it('throws passphrase_missing', async () => {
      await expectRejection(() => readPassphrase({ env: {} }), InputError, 'passphrase_missing');
      await expectRejection(() => readPassphrase({}), InputError, 'passphrase_missing');
    });
  });
});
