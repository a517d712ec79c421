import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { createMerkleHasher, type Hash, type HashReader, type MerkleHasher, type NodeId } from '../../shared/merkle/index.js';

/** The browser's hasher (@noble/hashes), as the renderer uses it. */
export const nobleHasher: MerkleHasher = createMerkleHasher((m) => sha256(m));

/** A plain node:crypto hasher, independent of the engine's tuned one. */
export const referenceHasher: MerkleHasher = createMerkleHasher((m) => new Uint8Array(createHash('sha256').update(m).digest()));

/** Returns the RFC 6962 hash of leaves [start, end) computed recursively from the definition. */
export function referenceRangeHash(leafHashes: readonly Hash[], start: number, end: number, hasher: MerkleHasher = referenceHasher): Hash {
  if (end - start === 1) return leafHashes[start]!;
  let k = 1;
  while (k * 2 < end - start) k *= 2;
  return hasher.hashChildren(referenceRangeHash(leafHashes, start, start + k, hasher), referenceRangeHash(leafHashes, start + k, end, hasher));
}

/**
 * An in-memory HashReader over leaf hashes that checks behaviour: it fails when asked for an
 * incomplete node, or for more than one batch per proof (call `reset()` between proofs).
 */
export class CheckingHashReader implements HashReader {
  batches = 0;
  constructor(private readonly leafHashes: readonly Hash[]) {}
  reset(): void {
    this.batches = 0;
  }
  readHashes(nodes: readonly NodeId[]): Hash[] {
    this.batches++;
    if (this.batches > 1) throw new Error('HashReader asked for more than one batch');
    return nodes.map((n) => {
      const start = n.index * 2 ** n.level;
      const end = start + 2 ** n.level;
      if (end > this.leafHashes.length) throw new Error(`node ${n.level}/${n.index} is not complete in size ${this.leafHashes.length}`);
      return referenceRangeHash(this.leafHashes, start, end);
    });
  }
}

/** Returns n deterministic leaf hashes. */
export function sampleLeafHashes(n: number, seed = 'leaf'): Hash[] {
  return Array.from({ length: n }, (_, i) => referenceHasher.hashLeaf(new TextEncoder().encode(`${seed} ${i}`)));
}
