/**
 * The test verifiers in keys-test-helpers.ts are themselves checked against signatures made by the
 * real tools (rekor's testdata), so a passing signature test means the format is right, not just
 * that the engine agrees with itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdataPath } from '../../../helpers/testdata.js';
import { verifyMinisig, verifySshsig } from './keys-test-helpers.js';

const read = (p: string) => readFileSync(testdataPath(`signatures/${p}`));
const text = (p: string) => read(p).toString('utf8');

describe('verifySshsig', () => {
  const data = read('ssh/hello_world.txt');
  const sig = text('ssh/hello_world.txt.sig');
  const key = text('ssh/id_rsa.pub');

  describe('given the published ssh-keygen -Y sign signature (RSA)', () => {
    it('accepts it in namespace file', () => {
      expect(verifySshsig(sig, key, 'file', data)).toBe(true);
    });
    it('rejects it in namespaces git and email', () => {
      expect(verifySshsig(sig, key, 'git', data)).toBe(false);
      expect(verifySshsig(sig, key, 'email', data)).toBe(false);
    });
    it('rejects it over other data', () => {
      expect(verifySshsig(sig, key, 'file', Buffer.from('Hello, World?\n'))).toBe(false);
    });
  });
});

describe('verifyMinisig', () => {
  const data = read('minisign/hello_world.txt');

  describe('given the published legacy Ed signature', () => {
    it('accepts it', () => {
      expect(verifyMinisig(text('minisign/hello_world.txt.minisig'), text('minisign/minisign.pub'), data)).toBe(true);
    });
  });

  describe('given the published prehashed ED signature', () => {
    it('accepts it', () => {
      expect(verifyMinisig(text('minisign/hello_world_hashed.txt.minisig'), text('minisign/minisign_hashed.pub'), data)).toBe(true);
    });
    it('rejects it when the trusted comment is altered', () => {
      const altered = text('minisign/hello_world_hashed.txt.minisig').replace('hashed', 'hashes');
      expect(verifyMinisig(altered, text('minisign/minisign_hashed.pub'), data)).toBe(false);
    });
  });
});
