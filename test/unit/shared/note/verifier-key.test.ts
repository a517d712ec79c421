import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import {
  computeKeyId,
  createCosignatureVerifier,
  createEd25519Verifier,
  formatKeyId,
  formatVerifierKey,
  parseVerifierKey,
} from '../../../../shared/note/index.js';
import { expectNoteError, KEY_CODES, keyCases } from './note-test-helpers.js';

describe('parseVerifierKey', () => {
  const vkeys = keyCases.filter((c) => c.kind === 'vkey');
  it('covers all vkey cases of keys.json', () => {
    expect(keyCases).toHaveLength(444);
    expect(vkeys.length).toBe(206);
  });

  describe('given the valid vkeys of keys.json', () => {
    it.each(vkeys.filter((c) => c.valid).map((c) => [c.key, c] as const))('%s parses and formats back', (_, c) => {
      const verifier = parseVerifierKey(c.key);
      expect(verifier.name).toBe(c.name);
      expect(formatKeyId(verifier.keyId)).toBe(c.keyHash);
      expect(verifier.type).toBe('ed25519');
      expect(formatVerifierKey(verifier)).toBe(c.key);
    });
  });

  describe('given the invalid vkeys of keys.json', () => {
    it.each(vkeys.filter((c) => !c.valid).map((c, i) => [i, c.why ?? c.error, c] as const))('case %i (%s) throws Go\'s error', (_, __, c) => {
      expectNoteError(() => parseVerifierKey(c.key), InputError, KEY_CODES[c.error!]!, c.error);
    });
  });

  describe('given a cosignature/v1 key (type 0x04)', () => {
    const vkey = 'mirror.example.org+3fb148ef+BAAjjch9GyYz0sJsJx7ALhbdAtz2ov0unbzSl1vMp94O';
    it('parses it as a cosignature verifier whose key ID hashes the 0x04 byte', () => {
      const verifier = parseVerifierKey(vkey);
      expect(verifier.type).toBe('cosignature/v1');
      expect(formatKeyId(verifier.keyId)).toBe('3fb148ef');
      expect(formatVerifierKey(verifier)).toBe(vkey);
      const ed = createEd25519Verifier(verifier.name, verifier.publicKey);
      expect(ed.keyId).not.toBe(verifier.keyId);
      expect(createCosignatureVerifier(verifier.name, verifier.publicKey).keyId).toBe(verifier.keyId);
    });
    it('rejects it with a wrong key ID as key_id_mismatch', () => {
      expectNoteError(() => parseVerifierKey(vkey.replace('3fb148ef', '3fb148ee')), InputError, 'key_id_mismatch', 'invalid verifier hash');
    });
    it('rejects a 31-byte key with a matching key ID as malformed_key', () => {
      const material = Uint8Array.from(Buffer.from(vkey.split('+')[2]!, 'base64')).subarray(0, 32);
      const short = `mirror.example.org+${formatKeyId(computeKeyId('mirror.example.org', material))}+${Buffer.from(material).toString('base64')}`;
      expectNoteError(() => parseVerifierKey(short), InputError, 'malformed_key', 'malformed verifier id');
    });
  });

  describe('given Go\'s lenient hex and base64', () => {
    it('accepts an uppercase key ID and a base64 field split by a newline, as Go does', () => {
      expect(parseVerifierKey('PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW').name).toBe('PeterNeumann');
      expect(parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzh\nKqiBfsVkmqq/LDE4izWy10TW').name).toBe('PeterNeumann');
    });
    it('rejects names with Unicode spaces that JavaScript and Go classify differently only where Go says space', () => {
      // U+00A0 is a space for Go; U+FEFF is not (JavaScript's \s says it is).
      expectNoteError(() => parseVerifierKey('a\u00a0b+00000000+AQ=='), InputError, 'malformed_key');
      expectNoteError(() => parseVerifierKey('a\ufeffb+00000000+AQ=='), InputError, 'key_id_mismatch');
    });
  });
});
