import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import {
  consistencyPlan,
  inclusionPlan,
  inclusionSteps,
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
