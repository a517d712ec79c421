// EXAMPLE KEYS ONLY. Every private key here is derived from a public label, so anyone can
// recompute it: these keys sign the committed examples and test vectors and must never sign
// anything real. Shared by make-examples.mjs and test/fixtures/layouts/vectors/make-vectors.mjs.
//
// This file deliberately does not use shared/layout: it implements the signing rules of
// shared/layout/README.md independently (node:crypto, the `canonicalize` package, the real
// minisign binary when present), so the examples are a check on the verifier, not its mirror.

import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { p256, p384 } from '@noble/curves/nist.js';
import { blake2b } from '@noble/hashes/blake2.js';
import canonicalize from 'canonicalize';

/** Returns SHA-256 of bytes or text. */
export function sha256(data) {
  return createHash('sha256').update(data).digest();
}

/** Returns the RFC 8785 canonical JSON text (the `canonicalize` package, not shared/canonical). */
export function canonical(value) {
  return canonicalize(value);
}

/** Returns the leaf hash RFC 6962 gives the canonical body: SHA-256(0x00 ‖ body), hex. */
export function leafHashHex(canonicalBodyJson) {
  return createHash('sha256').update(Buffer.from([0])).update(canonicalBodyJson, 'utf8').digest('hex');
}

/** Returns the seed of an example key: SHA-256 of a label saying what it is. */
function exampleSeed(name, size = 32) {
  const label = `provwb EXAMPLE key, never use for anything real: ${name}`;
  return size === 48 ? createHash('sha384').update(label).digest() : sha256(label);
}

function spkiInfo(publicKey) {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }),
    spki,
    // The index key fingerprint: SHA-256 of the DER SPKI (README.md "Index keys").
    fingerprint: sha256(spki).toString('hex'),
  };
}

/** An example Ed25519 key (node:crypto): signs messages with RFC 8032 Ed25519. */
export function exampleEd25519(name) {
  const seed = exampleSeed(name);
  const privateKey = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const info = spkiInfo(publicKey);
  return {
    ...info,
    raw: info.spki.subarray(12),
    rawBase64: info.spki.subarray(12).toString('base64'),
    sign: (message) => sign(null, message, privateKey),
    privateKey,
  };
}

const CURVES = {
  p256: { noble: p256, crv: 'P-256', hash: 'sha256', size: 32 },
  p384: { noble: p384, crv: 'P-384', hash: 'sha384', size: 48 },
};

/**
 * An example ECDSA key. Signatures are RFC 6979 deterministic (noble) so the committed files are
 * reproducible, and each one is checked with node:crypto (OpenSSL) before it is used.
 */
export function exampleEcdsa(name, curveName) {
  const curve = CURVES[curveName];
  const secret = exampleSeed(name, curve.size);
  if (!curve.noble.utils.isValidSecretKey(secret)) throw new Error(`example seed for ${name} is not a valid ${curveName} scalar`);
  const point = curve.noble.getPublicKey(secret, false);
  const b64url = (b) => Buffer.from(b).toString('base64url');
  const jwk = { kty: 'EC', crv: curve.crv, x: b64url(point.subarray(1, 1 + curve.size)), y: b64url(point.subarray(1 + curve.size)) };
  const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
  return {
    ...spkiInfo(publicKey),
    /** encoding: 'der' (ASN.1) or 'raw' (r ‖ s, IEEE P1363). */
    sign(message, encoding) {
      const signature = Buffer.from(curve.noble.sign(message, secret, { prehash: true, lowS: false, format: encoding === 'der' ? 'der' : 'compact' }));
      if (!verify(curve.hash, message, { key: publicKey, dsaEncoding: encoding === 'der' ? 'der' : 'ieee-p1363' }, signature)) {
        throw new Error(`node:crypto rejects the ${curveName} example signature`);
      }
      return signature;
    },
  };
}

