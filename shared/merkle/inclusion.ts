import { VerificationError } from '../api/errors.js';
import { bytesEqual, toHex } from '../encoding/index.js';
import { HASH_SIZE, type Hash, type MerkleHasher } from './hasher.js';
import { splitPoint } from './node-id.js';
import { ProofPlanBuilder, type ProofPlan } from './proof-plan.js';

/**
 * Returns the plan of an RFC 6962 inclusion proof (audit path) for leaf `index` in a tree of `size`:
 * proof hashes bottom-up, each the hash of a sibling range. Pure; reads nothing.
 * Requires 0 ≤ index < size. The proof has ⌈log₂ size⌉ hashes at most, which fold from at most
 * 2·log₂ size stored complete-subtree hashes (RFC 6962 §2.1.1, PATH(m, D[n])).
 */
export function inclusionPlan(index: number, size: number): ProofPlan {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    throw new Error(`bug: inclusionPlan(${index}, ${size}) needs 0 ≤ index < size`);
  }
  const siblings: Array<[number, number]> = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      siblings.push([lo + k, hi]);
      hi = lo + k;
    } else {
      siblings.push([lo, lo + k]);
      lo = lo + k;
    }
  }
  const builder = new ProofPlanBuilder();
  // Collected top-down; the audit path lists them bottom-up.
  for (let i = siblings.length - 1; i >= 0; i--) builder.addRange(siblings[i]![0], siblings[i]![1]);
  return builder.build();
}

/** One step of rebuilding the root from a leaf: the running hash after combining with a proof hash. */
export interface InclusionStep {
  readonly sibling: Hash;
  /** True when the proof hash is the left child of this step. */
  readonly siblingOnLeft: boolean;
  readonly result: Hash;
}

function assertHashLength(hash: Uint8Array, what: string, details: Record<string, unknown>): void {
  if (hash.length !== HASH_SIZE) {
    throw new VerificationError('inclusion_proof_invalid', `${what} is ${hash.length} bytes, not ${HASH_SIZE}`, details);
  }
}

/**
 * Returns each step of recomputing the root from `leafHash` and an audit path (RFC 9162 §2.1.3.2),
 * for proof pictures and for verifyInclusion. Throws inclusion_proof_invalid when the path has the
 * wrong length for (index, size).
 */
export function inclusionSteps(index: number, size: number, leafHash: Hash, proof: readonly Hash[], hasher: MerkleHasher): InclusionStep[] {
  const details = { index, treeSize: size };
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) {
    throw new VerificationError('inclusion_proof_invalid', `leaf index ${index} is not inside a tree of size ${size}`, details);
  }
  assertHashLength(leafHash, 'leaf hash', details);
  let fn = index;
  let sn = size - 1;
  let running = leafHash;
  const steps: InclusionStep[] = [];
  for (const [i, sibling] of proof.entries()) {
    assertHashLength(sibling, `proof hash ${i}`, details);
    if (sn === 0) {
      throw new VerificationError('inclusion_proof_invalid', `proof for leaf ${index} in tree size ${size} has ${proof.length} hashes, more than the path needs`, details);
    }
    if (fn % 2 === 1 || fn === sn) {
      running = hasher.hashChildren(sibling, running);
      steps.push({ sibling, siblingOnLeft: true, result: running });
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      running = hasher.hashChildren(running, sibling);
      steps.push({ sibling, siblingOnLeft: false, result: running });
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) {
    throw new VerificationError('inclusion_proof_invalid', `proof for leaf ${index} in tree size ${size} has ${proof.length} hashes, fewer than the path needs`, details);
  }
  return steps;
}

/** Returns the root that an audit path leads to (RFC 9162 §2.1.3.2); throws if the path has the wrong shape. */
export function rootFromInclusionProof(index: number, size: number, leafHash: Hash, proof: readonly Hash[], hasher: MerkleHasher): Hash {
  const steps = inclusionSteps(index, size, leafHash, proof, hasher);
  return steps.length === 0 ? leafHash : steps[steps.length - 1]!.result;
}

/**
 * Checks that `leafHash` is leaf `index` of the tree of `size` whose root is `root`.
 * Throws VerificationError('inclusion_proof_invalid') naming the values otherwise.
 */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash, hasher: MerkleHasher): void {
  const computed = rootFromInclusionProof(index, size, leafHash, proof, hasher);
  if (!bytesEqual(computed, root)) {
    throw new VerificationError(
      'inclusion_proof_invalid',
      `proof for leaf ${index} leads to root ${toHex(computed)}, not ${toHex(root)} of tree size ${size}`,
      { index, treeSize: size, computedRoot: toHex(computed), expectedRoot: toHex(root) },
    );
  }
}
