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
      // '=' anywhere but the end, a bad character in every position of a first, middle and last quartet.
      for (const text of ['=AAA', 'A=AA', 'AA=A', 'AAAA=AAA', 'A===', '====', 'AAAAAA==A===', 'AAA\u00e9']) expect(tryFromBase64(text)).toBeUndefined();
      for (const good of ['provenance workbench!', 'provenance workbench', 'provenance workbenc'].map((t) => Buffer.from(t).toString('base64'))) {
        for (let i = 0; i < good.length; i++) {
          if (good[i] === '=') continue;
          // '=' in the last two places can make valid padding instead.
          for (const bad of ['-', '_', ' ', '\n', '.', '\u0100', ...(i < good.length - 2 ? ['='] : [])]) expect(tryFromBase64(good.slice(0, i) + bad + good.slice(i + 1)), `${bad} at ${i} of ${good}`).toBeUndefined();
        }
      }
    });
  });
});
