import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import {
  cosignCheckpoint,
  formatVerifierKey,
  generateSignerKey,
  openCheckpoint,
  openNote,
  parseCosignerKey,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
} from '../../../../shared/note/index.js';
import { testdataPath } from '../../../helpers/testdata.js';
import { expectNoteError } from './note-test-helpers.js';

const LOG_VKEY = 'example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx';
const checkpointNote = readFileSync(testdataPath('tlog-tiles/tessera-log/checkpoint'), 'utf8');
const witness = generateSignerKey('witness.example.net', Uint8Array.from({ length: 32 }, (_, i) => i + 1));
const T = 1767139200;

/** Checks an Ed25519 signature with node:crypto, independently of @noble/curves. */
function nodeEd25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), publicKey]), format: 'der', type: 'spki' });
  return nodeVerify(null, message, key, signature);
}

function lastSignatureBytes(note: string): Uint8Array {
  const sigs = parseNote(note).signatures;
  return Uint8Array.from(Buffer.from(sigs[sigs.length - 1]!.base64, 'base64'));
}

describe('cosignCheckpoint', () => {
  const cosigner = parseCosignerKey(witness.skey);
  const verifiers = [parseVerifierKey(LOG_VKEY), parseVerifierKey(formatVerifierKey(cosigner.verifier))];

  describe('given a log-signed checkpoint', () => {
    const cosigned = cosignCheckpoint(checkpointNote, cosigner, T);

    it('appends one cosignature/v1 line after the log signature', () => {
      expect(cosigned.startsWith(checkpointNote)).toBe(true);
      expect(parseNote(cosigned).signatures.map((s) => s.name)).toEqual(['example.com/log/testdata', 'witness.example.net']);
    });

    it('opens with both keys, reporting the cosignature type and time', () => {
      const opened = openCheckpoint(cosigned, verifiers);
      expect(opened.signatures).toMatchObject([
        { name: 'example.com/log/testdata', type: 'ed25519' },
        { name: 'witness.example.net', type: 'cosignature/v1', timestampSec: T },
      ]);
      expect(opened.signatures[1]).not.toHaveProperty('timestampMs');
    });

    it('signs exactly keyID ‖ uint64_be(T) ‖ Ed25519("cosignature/v1\\ntime T\\n" ‖ body), checked with node:crypto', () => {
      const raw = lastSignatureBytes(cosigned);
      expect(raw).toHaveLength(4 + 8 + 64);
      expect(Buffer.from(raw).readUInt32BE(0)).toBe(cosigner.keyId);
      expect(Buffer.from(raw).readBigUInt64BE(4)).toBe(BigInt(T));
      const body = parseNote(cosigned).text;
      const message = Buffer.from(`cosignature/v1\ntime ${T}\n${body}`, 'utf8');
      expect(nodeEd25519Verify(cosigner.verifier.publicKey, message, raw.subarray(12))).toBe(true);
      expect(nodeEd25519Verify(cosigner.verifier.publicKey, Buffer.from(body), raw.subarray(12))).toBe(false);
    });

    it('is reported as unverified by a verifier that knows only the log key', () => {
      const opened = openNote(cosigned, [verifiers[0]!]);
      expect(opened.unverifiedSignatures.map((s) => s.name)).toEqual(['witness.example.net']);
    });

    it('replaces its own earlier cosignature when cosigning again later', () => {
      const again = cosignCheckpoint(cosigned, cosigner, T + 60);
      expect(parseNote(again).signatures).toHaveLength(2);
      expect(openCheckpoint(again, verifiers).signatures[1]).toMatchObject({ timestampSec: T + 60 });
    });
  });

  describe('given a cosignature whose timestamp bytes were changed', () => {
    it('rejects the note as invalid_signature', () => {
      const cosigned = cosignCheckpoint(checkpointNote, cosigner, T);
      const raw = Buffer.from(lastSignatureBytes(cosigned));
      for (const ts of [BigInt(T + 1), 2n ** 60n]) {
        raw.writeBigUInt64BE(ts, 4);
        const forged = cosigned.replace(parseNote(cosigned).signatures[1]!.base64, raw.toString('base64'));
        expectNoteError(() => openCheckpoint(forged, verifiers), VerificationError, 'invalid_signature', `invalid signature for key witness.example.net+${cosigner.keyId.toString(16).padStart(8, '0')}`);
      }
    });
  });

  describe('given a cosignature truncated to 40 bytes', () => {
    it('rejects the note as invalid_signature', () => {
      const cosigned = cosignCheckpoint(checkpointNote, cosigner, T);
      const short = Buffer.from(lastSignatureBytes(cosigned)).subarray(0, 40).toString('base64');
      const forged = cosigned.replace(parseNote(cosigned).signatures[1]!.base64, short);
      expectNoteError(() => openCheckpoint(forged, verifiers), VerificationError, 'invalid_signature');
    });
  });

  describe('given a signed note that is not a checkpoint', () => {
    it('throws malformed_checkpoint and signs nothing', () => {
      const note = signNote('hello\n', [parseSignerKey(witness.skey)]);
      expectNoteError(() => cosignCheckpoint(note, cosigner, T), InputError, 'malformed_checkpoint');
    });
  });

  describe('given a timestamp that is not a non-negative integer', () => {
    it.each([-1, 1.5, Number.NaN])('%s is a bug', (t) => {
      expect(() => cosignCheckpoint(checkpointNote, cosigner, t)).toThrow(/^bug: /);
    });
  });
});
