import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import {
  computeKeyId,
  createRfc6962Verifier,
  formatCheckpoint,
  formatKeyId,
  formatRfc6962NoteSignature,
  formatVerifierKey,
  openCheckpoint,
  openNote,
  parseRfc6962NoteSignature,
  parseVerifierKey,
  rfc6962LogId,
  treeHeadSignatureInput,
  type NoteVerifier,
} from '../../../../shared/note/index.js';
import { expectNoteError, readNoteFixture } from './note-test-helpers.js';

const bytes = (b64: string) => Uint8Array.from(Buffer.from(b64, 'base64'));
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Returns a note line `— name base64(keyID ‖ sig)`. */
const signatureLine = (verifier: NoteVerifier, sig: Uint8Array) =>
  `\u2014 ${verifier.name} ${b64(Buffer.concat([Buffer.from(formatKeyId(verifier.keyId), 'hex'), sig]))}\n`;

describe('createRfc6962Verifier', () => {
  describe('given the production rome.ct.filippo.io/2024h1 checkpoint', () => {
    const f = readNoteFixture<{
      inputs: { note: string; name: string; spkiBase64: string };
      want: { vkey: string; origin: string; size: number; rootHash: string; keyHash: string; timestampMs: number };
    }>('rome-2024h1-checkpoint.json');
    const verifier = createRfc6962Verifier(f.inputs.name, bytes(f.inputs.spkiBase64));

    it('derives the key ID from the log ID and formats the published vkey', () => {
      expect(formatKeyId(verifier.keyId)).toBe(f.want.keyHash);
      const logId = createHash('sha256').update(bytes(f.inputs.spkiBase64)).digest();
      expect(Buffer.from(rfc6962LogId(bytes(f.inputs.spkiBase64)))).toEqual(logId);
      expect(verifier.keyId).toBe(computeKeyId(f.inputs.name, Buffer.concat([Buffer.of(5), logId])));
      expect(formatVerifierKey(verifier)).toBe(f.want.vkey);
      expect(parseVerifierKey(f.want.vkey)).toMatchObject({ name: f.inputs.name, keyId: verifier.keyId, type: 'rfc6962' });
    });

    it('verifies it and reports the tree head timestamp', () => {
      const opened = openCheckpoint(f.inputs.note, [parseVerifierKey(f.want.vkey)], { origin: f.want.origin });
      expect(opened.checkpoint.size).toBe(f.want.size);
      expect(b64(opened.checkpoint.rootHash)).toBe(f.want.rootHash);
      expect(opened.signatures).toMatchObject([{ type: 'rfc6962', timestampMs: f.want.timestampMs }]);
      expect(opened.signatures[0]).not.toHaveProperty('timestampSec');
    });

    it('rejects the upstream "B0rked" mutation (origin changed) as invalid_signature', () => {
      expectNoteError(() => openNote(`B0rked${f.inputs.note}`, [verifier]), VerificationError, 'invalid_signature', `invalid signature for key ${f.inputs.name}+${f.want.keyHash}`);
    });

    it('rejects a changed tree size, root or timestamp as invalid_signature', () => {
      const raw = Buffer.from(bytes(f.inputs.note.split(' ').at(-1)!.trim()));
      raw.writeBigUInt64BE(raw.readBigUInt64BE(4) + 1n, 4);
      const mutations = [
        f.inputs.note.replace('\n115474666\n', '\n115474667\n'),
        f.inputs.note.replace('2q1K', '2q1L'),
        f.inputs.note.replace(f.inputs.note.split(' ').at(-1)!.trim(), raw.toString('base64')),
      ];
      for (const note of mutations) expectNoteError(() => openNote(note, [verifier]), VerificationError, 'invalid_signature');
    });
  });

  describe('given the production Argon 2024 get-sth response', () => {
    const f = readNoteFixture<{
      inputs: { sth: { tree_size: number; timestamp: number; sha256_root_hash: string; tree_head_signature: string }; name: string; spkiBase64: string };
      want: { vkey: string };
    }>('argon2024-sth.json');
    it('converts it to a checkpoint whose RFC 6962 note signature verifies', () => {
      const verifier = createRfc6962Verifier(f.inputs.name, bytes(f.inputs.spkiBase64));
      expect(formatVerifierKey(verifier)).toBe(f.want.vkey);
      const { sth } = f.inputs;
      const text = formatCheckpoint({ origin: f.inputs.name, size: sth.tree_size, rootHash: bytes(sth.sha256_root_hash), extensions: [] });
      const digitallySigned = bytes(sth.tree_head_signature);
      const sig = Buffer.concat([Buffer.alloc(8), digitallySigned]);
      sig.writeBigUInt64BE(BigInt(sth.timestamp), 0);
      const parsed = parseRfc6962NoteSignature(sig)!;
      expect(parsed).toMatchObject({ timestampMs: BigInt(sth.timestamp), hashAlgorithm: 4, signatureAlgorithm: 3 });
      expect(Buffer.from(formatRfc6962NoteSignature(sth.timestamp, parsed.signature))).toEqual(sig);
      const opened = openCheckpoint(`${text}\n${signatureLine(verifier, sig)}`, [parseVerifierKey(f.want.vkey)]);
      expect(opened.checkpoint.size).toBe(1267285836);
      expect(opened.signatures).toMatchObject([{ type: 'rfc6962', timestampMs: sth.timestamp }]);
    });
  });

  describe('given Sunlight\'s skylight checkpoint signed by the log and cosigned by a witness', () => {
    const f = readNoteFixture<{
      inputs: { note: string; name: string; spkiBase64: string; witnessVkey: string };
      want: { origin: string; size: number; rootHash: string; logIdBase64: string; timestampMs: number; witnessTimestampSec: number };
    }>('skylight-rome2026h1-witnessed-checkpoint.json');
    const log = createRfc6962Verifier(f.inputs.name, bytes(f.inputs.spkiBase64));
    it('has the log ID published in log.v3.json', () => {
      expect(b64(rfc6962LogId(bytes(f.inputs.spkiBase64)))).toBe(f.want.logIdBase64);
    });
    it('verifies both signatures with their types and timestamps', () => {
      const opened = openCheckpoint(f.inputs.note, [log, parseVerifierKey(f.inputs.witnessVkey)], { origin: f.want.origin });
      expect(opened.checkpoint.size).toBe(f.want.size);
      expect(b64(opened.checkpoint.rootHash)).toBe(f.want.rootHash);
      expect(opened.signatures).toMatchObject([
        { name: f.inputs.name, type: 'rfc6962', timestampMs: f.want.timestampMs },
        { name: 'witness.example.org', type: 'cosignature/v1', timestampSec: f.want.witnessTimestampSec },
      ]);
    });
    it('verifies the log signature alone, reporting the witness as unverified', () => {
      const opened = openNote(f.inputs.note, [log]);
      expect(opened.unverifiedSignatures.map((s) => s.name)).toEqual(['witness.example.org']);
    });
  });

  describe('given tree heads signed here with node:crypto (ECDSA P-256)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const name = 'ct.example.com/2026';
    const verifier = createRfc6962Verifier(name, spki);
    const root = createHash('sha256').update('root').digest();
    const timestampMs = 1767139200123;
    const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

    /** DER-encodes (r, s) independently of @noble/curves. */
    const der = (r: bigint, s: bigint) => {
      const int = (v: bigint) => {
        let hex = v.toString(16);
        if (hex.length % 2) hex = `0${hex}`;
        const b = Buffer.from(hex, 'hex');
        const body = b[0]! & 0x80 ? Buffer.concat([Buffer.of(0), b]) : b;
        return Buffer.concat([Buffer.of(2, body.length), body]);
      };
      const seq = Buffer.concat([int(r), int(s)]);
      return Buffer.concat([Buffer.of(0x30, seq.length), seq]);
    };
    const signTreeHead = (size: number, highS: boolean) => {
      const p1363 = nodeSign('sha256', treeHeadSignatureInput(timestampMs, size, root), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const r = BigInt(`0x${p1363.subarray(0, 32).toString('hex')}`);
      let s = BigInt(`0x${p1363.subarray(32).toString('hex')}`);
      if (highS !== s > P256_N / 2n) s = P256_N - s;
      return formatRfc6962NoteSignature(timestampMs, der(r, s));
    };
    const note = (origin: string, size: number, sig: Uint8Array, extensions: string[] = []) =>
      `${formatCheckpoint({ origin, size, rootHash: root, extensions })}\n${signatureLine(verifier, sig)}`;

    it('verifies low-S and high-S signatures (Go accepts both)', () => {
      for (const highS of [false, true]) {
        expect(openCheckpoint(note(name, 42, signTreeHead(42, highS)), [verifier]).signatures).toMatchObject([{ type: 'rfc6962', timestampMs }]);
      }
    });
    it('rejects a checkpoint whose origin is not the key name, though the ECDSA signature is valid', () => {
      expectNoteError(() => openNote(note('ct.example.com/other', 42, signTreeHead(42, false)), [verifier]), VerificationError, 'invalid_signature');
    });
    it('rejects a checkpoint with an extension line, though the ECDSA signature is valid', () => {
      expectNoteError(() => openNote(note(name, 42, signTreeHead(42, false), ['ext']), [verifier]), VerificationError, 'invalid_signature');
    });
    it('rejects a signature for another tree size', () => {
      expectNoteError(() => openNote(note(name, 43, signTreeHead(42, false)), [verifier]), VerificationError, 'invalid_signature');
    });
    it('rejects wrong algorithm bytes, trailing bytes and a short length prefix', () => {
      const good = Buffer.from(signTreeHead(42, false));
      const rsa = Buffer.from(good);
      rsa[9] = 1;
      const sha384 = Buffer.from(good);
      sha384[8] = 5;
      const trailing = Buffer.concat([good, Buffer.of(0)]);
      const short = Buffer.from(good);
      short.writeUInt16BE(short.readUInt16BE(10) - 1, 10);
      for (const sig of [rsa, sha384, trailing, short]) {
        expectNoteError(() => openNote(note(name, 42, sig), [verifier]), VerificationError, 'invalid_signature');
      }
    });
    it('round-trips its verifier key through parseVerifierKey', () => {
      const parsed = parseVerifierKey(formatVerifierKey(verifier));
      expect(openNote(note(name, 7, signTreeHead(7, false)), [parsed]).signatures).toHaveLength(1);
    });
  });

  describe('given keys that are not P-256 SubjectPublicKeyInfo', () => {
    it('throws malformed_key from createRfc6962Verifier and parseVerifierKey', () => {
      const ed = new Uint8Array(generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }));
      const p384 = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' }));
      const p256 = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }));
      const offCurve = p256.slice();
      offCurve[offCurve.length - 1]! ^= 1;
      for (const spki of [ed, p384, offCurve, p256.subarray(0, 90)]) {
        expectNoteError(() => createRfc6962Verifier('log', spki), InputError, 'malformed_key', 'malformed verifier id');
        const keyId = computeKeyId('log', Buffer.concat([Buffer.of(5), rfc6962LogId(spki)]));
        expectNoteError(() => parseVerifierKey(`log+${formatKeyId(keyId)}+${b64(Buffer.concat([Buffer.of(5), spki]))}`), InputError, 'malformed_key', 'malformed verifier id');
      }
      expectNoteError(() => createRfc6962Verifier('bad name', p256), InputError, 'invalid_key_name');
    });
  });
});
