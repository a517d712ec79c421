/**
 * SSH public keys as golang.org/x/crypto/ssh (v0.55, Rekor's) reads, writes and verifies them:
 * `ParseAuthorizedKey` (options, comments, the declared type must match the blob), `ParsePublicKey`,
 * `MarshalAuthorizedKey` ("<type> <base64>\n", no comment) and each key type's `Verify`. RSA,
 * Ed25519 and ECDSA P-256/384/521 are supported; DSA, security-key (sk-*) and certificate keys are
 * refused as unsupported.
 */

import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { InputError } from '../../../../shared/api/index.js';
import { concatBytes, toBase64, utf8 } from '../../../../shared/encoding/index.js';
import { marshalSshPublicKey, SshReader, SshWireError, type SshEcdsaCurveName } from '../../ssh/index.js';
import { decodeGoBase64 } from './go-base64.js';
import { byteString } from './go-pem.js';
import { describePublicKey, type EcCurve, type PublicKeyInfo } from './public-key-info.js';
import { digestOf, verifyEcdsaRs, type HashName } from './verify-signature.js';

/** A parsed SSH public key. */
export type SshPublicKey =
  | { readonly type: 'ssh-rsa'; readonly e: bigint; readonly n: bigint; readonly info: PublicKeyInfo }
  | { readonly type: 'ssh-ed25519'; readonly key: Uint8Array; readonly info: PublicKeyInfo }
  | { readonly type: `ecdsa-sha2-${SshEcdsaCurveName}`; readonly curve: EcCurve; readonly point: Uint8Array; readonly info: PublicKeyInfo };

/** An SSH signature blob (`ssh.Signature`). */
export interface SshSignatureBlob {
  readonly format: string;
  readonly blob: Uint8Array;
  readonly rest: Uint8Array;
}

/** Thrown by the parsers for keys Rekor (x/crypto) would refuse; callers pick the error code. */
export class SshKeyError extends Error {}

