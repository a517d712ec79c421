import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import {
  consistencyPlan,
  inclusionPlan,
  inclusionSteps,
  powerOfTwoNodeFromConsistencyProof,
  rehash,
  rootOfLeafHashes,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../../shared/merkle/index.js';
import { CheckingHashReader, nobleHasher, referenceRangeHash, sampleLeafHashes } from '../../../helpers/hashers.js';

const leaves = sampleLeafHashes(70);

function prove(plan: ReturnType<typeof inclusionPlan>, size: number) {
  const reader = new CheckingHashReader(leaves.slice(0, size));
  return rehash(plan, reader.readHashes(plan.nodes), nobleHasher);
}

describe('inclusionPlan + rehash', () => {
  describe('given every (index, size) up to size 70', () => {
    it('produces proofs that verify, from one batch of stored hashes', () => {
      for (let size = 1; size <= 70; size++) {
        const root = rootOfLeafHashes(leaves.slice(0, size), nobleHasher);
        for (let index = 0; index < size; index++) {
          const proof = prove(inclusionPlan(index, size), size);
          expect(() => verifyInclusion(index, size, leaves[index]!, proof, root, nobleHasher)).not.toThrow();
          expect(proof.length).toBe(inclusionSteps(index, size, leaves[index]!, proof, nobleHasher).length);
        }
      }
    });
  });
  describe('given a proof one hash short', () => {
    it('throws inclusion_proof_invalid', () => {
      const proof = prove(inclusionPlan(5, 70), 70);
      const root = rootOfLeafHashes(leaves, nobleHasher);
      expect(() => verifyInclusion(5, 70, leaves[5]!, proof.slice(1), root, nobleHasher)).toThrow(expect.objectContaining({ code: 'inclusion_proof_invalid' }));
    });
  });
});

describe('consistencyPlan + rehash', () => {
  it('produces proofs that verify for every 1 ≤ first ≤ second ≤ 70', () => {
    for (let second = 1; second <= 70; second++) {
      const secondRoot = rootOfLeafHashes(leaves.slice(0, second), nobleHasher);
      for (let first = 1; first <= second; first++) {
        const firstRoot = rootOfLeafHashes(leaves.slice(0, first), nobleHasher);
        const proof = prove(consistencyPlan(first, second), second);
        expect(() => verifyConsistency(first, second, proof, firstRoot, secondRoot, nobleHasher)).not.toThrow();
      }
    }
  });
  describe('given swapped roots', () => {
    it('throws consistency_proof_invalid', () => {
      const proof = prove(consistencyPlan(7, 20), 20);
      const a = rootOfLeafHashes(leaves.slice(0, 7), nobleHasher);
      const b = rootOfLeafHashes(leaves.slice(0, 20), nobleHasher);
      expect(() => verifyConsistency(7, 20, proof, b, a, nobleHasher)).toThrow(expect.objectContaining({ code: 'consistency_proof_invalid' }));
    });
  });
});

describe('treeRoot', () => {
  it('equals the recursive RFC 6962 definition for every size up to 70', () => {
    for (let size = 1; size <= 70; size++) {
      const reader = new CheckingHashReader(leaves.slice(0, size));
      expect(toHex(treeRoot(size, reader, nobleHasher))).toBe(toHex(referenceRangeHash(leaves, 0, size)));
    }
  });
});

describe('powerOfTwoNodeFromConsistencyProof', () => {
  it("gives the newer tree's node [0, 2^k) and root from the proof from 2^k − 1, for every 2^k ≥ 4 and larger size up to 70", () => {
    for (const powerOfTwo of [4, 8, 16, 32, 64]) {
      const node = rootOfLeafHashes(leaves.slice(0, powerOfTwo), nobleHasher);
      for (let second = powerOfTwo + 1; second <= 70; second++) {
        const proof = prove(consistencyPlan(powerOfTwo - 1, second), second);
        const found = powerOfTwoNodeFromConsistencyProof(powerOfTwo, second, proof, nobleHasher);
        expect(toHex(found.node)).toBe(toHex(node));
        expect(toHex(found.secondRoot)).toBe(toHex(rootOfLeafHashes(leaves.slice(0, second), nobleHasher)));
        // The node is what the proof from 2^k itself needs to lead to the newer root.
        expect(() => verifyConsistency(powerOfTwo, second, prove(consistencyPlan(powerOfTwo, second), second), found.node, found.secondRoot, nobleHasher)).not.toThrow();
      }
    }
  });

  it('gives a different node for a different older tree (a fork), and throws for a proof of the wrong length', () => {
    const forked = [...leaves.slice(0, 3), leaves[69]!, ...leaves.slice(4, 20)];
    const reader = new CheckingHashReader(forked);
    const proof = rehash(consistencyPlan(7, 20), reader.readHashes(consistencyPlan(7, 20).nodes), nobleHasher);
    const found = powerOfTwoNodeFromConsistencyProof(8, 20, proof, nobleHasher);
    expect(toHex(found.node)).toBe(toHex(rootOfLeafHashes(forked.slice(0, 8), nobleHasher)));
    expect(toHex(found.node)).not.toBe(toHex(rootOfLeafHashes(leaves.slice(0, 8), nobleHasher)));
    expect(() => powerOfTwoNodeFromConsistencyProof(8, 20, proof.slice(1), nobleHasher)).toThrow(expect.objectContaining({ code: 'consistency_proof_invalid' }));
  });
});
