import { describe, expect, it } from 'vitest';
import { fromHex, toBase64, toHex, tryFromBase64, tryFromHex } from '../../../../shared/encoding/index.js';

describe('bytes', () => {
  describe('given random bytes', () => {
    it('round-trips hex and base64 like Node Buffer does', () => {
      for (let n = 0; n < 70; n++) {
        const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 255);
        const buf = Buffer.from(bytes);
        expect(toHex(bytes)).toBe(buf.toString('hex'));
        expect(toBase64(bytes)).toBe(buf.toString('base64'));
        expect(tryFromBase64(buf.toString('base64'))).toEqual(bytes);
        expect(fromHex(buf.toString('hex'))).toEqual(bytes);
      }
    });
  });
  describe('given malformed text', () => {
    it('rejects it', () => {
      expect(tryFromHex('abc')).toBeUndefined();
      expect(tryFromHex('zz')).toBeUndefined();
      expect(tryFromBase64('abc')).toBeUndefined();
      expect(tryFromBase64('ab=c')).toBeUndefined();
      expect(tryFromBase64('a b=')).toBeUndefined();
      expect(tryFromBase64('ab-_')).toBeUndefined();
    });
  });
});