/**
 * An example minisign key: the unencrypted secret key file minisign -W writes ("Ed", no KDF,
 * "B2" checksum = BLAKE2b-256("Ed" ‖ key ID ‖ secret key)), and the public key lines.
 */
export function exampleMinisign(name) {
  const ed = exampleEd25519(name);
  const keyId = sha256(`minisign key id: ${name}`).subarray(0, 8);
  const pk = ed.raw;
  const sk = Buffer.concat([ed.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16), pk]);
  const checksum = Buffer.from(blake2b(Buffer.concat([Buffer.from('Ed'), keyId, sk]), { dkLen: 32 }));
  const secretFile = (chk) =>
    'untrusted comment: minisign secret key (EXAMPLE, unencrypted)\n' +
    Buffer.concat([Buffer.from('Ed'), Buffer.from([0, 0]), Buffer.from('B2'), Buffer.alloc(32), Buffer.alloc(16), keyId, sk, chk]).toString('base64') +
    '\n';
  const publicLine = Buffer.concat([Buffer.from('Ed'), keyId, pk]).toString('base64');
  const keyIdText = Buffer.from(keyId).reverse().toString('hex').toUpperCase();
  return {
    ...ed,
    keyId,
    publicKeyFile: `untrusted comment: minisign public key ${keyIdText}\n${publicLine}\n`,
    publicLine,
    secretFile: () => secretFile(checksum),
    /**
     * Returns the .minisig text of `message`: algorithm "ED" (Ed25519 over BLAKE2b-512(message)) or
     * "Ed" (legacy, over the message), with the global signature over signature ‖ trusted comment.
     */
    sign(message, { algorithm = 'ED', trustedComment }) {
      const signed = algorithm === 'ED' ? createHash('blake2b512').update(message).digest() : message;
      const signature = ed.sign(signed);
      const global = ed.sign(Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]));
      return (
        'untrusted comment: signature from minisign secret key\n' +
        Buffer.concat([Buffer.from(algorithm), keyId, signature]).toString('base64') +
        '\n' +
        `trusted comment: ${trustedComment}\n` +
        global.toString('base64') +
        '\n'
      );
    },
  };
}

/** Returns true when the minisign binary can be run. */
export function hasMinisign() {
  return spawnSync('minisign', ['-v'], { encoding: 'utf8' }).status === 0;
}

/**
 * Returns the .minisig text the real minisign binary makes for `message` with the example key,
 * or undefined when minisign is not installed.
 */
export function minisignBinarySign(key, message, { algorithm = 'ED', trustedComment }) {
  if (!hasMinisign()) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'provwb-minisign-'));
  try {
    writeFileSync(path.join(dir, 'key'), key.secretFile(), { mode: 0o600 });
    writeFileSync(path.join(dir, 'message'), message);
    const args = ['-S', '-W', '-s', path.join(dir, 'key'), '-m', path.join(dir, 'message'), '-x', path.join(dir, 'sig'), '-t', trustedComment];
    if (algorithm === 'Ed') args.splice(1, 0, '-l');
    const run = spawnSync('minisign', args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`minisign failed: ${run.stderr}`);
    return readFileSync(path.join(dir, 'sig'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns the index-key fingerprint of a 32-byte Ed25519 key given raw: SHA-256 of its RFC 8410 SPKI. */
export function ed25519RawFingerprint(raw) {
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  return sha256(publicKey.export({ type: 'spki', format: 'der' })).toString('hex');
}

/**
 * Returns the statement a `signs: "statement"` signature covers: RFC 8785 JSON of
 * {apiVersion, kind, spec} with the signature member (named by its path) removed from spec.
 */
export function statementBytes(kind, version, spec, signaturePath) {
  const copy = JSON.parse(JSON.stringify(spec));
  let parent = copy;
  for (const token of signaturePath.slice(0, -1)) parent = parent[token];
  delete parent[signaturePath[signaturePath.length - 1]];
  return Buffer.from(canonical({ apiVersion: version, kind, spec: copy }), 'utf8');
}
