import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../../shared/encoding/index.js';
import {
  decodeMinisignSignature,
  formatMinisignKeyId,
  formatMinisignPublicKey,
  formatMinisignSignature,
  parseMinisignPublicKey,
  parseMinisignSignature,
  verifyMinisign,
  verifyMinisignContent,
  type MinisignPublicKey,
  type MinisignSignature,
} from '../../../../shared/minisign/index.js';
import { repoRoot } from '../../../helpers/testdata.js';

interface MinisignFixture {
  message: string;
  publicKeyFile: string;
  prehashedSignature: string;
  legacySignature: string;
}
const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/layouts/minisign/minisign-binary.json'), 'utf8')) as MinisignFixture;
const key = parseMinisignPublicKey(fixture.publicKeyFile) as MinisignPublicKey;
const message = utf8(fixture.message);

describe('parseMinisignPublicKey', () => {
  it('reads the key file the minisign binary wrote, and its key ID as minisign prints it', () => {
    expect(typeof key).toBe('object');
    expect(fixture.publicKeyFile).toContain(`minisign public key ${formatMinisignKeyId(key.keyId)}`);
  });
  it('reads the bare base64 line to the same key', () => {
    expect(parseMinisignPublicKey(fixture.publicKeyFile.split('\n')[1]!)).toEqual(key);
  });
  it.each([
    ['a comment line that is not "untrusted comment:"', 'comment\n' + fixture.publicKeyFile.split('\n')[1]],
    ['three lines', fixture.publicKeyFile + 'extra\n'],
    ['a truncated key', fixture.publicKeyFile.split('\n')[1]!.slice(0, 52)],
    ['a signature line instead of a key', fixture.prehashedSignature.split('\n')[1]!],
  ])('rejects %s', (_, text) => {
    expect(typeof parseMinisignPublicKey(text)).toBe('string');
  });
});

describe('verifyMinisign', () => {
  describe.each([
    ['prehashed "ED"', fixture.prehashedSignature, 'ED'],
    ['legacy "Ed"', fixture.legacySignature, 'Ed'],
  ] as const)('given the %s signature made by the minisign binary', (_, text, algorithm) => {
    const sig = parseMinisignSignature(text) as MinisignSignature;
    it('parses with its algorithm and trusted comment', () => {
      expect(sig.algorithm).toBe(algorithm);
      expect(text).toContain(`trusted comment: ${sig.trustedComment}\n`);
    });
    it('verifies over the signed file', () => {
      expect(verifyMinisign(key, message, sig)).toBeUndefined();
    });
    it('fails over another message', () => {
      expect(verifyMinisign(key, utf8(fixture.message + ' '), sig)).toMatch(/does not verify/);
    });
    it('fails with an edited trusted comment', () => {
      expect(verifyMinisign(key, message, { ...sig, trustedComment: sig.trustedComment + '!' })).toMatch(/global signature/);
    });
    it('fails when the key ID differs', () => {
      expect(verifyMinisign({ ...key, keyId: new Uint8Array(8) }, message, sig)).toMatch(/by minisign key/);
    });
  });
  it('fails when a prehashed signature claims to be legacy', () => {
    const sig = parseMinisignSignature(fixture.prehashedSignature) as MinisignSignature;
    expect(verifyMinisign(key, message, { ...sig, algorithm: 'Ed' })).toMatch(/does not verify/);
  });
});

describe('parseMinisignSignature', () => {
  const lines = fixture.prehashedSignature.split('\n');
  it.each([
    ['two lines', lines.slice(0, 2).join('\n')],
    ['no untrusted comment', ['comment', ...lines.slice(1)].join('\n')],
    ['"trusted comment:" without its space', [lines[0], lines[1], lines[2]!.replace('trusted comment: ', 'trusted comment:'), lines[3]].join('\n')],
    ['a short signature line', [lines[0], lines[1]!.slice(0, 96), lines[2], lines[3]].join('\n')],
    ['an unknown algorithm', [lines[0], 'RX' + lines[1]!.slice(2), lines[2], lines[3]].join('\n')],
  ])('rejects %s', (_, text) => {
    expect(typeof parseMinisignSignature(text)).toBe('string');
  });
  it('accepts CRLF line ends and a missing final newline', () => {
    expect(parseMinisignSignature(fixture.prehashedSignature.trimEnd().replace(/\n/g, '\r\n'))).toEqual(parseMinisignSignature(fixture.prehashedSignature));
  });
});

describe('formatMinisignPublicKey', () => {
  it('writes the key file the minisign binary wrote', () => {
    expect(formatMinisignPublicKey(key)).toBe(fixture.publicKeyFile);
  });
});

describe('formatMinisignSignature', () => {
  describe.each([
    ['prehashed "ED"', fixture.prehashedSignature],
    ['legacy "Ed"', fixture.legacySignature],
  ])('given the %s signature made by the minisign binary', (_, text) => {
    const sig = parseMinisignSignature(text) as MinisignSignature;
    it('writes the lines parseMinisignSignature reads back to the same signature', () => {
      const untrusted = text.split('\n')[0]!.slice('untrusted comment: '.length);
      expect(formatMinisignSignature(sig, untrusted)).toBe(text.endsWith('\n') ? text : `${text}\n`);
      expect(parseMinisignSignature(formatMinisignSignature(sig, 'another comment'))).toEqual(sig);
    });
  });
});

describe('decodeMinisignSignature', () => {
  it('reads the algorithm bytes without judging them, as Rekor does', () => {
    const bytes = new Uint8Array(74).fill(7);
    expect(decodeMinisignSignature(bytes)).toEqual({ algorithm: bytes.slice(0, 2), keyId: bytes.slice(2, 10), signature: bytes.slice(10) });
  });
});

describe('verifyMinisignContent', () => {
  it('checks the signature alone, with or without the BLAKE2b prehash', () => {
    const prehashed = parseMinisignSignature(fixture.prehashedSignature) as MinisignSignature;
    const legacy = parseMinisignSignature(fixture.legacySignature) as MinisignSignature;
    expect(verifyMinisignContent(key.publicKey, message, prehashed.signature, true)).toBe(true);
    expect(verifyMinisignContent(key.publicKey, message, prehashed.signature, false)).toBe(false);
    expect(verifyMinisignContent(key.publicKey, message, legacy.signature, false)).toBe(true);
    expect(verifyMinisignContent(key.publicKey, message, legacy.signature, true)).toBe(false);
  });
});
