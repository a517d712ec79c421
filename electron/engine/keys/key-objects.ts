import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { bytesEqual, concatBytes } from '../../../shared/encoding/index.js';
import { keyInvalid } from './key-errors.js';

/**
 * node:crypto KeyObjects to and from the raw components other formats carry (OpenSSH, minisign).
 * Imports go through JWK, which OpenSSL checks (EC points must be on the curve).
 */

/** Algorithms the keyring signs with through node:crypto. */
export type KeyAlgorithm = 'ed25519' | 'ecdsa-p256' | 'rsa';

/** Returns the algorithm of a KeyObject, or undefined for one the keyring does not use. */
export function keyAlgorithm(key: KeyObject): KeyAlgorithm | undefined {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'ed25519';
    case 'ec':
      return key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'ecdsa-p256' : undefined;
    case 'rsa':
      return 'rsa';
    default:
      return undefined;
  }
}

function b64u(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function fromB64u(text: string | undefined): Uint8Array {
  if (text === undefined) throw new Error('bug: JWK component missing');
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

/** Returns a big-endian magnitude left-padded with zeros to `length` bytes. */
function leftPad(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (bytes.length > length) throw keyInvalid(what, `component of ${bytes.length} bytes where at most ${length} fit`);
  return concatBytes(new Uint8Array(length - bytes.length), bytes);
}

function importKey(jwk: JsonWebKey, isPrivate: boolean, what: string): KeyObject {
  try {
    return isPrivate ? createPrivateKey({ key: jwk, format: 'jwk' }) : createPublicKey({ key: jwk, format: 'jwk' });
  } catch (error) {
    throw keyInvalid(what, `the key material is rejected by OpenSSL (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Returns the DER SubjectPublicKeyInfo of a public key. */
export function spkiDer(publicKey: KeyObject): Uint8Array {
  return new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
}

/** Returns the PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`) of a public key. */
export function spkiPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** Returns the DER PKCS#8 of a private key (unencrypted: the keyring seals it itself). */
export function pkcs8Der(privateKey: KeyObject): Uint8Array {
  return new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' }));
}

/** Returns the private key of a DER PKCS#8. */
export function privateKeyFromPkcs8(der: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

/** Returns true when the private key's public half is `publicKey`. */
export function isKeyPair(privateKey: KeyObject, publicKey: KeyObject): boolean {
  return bytesEqual(spkiDer(createPublicKey(privateKey)), spkiDer(publicKey));
}

/** Returns the 32-byte Ed25519 public key. */
export function ed25519Raw(publicKey: KeyObject): Uint8Array {
  return fromB64u(publicKey.export({ format: 'jwk' }).x);
}

/** Returns the Ed25519 public key of 32 raw bytes. */
export function ed25519PublicKey(raw: Uint8Array, what: string): KeyObject {
  if (raw.length !== 32) throw keyInvalid(what, `Ed25519 public key of ${raw.length} bytes, want 32`);
  return importKey({ kty: 'OKP', crv: 'Ed25519', x: b64u(raw) }, false, what);
}

/** Returns the Ed25519 private key of a 32-byte seed and its public key; throws if they do not belong together. */
export function ed25519PrivateKey(seed: Uint8Array, publicRaw: Uint8Array, what: string): KeyObject {
  if (seed.length !== 32 || publicRaw.length !== 32) throw keyInvalid(what, 'Ed25519 seed and public key must be 32 bytes each');
  const privateKey = importKey({ kty: 'OKP', crv: 'Ed25519', d: b64u(seed), x: b64u(publicRaw) }, true, what);
  // JWK import does not check x against d; a mismatched pair would make signatures nobody can verify.
  if (!bytesEqual(ed25519Raw(createPublicKey(privateKey)), publicRaw)) throw keyInvalid(what, 'the Ed25519 public key does not match the private key');
  return privateKey;
}

/** Returns the uncompressed SEC1 point (0x04 ‖ X ‖ Y, 65 bytes) of a P-256 public key. */
export function p256Point(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return concatBytes(Uint8Array.of(4), fromB64u(jwk.x), fromB64u(jwk.y));
}

/** Returns the 32-byte private scalar of a P-256 private key. */
export function p256Scalar(privateKey: KeyObject): Uint8Array {
  return leftPad(fromB64u(privateKey.export({ format: 'jwk' }).d), 32, 'ECDSA P-256');
}

function p256Jwk(point: Uint8Array, what: string): JsonWebKey {
  // Compressed points are legal SEC1 but OpenSSH and our exports always use the uncompressed form.
  if (point.length !== 65 || point[0] !== 4) throw keyInvalid(what, 'P-256 point is not 65-byte uncompressed form');
  return { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) };
}

/** Returns the P-256 public key of an uncompressed point. */
export function p256PublicKey(point: Uint8Array, what: string): KeyObject {
  return importKey(p256Jwk(point, what), false, what);
}

/** Returns the P-256 private key of scalar `d` and its point; throws if they do not belong together. */
export function p256PrivateKey(d: Uint8Array, point: Uint8Array, what: string): KeyObject {
  const privateKey = importKey({ ...p256Jwk(point, what), d: b64u(leftPad(d, 32, what)) }, true, what);
  if (!bytesEqual(p256Point(createPublicKey(privateKey)), point)) throw keyInvalid(what, 'the P-256 public key does not match the private key');
  return privateKey;
}

/** Returns the RSA public exponent and modulus, big-endian without leading zeros. */
export function rsaPublicParams(publicKey: KeyObject): { e: Uint8Array; n: Uint8Array } {
  const jwk = publicKey.export({ format: 'jwk' });
  return { e: fromB64u(jwk.e), n: fromB64u(jwk.n) };
}

/** Returns the RSA public key of exponent `e` and modulus `n`. */
export function rsaPublicKey(e: Uint8Array, n: Uint8Array, what: string): KeyObject {
  return importKey({ kty: 'RSA', e: b64u(e), n: b64u(n) }, false, what);
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + Buffer.from(bytes).toString('hex'));
}

function fromBigInt(value: bigint): Uint8Array {
  const hex = value.toString(16);
  return new Uint8Array(Buffer.from(hex.length % 2 === 0 ? hex : '0' + hex, 'hex'));
}

/**
 * Returns the RSA private key of OpenSSH's components (n, e, d, iqmp, p, q), deriving the CRT
 * exponents dp = d mod (p−1) and dq = d mod (q−1) that PKCS#1 stores and OpenSSH does not.
 */
export function rsaPrivateKey(c: { n: Uint8Array; e: Uint8Array; d: Uint8Array; iqmp: Uint8Array; p: Uint8Array; q: Uint8Array }, what: string): KeyObject {
  const p = toBigInt(c.p);
  const q = toBigInt(c.q);
  const d = toBigInt(c.d);
  if (p < 3n || q < 3n || p * q !== toBigInt(c.n)) throw keyInvalid(what, 'RSA primes do not multiply to the modulus');
  return importKey(
    { kty: 'RSA', n: b64u(c.n), e: b64u(c.e), d: b64u(c.d), p: b64u(c.p), q: b64u(c.q), dp: b64u(fromBigInt(d % (p - 1n))), dq: b64u(fromBigInt(d % (q - 1n))), qi: b64u(c.iqmp) },
    true,
    what,
  );
}
