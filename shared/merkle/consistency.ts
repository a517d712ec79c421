import { VerificationError } from '../api/errors.js';
import { bytesEqual, toHex } from '../encoding/index.js';
import { HASH_SIZE, type Hash, type MerkleHasher } from './hasher.js';
import { splitPoint } from './node-id.js';
import { ProofPlanBuilder, type ProofPlan } from './proof-plan.js';

/**
 * Returns the plan of an RFC 6962 consistency proof between tree sizes `first` and `second`
 * (RFC 6962 §2.1.2 SUBPROOF order). Requires 1 ≤ first ≤ second; first == second gives an empty proof.
 * At most ⌈log₂ second⌉ + 1 proof hashes.
 */
export function consistencyPlan(first: number, second: number): ProofPlan {
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second) && first >= 1 && first <= second)) {
    throw new Error(`bug: consistencyPlan(${first}, ${second}) needs 1 ≤ first ≤ second`);
  }
  const ranges: Array<[number, number]> = [];
  let m = first;
  let lo = 0;
  let hi = second;
  let complete = true; // SUBPROOF's b: is [lo, lo+m) the whole old tree seen so far
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      m -= k;
      lo += k;
      complete = false;
    }
  }
  if (!complete) ranges.push([lo, hi]);
  const builder = new ProofPlanBuilder();
  for (let i = ranges.length - 1; i >= 0; i--) builder.addRange(ranges[i]![0], ranges[i]![1]);
  return builder.build();
}

function fail(message: string, details: Record<string, unknown>): never {
  throw new VerificationError('consistency_proof_invalid', message, details);
}

/**
 * Checks that the tree of size `first` with root `firstRoot` is a prefix of the tree of size
 * `second` with root `secondRoot` (RFC 9162 §2.1.4.2), with transparency-dev/merkle's edge rules:
 * first == second needs an empty proof and equal roots; first == 0 or first > second is refused.
 * Throws VerificationError('consistency_proof_invalid') naming the values otherwise.
 */
export function verifyConsistency(first: number, second: number, proof: readonly Hash[], firstRoot: Hash, secondRoot: Hash, hasher: MerkleHasher): void {
  const details = { first, second };
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second)) || first < 0 || second < 0) {
    fail(`tree sizes ${first} and ${second} are not non-negative integers`, details);
  }
  if (first > second) fail(`tree size ${first} is larger than ${second}`, details);
  // As transparency-dev/merkle: nothing proves consistency from the empty tree, not even 0 → 0.
  if (first === 0) fail('consistency from tree size 0 is not defined; use size ≥ 1', details);
  if (first === second) {
    if (proof.length !== 0) fail(`proof between equal sizes ${first} must be empty, has ${proof.length} hashes`, details);
    if (!bytesEqual(firstRoot, secondRoot)) {
      fail(`two different roots ${toHex(firstRoot)} and ${toHex(secondRoot)} for tree size ${first}`, details);
    }
    return;
  }
  const { firstRoot: fr, secondRoot: sr } = rootsFromConsistencyProof(first, second, proof, firstRoot, hasher);
  if (!bytesEqual(fr, firstRoot)) {
    fail(`proof rebuilds root ${toHex(fr)} for size ${first}, not ${toHex(firstRoot)}`, { ...details, computedRoot: toHex(fr) });
  }
  if (!bytesEqual(sr, secondRoot)) {
    fail(`proof rebuilds root ${toHex(sr)} for size ${second}, not ${toHex(secondRoot)}`, { ...details, computedRoot: toHex(sr) });
  }
}

/**
 * Returns the two roots an RFC 6962 consistency proof from `first` to `second` (1 ≤ first < second)
 * rebuilds (RFC 9162 §2.1.4.2). When `first` is a power of two the old tree is a node the proof
 * does not carry, so `firstRootIfPowerOfTwo` stands in for it (and is returned as the first root).
 * Throws VerificationError('consistency_proof_invalid') for a proof of the wrong length or hash size.
 * A fork shows as a proof whose second root is the signed one and whose first root is not.
 */
