import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryDetailDto, WorkbenchApi } from '../../../shared/api/index.js';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { verifyEntry } from '../../../renderer/src/verify/verify-entry.js';
import { verifyConsistencyDto } from '../../../renderer/src/verify/verify-consistency.js';
import { sampleEntries, tempWorkbench } from '../../helpers/temp-workbench.js';

function statusOf(detail: EntryDetailDto): Record<string, string> {
  return Object.fromEntries(verifyEntry(detail).verdict.checks.map((c) => [c.id, c.status]));
}

function flipHex(hex: string, at = 0): string {
  return hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
}

describe('verifyEntry (the renderer’s own verdict)', () => {
  let api: WorkbenchApi;
  let cleanup: () => void;
  let detail: EntryDetailDto;
  beforeEach(async () => {
    const t = tempWorkbench('provwb.test/renderer');
    cleanup = t.cleanup;
    t.workbench.localLog().append(sampleEntries(7));
    t.workbench.localLog().append(sampleEntries(6, 7));
    api = createWorkbenchApi(t.workbench);
    detail = await api.entries.get({ logIndex: 5 });
  });
  afterEach(() => cleanup());

  describe('given an entry as the engine answers it', () => {
    it('passes every check, recomputing the leaf hash and the root itself', () => {
      const result = verifyEntry(detail);
      expect(result.verdict.status).toBe('pass');
      expect(statusOf(detail)).toEqual({ leaf: 'pass', checkpoint: 'pass', inclusion: 'pass' });
      expect(result.steps).toHaveLength(detail.inclusionProof.hashes.length);
    });
  });

  describe('given a body altered by one byte', () => {
    it('fails the leaf hash and the inclusion proof, though the checkpoint still verifies', () => {
      expect(statusOf({ ...detail, body: flipHex(detail.body, 1) })).toEqual({ leaf: 'fail', checkpoint: 'pass', inclusion: 'fail' });
    });
  });

  describe('given a proof with a flipped hash', () => {
    it('fails the inclusion proof', () => {
      const hashes = detail.inclusionProof.hashes.map((h, i) => (i === 1 ? flipHex(h) : h));
      expect(statusOf({ ...detail, inclusionProof: { ...detail.inclusionProof, hashes } })).toMatchObject({ inclusion: 'fail' });
    });
  });

  describe('given a proof one hash short, or an engine root that disagrees with the signed one', () => {
    it('fails on the shape, and ignores the engine’s root (the signed checkpoint is the reference)', () => {
      const short = { ...detail, inclusionProof: { ...detail.inclusionProof, hashes: detail.inclusionProof.hashes.slice(1) } };
      expect(statusOf(short)).toMatchObject({ inclusion: 'fail' });
      const lyingRoot = { ...detail, inclusionProof: { ...detail.inclusionProof, rootHash: flipHex(detail.inclusionProof.rootHash) } };
      expect(verifyEntry(lyingRoot).verdict.status).toBe('pass');
    });
  });

  describe('given a checkpoint signed by another key, altered, or missing', () => {
    it('fails the checkpoint check and so the inclusion proof', async () => {
      const other = tempWorkbench('provwb.test/other');
      try {
        const otherKey = other.workbench.info().verifierKey;
        expect(statusOf({ ...detail, verifierKeys: [otherKey] })).toMatchObject({ checkpoint: 'fail', inclusion: 'fail' });
      } finally {
        other.cleanup();
      }
      const note = detail.checkpoint!.note.replace('\n13\n', '\n12\n');
      expect(statusOf({ ...detail, checkpoint: { ...detail.checkpoint!, note } })).toMatchObject({ checkpoint: 'fail' });
      expect(statusOf({ ...detail, checkpoint: null })).toMatchObject({ checkpoint: 'fail', inclusion: 'fail' });
      expect(statusOf({ ...detail, origin: 'provwb.test/elsewhere' })).toMatchObject({ checkpoint: 'fail' });
    });
  });

  describe('given a proof for an older tree size', () => {
    it('verifies against the checkpoint stored at that size', async () => {
      const old = await api.entries.get({ logIndex: 5, treeSize: 7 });
      expect(old.inclusionProof.treeSize).toBe(7);
      expect(verifyEntry(old).verdict.status).toBe('pass');
    });
  });

  describe('verifyConsistencyDto', () => {
    it('passes for the engine’s proof between two checkpoints and fails for a flipped hash', async () => {
      const dto = await api.log.consistency({ first: 7, second: 13 });
      expect(verifyConsistencyDto(dto).verdict.status).toBe('pass');
      const flipped = { ...dto, proof: { ...dto.proof, hashes: dto.proof.hashes.map((h, i) => (i === 0 ? flipHex(h) : h)) } };
      const checks = Object.fromEntries(verifyConsistencyDto(flipped).verdict.checks.map((c) => [c.id, c.status]));
      expect(checks).toMatchObject({ 'first-checkpoint': 'pass', 'second-checkpoint': 'pass', consistency: 'fail' });
    });
  });
});
