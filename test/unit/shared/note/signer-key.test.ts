import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { formatKeyId, formatVerifierKey, generateSignerKey, parseCosignerKey, parseSignerKey, parseVerifierKey } from '../../../../shared/note/index.js';
import { expectNoteError, KEY_CODES, keyCases } from './note-test-helpers.js';

describe('parseSignerKey', () => {
  const skeys = keyCases.filter((c) => c.kind === 'skey');
  it('covers all skey cases of keys.json', () => {
    expect(skeys.length).toBe(238);
  });

  describe('given the valid skeys of keys.json', () => {
    it.each(skeys.filter((c) => c.valid).map((c) => [c.key, c] as const))('%s parses and its verifier key matches the listed vkey', (_, c) => {
      const signer = parseSignerKey(c.key);
      expect(signer.name).toBe(c.name);
      expect(formatKeyId(signer.keyId)).toBe(c.keyHash);
      const vkey = keyCases.find((v) => v.kind === 'vkey' && v.valid && v.name === c.name);
      expect(vkey, `keys.json lists the vkey of ${c.name}`).toBeDefined();
      expect(formatVerifierKey(signer.verifier)).toBe(vkey!.key);
    });
  });

  describe('given the invalid skeys of keys.json', () => {
    it.each(skeys.filter((c) => !c.valid).map((c, i) => [i, c.why ?? c.error, c] as const))('case %i (%s) throws Go\'s error', (_, __, c) => {
      const error = expectNoteError(() => parseSignerKey(c.key), InputError, KEY_CODES[c.error!]!, c.error);
      // The error must not echo private key material.
      const secret = c.key.split('+').at(-1)!;
      if (secret.length >= 16) expect(JSON.stringify(error.toData())).not.toContain(secret);
    });
  });
});

describe('generateSignerKey', () => {
  describe('given 32 zero bytes and the name EnochRoot', () => {
    it('returns the keys Go\'s GenerateKey makes with an all-zero reader', () => {
      const { skey, vkey } = generateSignerKey('EnochRoot', new Uint8Array(32));
      expect(skey).toBe('PRIVATE+KEY+EnochRoot+af0cfe78+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(vkey).toBe('EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop');
    });
  });
  describe('given random bytes', () => {
    it('returns a pair that parses and agrees', () => {
      const seed = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255);
      const { skey, vkey } = generateSignerKey('log.example.org/x', seed);
      expect(parseSignerKey(skey).keyId).toBe(parseVerifierKey(vkey).keyId);
    });
  });
  describe('given an invalid name', () => {
    it.each(['', 'a b', 'a+b', 'tab\there', 'nbsp\u00a0'])('%j throws invalid_key_name', (name) => {
      expectNoteError(() => generateSignerKey(name, new Uint8Array(32)), InputError, 'invalid_key_name');
    });
  });
});

describe('parseCosignerKey', () => {
  const { skey, vkey } = generateSignerKey('witness.example', new Uint8Array(32).fill(9));
  it('derives the cosignature/v1 key ID (over 0x04) from an Ed25519 skey', () => {
    const cosigner = parseCosignerKey(skey);
    expect(cosigner.keyId).not.toBe(parseVerifierKey(vkey).keyId);
    const cosignVkey = formatVerifierKey(cosigner.verifier);
    expect(cosignVkey.split('+')[2]!.startsWith('B')).toBe(true); // base64 of 0x04 ‖ key
    expect(parseVerifierKey(cosignVkey).keyId).toBe(cosigner.keyId);
  });
  it('rejects an skey with the wrong key ID as key_id_mismatch', () => {
    expectNoteError(() => parseCosignerKey(skey.replace(/\+([0-9a-f]{8})\+/, '+00000000+')), InputError, 'key_id_mismatch', 'invalid verifier hash');
  });
});