export function rootsFromConsistencyProof(first: number, second: number, proof: readonly Hash[], firstRootIfPowerOfTwo: Hash, hasher: MerkleHasher): { firstRoot: Hash; secondRoot: Hash } {
  return foldConsistencyProof(first, second, proof, firstRootIfPowerOfTwo, hasher);
}

/**
 * Returns the newer tree's root and its node [0, 2^k) as a consistency proof from 2^k − 1 to `second`
 * (> 2^k, k ≥ 2) rebuilds them: the newer tree's hash of the leaves an older power-of-two tree of
 * size 2^k holds. A proof from 2^k itself omits that node, so this is how a proof-only log (Rekor v1)
 * shows what its newer tree says the older one is — checked by then verifying the proof from 2^k to
 * `second` with it. Throws as rootsFromConsistencyProof does.
 */
export function powerOfTwoNodeFromConsistencyProof(powerOfTwo: number, second: number, proof: readonly Hash[], hasher: MerkleHasher): { node: Hash; secondRoot: Hash } {
  if (!(isPowerOfTwo(powerOfTwo) && powerOfTwo >= 4 && powerOfTwo < second)) {
    throw new Error(`bug: powerOfTwoNodeFromConsistencyProof(${powerOfTwo}, ${second}) needs a power of two ≥ 4 below the second size`);
  }
  const level = Math.log2(powerOfTwo);
  let node: Hash | undefined;
  const { secondRoot } = foldConsistencyProof(powerOfTwo - 1, second, proof, new Uint8Array(HASH_SIZE), hasher, (at, hash) => {
    if (at === level) node = hash;
  });
  if (!node) throw new Error(`bug: the fold from ${powerOfTwo - 1} to ${second} never reached level ${level}`);
  return { node, secondRoot };
}

/**
 * RFC 9162 §2.1.4.2's fold. `onLevel(level, hash)` sees, level by level from the bottom, the newer
 * tree's node on the path of the older tree's last leaf (a node promoted without a sibling counts
 * at each level it passes).
 */
function foldConsistencyProof(
  first: number,
  second: number,
  proof: readonly Hash[],
  firstRootIfPowerOfTwo: Hash,
  hasher: MerkleHasher,
  onLevel?: (level: number, newerNode: Hash) => void,
): { firstRoot: Hash; secondRoot: Hash } {
  const details = { first, second };
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(second)) || first < 1 || first >= second) {
    fail(`a consistency proof needs tree sizes 1 ≤ first < second, not ${first} and ${second}`, details);
  }
  if (proof.length === 0) fail(`proof from size ${first} to ${second} is empty`, details);
  for (const [i, hash] of proof.entries()) {
    if (hash.length !== HASH_SIZE) fail(`proof hash ${i} is ${hash.length} bytes, not ${HASH_SIZE}`, details);
  }
  // RFC 9162 §2.1.4.2 step 2: a power-of-two old tree is itself a node of the new one.
  const path = isPowerOfTwo(first) ? [firstRootIfPowerOfTwo, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  let level = 0;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
    level++;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  onLevel?.(level, sr);
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) fail(`proof from size ${first} to ${second} has ${proof.length} hashes, more than it needs`, details);
    if (fn % 2 === 1 || fn === sn) {
      const promoted = sr;
      fr = hasher.hashChildren(c, fr);
      sr = hasher.hashChildren(c, sr);
      // A right-edge node without a sibling moves up unchanged until it is a right child.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
        onLevel?.(++level, promoted);
      }
    } else {
      sr = hasher.hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
    onLevel?.(++level, sr);
  }
  if (sn !== 0) fail(`proof from size ${first} to ${second} has ${proof.length} hashes, fewer than it needs`, details);
  return { firstRoot: fr, secondRoot: sr };
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