const CURVES: Readonly<Record<string, { curve: EcCurve; crv: string; hash: HashName; size: number }>> = {
  nistp256: { curve: 'P-256', crv: 'P-256', hash: 'sha256', size: 32 },
  nistp384: { curve: 'P-384', crv: 'P-384', hash: 'sha384', size: 48 },
  nistp521: { curve: 'P-521', crv: 'P-521', hash: 'sha512', size: 66 },
};

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function unsignedBytes(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

function infoOfJwk(jwk: Record<string, string>): PublicKeyInfo {
  try {
    return describePublicKey(createPublicKey({ key: jwk, format: 'jwk' }), 'the SSH key');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new SshKeyError(`ssh: invalid key (${(error as Error).message})`);
  }
}

function parseKeyBody(algorithm: string, r: SshReader): SshPublicKey {
  if (algorithm === 'ssh-rsa') {
    const e = r.mpint();
    const n = r.mpint();
    if (n <= 0n || n.toString(2).length > 16384) throw new SshKeyError('ssh: rsa modulus too large or invalid');
    if (e.toString(2).length > 24 && e > 0n) throw new SshKeyError('ssh: exponent too large');
    if (e < 3n || e % 2n === 0n) throw new SshKeyError('ssh: incorrect exponent');
    return { type: 'ssh-rsa', e, n, info: infoOfJwk({ kty: 'RSA', n: b64url(unsignedBytes(n)), e: b64url(unsignedBytes(e)) }) };
  }
  if (algorithm === 'ssh-ed25519') {
    const key = r.bytes();
    if (key.length !== 32) throw new SshKeyError(`ssh: invalid size ${key.length} for Ed25519 public key`);
    return { type: 'ssh-ed25519', key: key.slice(), info: infoOfJwk({ kty: 'OKP', crv: 'Ed25519', x: b64url(key) }) };
  }
  if (algorithm.startsWith('ecdsa-sha2-')) {
    const curveName = byteString(r.bytes());
    if (algorithm !== `ecdsa-sha2-${curveName}`) throw new SshKeyError(`ssh: algorithm type mismatch: expected ${JSON.stringify(algorithm)}, found curve ${JSON.stringify(curveName)}`);
    const curve = CURVES[curveName];
    if (!curve) throw new SshKeyError('ssh: unsupported curve');
    const point = r.bytes();
    if (point.length !== 1 + 2 * curve.size || point[0] !== 4) throw new SshKeyError('ssh: invalid curve point');
    const x = point.subarray(1, 1 + curve.size);
    const y = point.subarray(1 + curve.size);
    return { type: algorithm as `ecdsa-sha2-${SshEcdsaCurveName}`, curve: curve.curve, point: point.slice(), info: infoOfJwk({ kty: 'EC', crv: curve.crv, x: b64url(x), y: b64url(y) }) };
  }
  throw new SshKeyError(`ssh: unsupported key algorithm ${algorithm} (Rekor entries here take RSA, Ed25519 and ECDSA keys)`);
}

/** Returns the key in an SSH public key blob (`ssh.ParsePublicKey`). Throws SshKeyError, SshWireError or InputError. */
export function parseSshPublicKeyBlob(blob: Uint8Array): SshPublicKey {
  const r = new SshReader(blob);
  const key = parseKeyBody(byteString(r.bytes()), r);
  if (r.rest().length > 0) throw new SshKeyError('ssh: trailing junk in public key');
  return key;
}

/** Returns `ssh.MarshalAuthorizedKey(key)`: "<type> <base64 blob>\n". */
export function marshalAuthorizedKey(key: SshPublicKey): Uint8Array {
  return utf8(`${key.type} ${toBase64(marshalSshPublicKey(key))}\n`);
}

function parseKeyField(field: string): { key: SshPublicKey; comment: string } {
  const text = field.trim();
  const space = text.search(/[ \t]/);
  const end = space < 0 ? text.length : space;
  const blob = decodeGoBase64(text.slice(0, end));
  if (!blob) throw new SshKeyError('illegal base64 data');
  return { key: parseSshPublicKeyBlob(blob), comment: text.slice(end).trim() };
}

function tryLine(declaredType: string, rest: string): { key: SshPublicKey; comment: string } | Error {
  try {
    const parsed = parseKeyField(rest);
    if (parsed.key.type === declaredType) return parsed;
    return new SshKeyError(`ssh: authorized keys key type mismatch: human-readable type ${JSON.stringify(declaredType)}, encoded type ${JSON.stringify(parsed.key.type)}`);
  } catch (error) {
    if (error instanceof SshKeyError || error instanceof SshWireError) return error;
    throw error;
  }
}

/** Returns the first key of an authorized_keys text and its comment, or throws InputError('public_key_invalid' | 'public_key_unsupported'). */
export function parseAuthorizedKey(bytes: Uint8Array): { key: SshPublicKey; comment: string } {
  if (bytes.length > 65536) throw new InputError('public_key_invalid', `SSH public key of ${bytes.length} bytes exceeds Rekor's 64 KiB limit`);
  let lastError: Error | undefined;
  for (const rawLine of byteString(bytes).split('\n')) {
    const cr = rawLine.indexOf('\r');
    let line = (cr < 0 ? rawLine : rawLine.slice(0, cr)).trim();
    if (line === '' || line.startsWith('#')) continue;
    let i = line.search(/[ \t]/);
    if (i < 0) continue;
    const first = tryLine(line.slice(0, i), line.slice(i));
    if (!(first instanceof Error)) return first;
    lastError = first;
    // No key type recognised: maybe an options field comes first (quotes may hold spaces).
    let inQuote = false;
    for (i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (!inQuote && (c === ' ' || c === '\t')) break;
      if (c === '"' && (i === 0 || line[i - 1] !== '\\')) inQuote = !inQuote;
    }
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i === line.length) continue;
    line = line.slice(i);
    i = line.search(/[ \t]/);
    if (i < 0) continue;
    const second = tryLine(line.slice(0, i), line.slice(i));
    if (!(second instanceof Error)) return second;
    lastError = second;
  }
  const unsupported = lastError instanceof SshKeyError && lastError.message.includes('unsupported key algorithm');
  throw new InputError(unsupported ? 'public_key_unsupported' : 'public_key_invalid', `ssh: no key found${lastError ? `; last parsing error: ${lastError.message}` : ''}`);
}

const RSA_SIGNATURE_HASHES: Readonly<Record<string, string>> = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512', 'ssh-rsa': 'sha1' };

/** Returns true when `signature` verifies over `data` with `key` (x/crypto's `PublicKey.Verify`). Never throws. */
export function verifySshSignature(key: SshPublicKey, data: Uint8Array, signature: SshSignatureBlob): boolean {
  try {
    if (key.type === 'ssh-rsa') {
      const hash = RSA_SIGNATURE_HASHES[signature.format];
      if (!hash || key.info.type !== 'rsa') return false;
      const size = key.info.sizeBytes;
      // OpenSSH accepts signatures missing leading zero bytes; x/crypto pads them back.
      const blob = signature.blob.length < size ? concatBytes(new Uint8Array(size - signature.blob.length), signature.blob) : signature.blob;
      return nodeVerify(hash, data, key.info.key, blob);
    }
    if (signature.format !== key.type) return false;
    if (key.type === 'ssh-ed25519') return signature.blob.length === 64 && ed25519.verify(signature.blob, data, key.key, { zip215: false });
    const r = new SshReader(signature.blob);
    const rs = [r.mpint(), r.mpint()] as const;
    r.assertEnd();
    const curve = CURVES[key.type.slice('ecdsa-sha2-'.length)]!;
    return verifyEcdsaRs(key.curve, key.point, digestOf(curve.hash, data), rs[0], rs[1]);
  } catch {
    return false;
  }
}
