import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, parsePublicKey, type PublicKey } from '../../../../shared/layout/index.js';

function pem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }) as string;
}
function nodeFingerprint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

const ed = generateKeyPairSync('ed25519').publicKey;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;

describe('parsePublicKey', () => {
  describe.each([
    ['Ed25519', ed, 'ed25519'],
    ['P-256', p256, 'p256'],
    ['P-384', p384, 'p384'],
  ] as const)('given a %s PEM SPKI from node:crypto', (_, key, algorithm) => {
    it('reads it, and its fingerprint is SHA-256 of the DER SPKI', () => {
      const parsed = parsePublicKey('pem-spki', pem(key)) as PublicKey;
      expect(parsed.algorithm).toBe(algorithm);
      expect(keyFingerprint(parsed)).toBe(nodeFingerprint(key));
    });
    it('reads it with CRLF line ends and one long base64 line', () => {
      const body = pem(key).split('\n').slice(1, -2).join('');
      const text = `-----BEGIN PUBLIC KEY-----\r\n${body}\r\n-----END PUBLIC KEY-----\r\n`;
      expect(keyFingerprint(parsePublicKey('pem-spki', text) as PublicKey)).toBe(nodeFingerprint(key));
    });
  });

  describe('given one Ed25519 key in each format', () => {
    const raw = ed.export({ format: 'jwk' }).x!;
    const rawBase64 = Buffer.from(raw, 'base64url').toString('base64');
    const minisign = Buffer.concat([Buffer.from('Ed'), Buffer.alloc(8, 7), Buffer.from(raw, 'base64url')]).toString('base64');
    it('gives one fingerprint: raw and minisign keys are fingerprinted through their RFC 8410 SPKI', () => {
      const want = nodeFingerprint(ed);
      expect(keyFingerprint(parsePublicKey('raw-ed25519-base64', rawBase64) as PublicKey)).toBe(want);
      expect(keyFingerprint(parsePublicKey('minisign', minisign) as PublicKey)).toBe(want);
    });
  });

  describe('given keys it must refuse', () => {
    const p256Der = p256.export({ type: 'spki', format: 'der' });
    const compressed = (() => {
      const jwk = p256.export({ format: 'jwk' });
      const x = Buffer.from(jwk.x!, 'base64url');
      const yOdd = Buffer.from(jwk.y!, 'base64url')[31]! & 1;
      return Buffer.concat([Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex'), Buffer.from([2 + yOdd]), x]);
    })();
    const offCurve = Buffer.from(p256Der);
    offCurve[offCurve.length - 1]! ^= 1;
    const asPem = (der: Buffer, label = 'PUBLIC KEY') => `-----BEGIN ${label}-----\n${der.toString('base64')}\n-----END ${label}-----\n`;
    it.each([
      ['an RSA key', pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey)],
      ['a P-521 key', pem(generateKeyPairSync('ec', { namedCurve: 'P-521' }).publicKey)],
      ['a secp256k1 key', pem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey)],
      ['a compressed P-256 point', asPem(compressed)],
      ['a P-256 point off the curve', asPem(offCurve)],
      ['two PEM blocks', pem(ed) + pem(ed)],
      ['text before the block', 'my key:\n' + pem(ed)],
      ['another PEM label', asPem(p256Der, 'EC PUBLIC KEY')],
      ['trailing DER bytes', asPem(Buffer.concat([p256Der, Buffer.from([0])]))],
    ])('rejects %s', (_, text) => {
      expect(typeof parsePublicKey('pem-spki', text)).toBe('string');
    });
    it.each([
      ['31 bytes', Buffer.alloc(31, 9).toString('base64')],
      ['33 bytes', Buffer.alloc(33, 9).toString('base64')],
      ['unpadded base64', Buffer.alloc(32, 9).toString('base64').replace(/=+$/, '')],
      ['URL-safe base64', Buffer.alloc(32, 0xfb).toString('base64url') + '='],
    ])('rejects a raw Ed25519 key of %s', (_, text) => {
      expect(typeof parsePublicKey('raw-ed25519-base64', text)).toBe('string');
    });
  });
});
