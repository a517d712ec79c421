import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { createEd25519Verifier, formatCheckpoint, openCheckpoint, parseSignerKey, parseVerifierKey, signNote } from '../../../../shared/note/index.js';
import { readTestdataJson, testdataPath } from '../../../helpers/testdata.js';
import { expectNoteError, readNoteFixture } from './note-test-helpers.js';

interface TileLog {
  dir: string;
  origin: string;
  verifierKey: string;
  signerKeyFromUpstream?: string;
  rootHash?: string;
  treeSize: number;
  cosignatureTimestamp?: number;
  checkpoints?: Array<{ file: string; treeSize: number; rootHash: string; signatureValid: boolean }>;
}
const { logs } = readTestdataJson<{ logs: TileLog[] }>('tlog-tiles/logs.json');
const tessera = logs.find((l) => l.dir === 'tessera-log')!;
const mirror = logs.find((l) => l.dir === 'sunlight-mirror-300')!;
const readCheckpointFile = (file: string) => new Uint8Array(readFileSync(testdataPath(`tlog-tiles/${file}`)));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('openCheckpoint', () => {
  describe('given every checkpoint of the Tessera log', () => {
    const verifier = parseVerifierKey(tessera.verifierKey);
    it('lists 16 checkpoints (sizes 0..15)', () => expect(tessera.checkpoints).toHaveLength(16));
    it.each(tessera.checkpoints!.map((c) => [c.file, c] as const))('%s verifies and has the listed size and root', (_, c) => {
      const opened = openCheckpoint(readCheckpointFile(c.file), [verifier], { origin: tessera.origin });
      expect(opened.checkpoint.size).toBe(c.treeSize);
      expect(b64(opened.checkpoint.rootHash)).toBe(c.rootHash);
      expect(opened.checkpoint.extensions).toEqual([]);
      expect(opened.signatures).toMatchObject([{ name: tessera.origin, type: 'ed25519' }]);
    });
    it('re-signs each body with the published test key to the same bytes (Ed25519 is deterministic)', () => {
      const signer = parseSignerKey(tessera.signerKeyFromUpstream!.split(' ')[0]!);
      for (const c of tessera.checkpoints!) {
        const original = readFileSync(testdataPath(`tlog-tiles/${c.file}`), 'utf8');
        const body = formatCheckpoint({ origin: tessera.origin, size: c.treeSize, rootHash: Uint8Array.from(Buffer.from(c.rootHash, 'base64')), extensions: [] });
        expect(signNote(body, [signer])).toBe(original);
      }
    });
    it('rejects the latest checkpoint with the size line changed as invalid_signature', () => {
      const text = readFileSync(testdataPath('tlog-tiles/tessera-log/checkpoint'), 'utf8').replace('\n15\n', '\n16\n');
      expectNoteError(() => openCheckpoint(text, [verifier]), VerificationError, 'invalid_signature', 'invalid signature for key example.com/log/testdata+33d7b496');
    });
    it('rejects it under another expected origin as origin_mismatch', () => {
      expectNoteError(() => openCheckpoint(readCheckpointFile('tessera-log/checkpoint'), [verifier], { origin: 'example.com/other' }), VerificationError, 'origin_mismatch');
    });
  });

  describe('given the Sunlight mirror checkpoint cosigned with cosignature/v1', () => {
    it('verifies with the mirror key and reports the cosignature timestamp', () => {
      const opened = openCheckpoint(readCheckpointFile('sunlight-mirror-300/checkpoint'), [parseVerifierKey(mirror.verifierKey)]);
      expect(opened.checkpoint).toMatchObject({ origin: 'rome2026h1.example.org', size: 300 });
      expect(b64(opened.checkpoint.rootHash)).toBe(mirror.rootHash);
      expect(opened.signatures).toMatchObject([{ name: 'mirror.example.org', type: 'cosignature/v1', timestampSec: 1767139200 }]);
      expect(mirror.cosignatureTimestamp).toBe(1767139200);
    });
    it('rejects it when one bit of the root changes', () => {
      const text = readFileSync(testdataPath('tlog-tiles/sunlight-mirror-300/checkpoint'), 'utf8').replace('gw31', 'gw30');
      expectNoteError(() => openCheckpoint(text, [parseVerifierKey(mirror.verifierKey)]), VerificationError, 'invalid_signature', 'invalid signature for key mirror.example.org+3fb148ef');
    });
    it('is unverified with the mirror key taken as a plain Ed25519 key (different key ID)', () => {
      const pub = parseVerifierKey(mirror.verifierKey).publicKey;
      expectNoteError(() => openCheckpoint(readCheckpointFile('sunlight-mirror-300/checkpoint'), [createEd25519Verifier('mirror.example.org', pub)]), VerificationError, 'note_unverified');
    });
  });

  describe('given a sum.golang.org signed tree head (go.sum database tree)', () => {
    const fixture = readNoteFixture<{ inputs: { note: string; vkey: string }; want: { origin: string; size: number; rootHash: string; keyHash: string } }>('sum-golang-org-tree.json');
    it('verifies with the sum.golang.org key and parses as a checkpoint', () => {
      const opened = openCheckpoint(fixture.inputs.note, [parseVerifierKey(fixture.inputs.vkey)], { origin: 'go.sum database tree' });
      expect(opened.checkpoint.origin).toBe(fixture.want.origin);
      expect(opened.checkpoint.size).toBe(fixture.want.size);
      expect(b64(opened.checkpoint.rootHash)).toBe(fixture.want.rootHash);
      expect(opened.signatures).toMatchObject([{ name: 'sum.golang.org', keyId: Number.parseInt(fixture.want.keyHash, 16), type: 'ed25519' }]);
    });
    it('rejects it with the tree size changed', () => {
      const note = fixture.inputs.note.replace('6476701', '6476702');
      expectNoteError(() => openCheckpoint(note, [parseVerifierKey(fixture.inputs.vkey)]), VerificationError, 'invalid_signature', 'invalid signature for key sum.golang.org+033de0ae');
    });
  });

  describe('given a verified note whose text is not a checkpoint', () => {
    it('throws malformed_checkpoint after verifying', () => {
      const signer = parseSignerKey(tessera.signerKeyFromUpstream!.split(' ')[0]!);
      const note = signNote('example.com/log/testdata\n15\nnot base64!\n', [signer]);
      expectNoteError(() => openCheckpoint(note, [signer.verifier]), InputError, 'malformed_checkpoint');
    });
  });
});
