import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import type { TestContext } from 'vitest';
import { concatBytes, fromBase64, utf8 } from '../../../../shared/encoding/index.js';
import { createKeyring, type Keyring } from '../../../../electron/engine/keys/index.js';
import type { Clock } from '../../../../electron/engine/log/index.js';
import { openDatabase, type Db } from '../../../../electron/engine/store/index.js';
import { KeyStore } from '../../../../electron/engine/store/key-store.js';
import { FakeClock } from '../../../helpers/fake-clock.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** The passphrase tests seal keys with. */
export const PASSPHRASE = 'correct horse battery staple';

/** A clock at the wall time, for keys made by real tools now (OpenPGP refuses to sign before a key's creation). */
export const wallClock: Clock = { nowMs: () => Date.now() };

/** Returns a keyring over a fresh migrated database in a temporary folder. */
export function tempKeyring(clock: Clock = new FakeClock()): { keyring: Keyring; keyStore: KeyStore; db: Db; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir('provwb-keys-');
  const db = openDatabase(dir);
  const keyStore = new KeyStore(db);
  const keyring = createKeyring({ keyStore, clock, randomBytes: (length) => new Uint8Array(randomBytes(length)) });
  return {
    keyring,
    keyStore,
    db,
    dir,
    cleanup: () => {
      db.close();
      cleanup();
    },
  };
}

/** Returns the path of `tool` on PATH, or skips the running test saying which tool is missing. */
export function requireTool(ctx: TestContext, tool: string, versionArgs: readonly string[] = ['--version']): string {
  const result = spawnSync(tool, versionArgs, { encoding: 'utf8' });
  if (result.error) {
    ctx.skip(`${tool} is not installed (${result.error.message}); install it to run this interop test`);
    throw new Error('unreachable: ctx.skip throws');
  }
  return tool;
}

// ---- independent verifiers, checked against published signatures in keys-test-helpers.test.ts ----

class WireReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw new Error('truncated');
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  uint32(): number {
    const b = this.take(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }
  string(): Uint8Array {
    return this.take(this.uint32());
  }
  text(): string {
    return new TextDecoder().decode(this.string());
  }
  done(): boolean {
    return this.offset === this.bytes.length;
  }
}

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

function str(bytes: Uint8Array | string): Uint8Array {
  const b = typeof bytes === 'string' ? utf8(bytes) : bytes;
  return concatBytes(u32(b.length), b);
}

function sshBlobToKey(blob: Uint8Array): KeyObject {
  const r = new WireReader(blob);
  const type = r.text();
  const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url');
  const trim = (b: Uint8Array) => (b[0] === 0 ? b.subarray(1) : b);
  if (type === 'ssh-ed25519') return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64u(r.string()) }, format: 'jwk' });
  if (type === 'ecdsa-sha2-nistp256') {
    r.string();
    const q = r.string();
    return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(q.subarray(1, 33)), y: b64u(q.subarray(33)) }, format: 'jwk' });
  }
  if (type === 'ssh-rsa') {
    const e = trim(r.string());
    const n = trim(r.string());
    return createPublicKey({ key: { kty: 'RSA', e: b64u(e), n: b64u(n) }, format: 'jwk' });
  }
  throw new Error(`unknown key type ${type}`);
}

/**
 * Returns true when `armored` is a valid SSHSIG (PROTOCOL.sshsig) by the key of the OpenSSH line
 * `publicKeyLine` over `data` in `namespace`. Written from the spec, independently of the engine.
 */
export function verifySshsig(armored: string, publicKeyLine: string, namespace: string, data: Uint8Array): boolean {
  const body = armored.replace('-----BEGIN SSH SIGNATURE-----', '').replace('-----END SSH SIGNATURE-----', '').replace(/\s+/g, '');
  const r = new WireReader(fromBase64(body));
  if (new TextDecoder().decode(r.take(6)) !== 'SSHSIG' || r.uint32() !== 1) return false;
  const publicBlob = r.string();
  const lineBlob = fromBase64(publicKeyLine.trim().split(/\s+/)[1]!);
  if (Buffer.compare(Buffer.from(publicBlob), Buffer.from(lineBlob)) !== 0) return false;
  if (r.text() !== namespace) return false;
  r.string();
  const hashAlgorithm = r.text();
  const signature = new WireReader(r.string());
  if (!r.done()) return false;
  const digest = createHash(hashAlgorithm).update(data).digest();
  const signed = concatBytes(utf8('SSHSIG'), str(namespace), str(''), str(hashAlgorithm), str(digest));
  const sigType = signature.text();
  const sigBlob = signature.string();
  const key = sshBlobToKey(publicBlob);
  switch (sigType) {
    case 'ssh-ed25519':
      return verify(null, signed, key, sigBlob);
    case 'ecdsa-sha2-nistp256': {
      const rs = new WireReader(sigBlob);
      const pad = (b: Uint8Array) => concatBytes(new Uint8Array(32), b.subarray(b[0] === 0 ? 1 : 0)).slice(-32);
      return verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, concatBytes(pad(rs.string()), pad(rs.string())));
    }
    case 'rsa-sha2-512':
      return verify('sha512', signed, key, sigBlob);
    case 'rsa-sha2-256':
      return verify('sha256', signed, key, sigBlob);
    default:
      return false;
  }
}

/**
 * Returns true when `minisig` (a `.minisig` file) verifies for `data` with the minisign public key
 * file `publicKeyText`: the signature (`Ed` raw or `ED` BLAKE2b-512) and the global signature over
 * signature ‖ trusted comment. Written from the minisign docs, independently of the engine.
 */
export function verifyMinisig(minisig: string, publicKeyText: string, data: Uint8Array): boolean {
  const keyLine = publicKeyText.trim().split('\n').filter((l) => !l.startsWith('untrusted comment:'))[0]!;
  const pub = fromBase64(keyLine.trim());
  const lines = minisig.split('\n');
  const sig = fromBase64(lines[1]!.trim());
  const trustedComment = lines[2]!.replace(/^trusted comment: /, '');
  const global = fromBase64(lines[3]!.trim());
  if (Buffer.compare(Buffer.from(sig.subarray(2, 10)), Buffer.from(pub.subarray(2, 10))) !== 0) return false;
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(pub.subarray(10)).toString('base64url') }, format: 'jwk' });
  const alg = new TextDecoder().decode(sig.subarray(0, 2));
  const message = alg === 'ED' ? blake2b(data, { dkLen: 64 }) : data;
  return verify(null, message, key, sig.subarray(10)) && verify(null, concatBytes(sig.subarray(10), utf8(trustedComment)), key, global);
}

/** What a finished tool run printed. */
export interface ToolResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tool` synchronously (no shell) and returns its exit status and output. */
export function runTool(tool: string, args: readonly string[], options: { input?: string | Uint8Array; env?: Record<string, string>; cwd?: string } = {}): ToolResult {
  const result = spawnSync(tool, args, {
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Returns a one-line description of a tool run for assertion messages. */
export function describeRun(r: ToolResult): string {
  return `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
}
