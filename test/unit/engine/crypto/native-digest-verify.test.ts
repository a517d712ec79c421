/**
 * The OpenSSL digest verifier (native/ecdsa-digest) must accept exactly what the JavaScript
 * fallback (@noble/curves, Go's ecdsa.Verify semantics: high S accepted, strict DER) accepts.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { nativeDigestVerifyAvailable, verifyDigestNative } from '../../../../electron/engine/crypto/native-digest-verify.js';

const curves = [
  { name: 'P-256', namedCurve: 'prime256v1', impl: p256, hash: 'sha256' },
  { name: 'P-384', namedCurve: 'secp384r1', impl: p384, hash: 'sha384' },
] as const;

function derInt(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && bytes[start + 1]! < 0x80) start++;
  const body = bytes.subarray(start);
  return body[0]! >= 0x80 ? Uint8Array.of(2, body.length + 1, 0, ...body) : Uint8Array.of(2, body.length, ...body);
}

function derSignature(r: bigint, s: bigint, size: number): Uint8Array {
  const hex = (v: bigint) => Uint8Array.from(Buffer.from(v.toString(16).padStart(size * 2, '0'), 'hex'));
  const body = [...derInt(hex(r)), ...derInt(hex(s))];
  return Uint8Array.of(0x30, body.length, ...body);
}

describe('ECDSA over a precomputed digest through OpenSSL', () => {
  it('is built here (CI builds it with npm ci)', () => {
    expect(nativeDigestVerifyAvailable()).toBe(true);
  });

  for (const curve of curves) {
    it(`agrees with @noble/curves on ${curve.name}: valid, high-S, wrong digest, wrong key, mangled DER`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve.namedCurve });
      const other = generateKeyPairSync('ec', { namedCurve: curve.namedCurve }).publicKey;
      const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
      const otherSpki = new Uint8Array(other.export({ type: 'spki', format: 'der' }));
      const point = curve.impl.Point.fromBytes(new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })).subarray(-(1 + 2 * curve.impl.Point.Fn.BYTES))).toBytes(false);
      const n = curve.impl.Point.Fn.ORDER;
      for (let i = 0; i < 20; i++) {
        const message = Buffer.from(`release ${i}`);
        const digest = new Uint8Array(createHash(curve.hash).update(message).digest());
        const der = new Uint8Array(sign(curve.hash, message, privateKey));
        const sig = curve.impl.Signature.fromBytes(der, 'der');
        const highS = derSignature(sig.r, n - sig.s, curve.impl.Point.Fn.BYTES);
        const wrongDigest = digest.map((b, j) => (j === 0 ? b ^ 1 : b));
        const cases: Array<[string, Uint8Array, Uint8Array, Uint8Array]> = [
          ['valid', spki, digest, der],
          ['high S', spki, digest, highS],
          ['wrong digest', spki, wrongDigest, der],
          ['wrong key', otherSpki, digest, der],
          ['trailing byte', spki, digest, Uint8Array.of(...der, 0)],
          ['truncated', spki, digest, der.subarray(0, der.length - 1)],
        ];
        for (const [label, key, d, s] of cases) {
          const keyPoint = key === spki ? point : curve.impl.Point.fromBytes(key.subarray(-(1 + 2 * curve.impl.Point.Fn.BYTES))).toBytes(false);
          let expected: boolean;
          try {
            expected = curve.impl.verify(s, d, keyPoint, { prehash: false, lowS: false, format: 'der' });
          } catch {
            expected = false;
          }
          expect(verifyDigestNative(key, curve.hash, d, s), `${curve.name} ${label}`).toBe(expected);
        }
        expect(verifyDigestNative(spki, curve.hash, digest, der)).toBe(true);
        expect(verifyDigestNative(spki, curve.hash, digest, highS)).toBe(true);
      }
    });
  }

  it('refuses a key that is not one SubjectPublicKeyInfo, and an unknown hash', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
    const digest = new Uint8Array(createHash('sha256').update('x').digest());
    const der = new Uint8Array(sign('sha256', Buffer.from('x'), privateKey));
    expect(verifyDigestNative(Uint8Array.of(...spki, 0), 'sha256', digest, der)).toBe(false);
    expect(verifyDigestNative(spki.subarray(1), 'sha256', digest, der)).toBe(false);
    expect(verifyDigestNative(spki, 'no-such-hash', digest, der)).toBe(false);
    expect(verifyDigestNative(spki, 'sha384', digest, der)).toBe(false);
  });
});
