import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/encoding/index.js';
import { inclusionSteps } from '../../../shared/merkle/index.js';
import { consistencyRanges, inclusionPath, leafScale } from '../../../renderer/src/proof/tree-ranges.js';
import { inclusionNodes } from '../../../renderer/src/proof/inclusion-nodes.js';
import { createWorkbenchApi } from '../../../electron/engine/workbench-api.js';
import { nobleHasher, referenceRangeHash, sampleLeafHashes } from '../../helpers/hashers.js';
import { sampleEntries, tempWorkbench } from '../../helpers/temp-workbench.js';

describe('inclusionPath', () => {
  it('names, for every index of every size up to 70, the sibling each proof hash is, on the side inclusionSteps folds it', () => {
    const leaves = sampleLeafHashes(70);
    for (let size = 1; size <= 70; size++) {
      for (let index = 0; index < size; index++) {
        const path = inclusionPath(index, size);
        const proof = [...path].sort((a, b) => a.proofIndex - b.proofIndex).map((l) => referenceRangeHash(leaves, l.sibling.start, l.sibling.end));
        const steps = inclusionSteps(index, size, leaves[index]!, proof, nobleHasher);
        expect(steps).toHaveLength(path.length);
        for (const level of path) expect(steps[level.proofIndex]!.siblingOnLeft, `${index}/${size}`).toBe(level.siblingOnLeft);
        const root = steps.length === 0 ? leaves[index]! : steps[steps.length - 1]!.result;
        expect(toHex(root)).toBe(toHex(referenceRangeHash(leaves, 0, size)));
      }
    }
  });
});

describe('consistencyRanges', () => {
  it('gives, for the engine’s proofs, the node each proof hash is the hash of', async () => {
    const t = tempWorkbench();
    try {
      t.workbench.localLog().append(sampleEntries(40));
      const leaves = Array.from({ length: 40 }, (_, i) => t.workbench.localLog().leafHash(i));
      const api = createWorkbenchApi(t.workbench);
      for (const [first, second] of [[1, 2], [3, 7], [4, 8], [7, 31], [13, 40], [32, 40], [40, 40]] as const) {
        const dto = await api.log.consistency({ first, second });
        const ranges = consistencyRanges(first, second);
        expect(ranges.proof.map((r) => toHex(referenceRangeHash(leaves, r.start, r.end))), `${first}→${second}`).toEqual(dto.proof.hashes);
        expect(ranges.spine[0]).toEqual({ start: 0, end: second });
        expect(ranges.oldTree.reduce((n, r) => n + r.end - r.start, 0)).toBe(first);
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('inclusionNodes', () => {
  it('draws a big tree by its path only: one path node and one sibling per level, and the leaf', () => {
    const nodes = inclusionNodes({ index: 777_777, size: 1_000_000, proof: Array(20).fill('ab'.repeat(32)), results: undefined, leafHash: undefined, stage: 0, rootMatches: undefined });
    expect(nodes).toHaveLength(41);
    expect(nodes.filter((n) => n.className.includes('sibling'))).toHaveLength(20);
  });

  it('draws a small tree whole, the nodes the proof does not need dimmed', () => {
    const nodes = inclusionNodes({ index: 5, size: 8, proof: ['aa', 'bb', 'cc'], results: undefined, leafHash: undefined, stage: 0, rootMatches: undefined });
    expect(nodes).toHaveLength(15);
    expect(nodes.filter((n) => n.className === 'dim')).toHaveLength(15 - 3 - 3 - 1);
  });
});

describe('leafScale', () => {
  it('keeps a one-leaf stretch visible next to a half-million-leaf one, and is monotonic', () => {
    const scale = leafScale([0, 524_288, 777_777, 777_778], 1_000_000, 1000);
    expect(scale(777_778) - scale(777_777)).toBeGreaterThan(10);
    let last = -1;
    for (const p of [0, 1, 1000, 524_288, 600_000, 777_777, 777_778, 999_999, 1_000_000]) {
      expect(scale(p)).toBeGreaterThanOrEqual(last);
      last = scale(p);
    }
    expect(scale(1_000_000)).toBe(1000);
  });
});
