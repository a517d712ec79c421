import { parseEntryBundle } from './entry-bundle.js';

/**
 * RFC 6962 §2.1 hashing with an injected SHA-256, so the browser can use @noble/hashes and the
 * engine node:crypto (several times faster) behind the same interface.
 */

export type Hash = Uint8Array;

/** SHA-256 of one message; the only primitive the Merkle code needs. */
export type Sha256 = (message: Uint8Array) => Uint8Array;

export interface MerkleHasher {
  /** Returns SHA-256(0x00 ‖ data), the leaf hash of an entry (RFC 6962 §2.1). */
  hashLeaf(data: Uint8Array): Hash;
  /** Returns SHA-256(0x01 ‖ left ‖ right), an interior node (RFC 6962 §2.1). */
  hashChildren(left: Hash, right: Hash): Hash;
  /** Returns SHA-256(""), the root of the empty tree. */
  emptyRoot(): Hash;
  /** Returns the leaf hashes of many entries, concatenated (32 bytes each). */
  hashLeaves(entries: readonly Uint8Array[]): Uint8Array;
  /** Returns the parents of `count` adjacent pairs of hashes in `row`, concatenated. */
  hashPairs(row: Uint8Array, count: number): Uint8Array;
  /**
   * Returns the leaf hashes of a C2SP tlog-tiles entry bundle holding exactly `count` entries;
   * throws InputError('entry_bundle_malformed') otherwise.
   */
  hashEntryBundle(bundle: Uint8Array, count: number): Uint8Array;
}

/** Hashes many messages per call; see shared/merkle/wasm-sha256.ts. */
export interface BatchHashing {
  hashLeaves(entries: readonly Uint8Array[]): Uint8Array;
  hashPairs(row: Uint8Array, count: number): Uint8Array;
  hashBundleLeaves(bundle: Uint8Array, count: number): Uint8Array | undefined;
}

export const HASH_SIZE = 32;

/**
 * Returns a MerkleHasher built on the given SHA-256 function, with `batch` for the bulk work of
 * building trees (many hashes per call) when given, else one call per hash.
 */
export function createMerkleHasher(sha256: Sha256, batch?: BatchHashing): MerkleHasher {
  const children = new Uint8Array(1 + 2 * HASH_SIZE);
  children[0] = 1;
  const empty = sha256(new Uint8Array(0));
  return {
    hashLeaf(data) {
      const message = new Uint8Array(data.length + 1);
      message.set(data, 1);
      return sha256(message);
    },
    hashChildren(left, right) {
      // One reused buffer: the hash function copies its input, and this runs ~n times per rebuild.
      children.set(left, 1);
      children.set(right, 1 + HASH_SIZE);
      return sha256(children);
    },
    emptyRoot() {
      return empty.slice();
    },
    hashLeaves(entries) {
      if (batch) return batch.hashLeaves(entries);
      const out = new Uint8Array(entries.length * HASH_SIZE);
      entries.forEach((entry, i) => out.set(this.hashLeaf(entry), i * HASH_SIZE));
      return out;
    },
    hashEntryBundle(bundle, count) {
      // The batch path only says "malformed"; parsing again names the problem.
      return batch?.hashBundleLeaves(bundle, count) ?? this.hashLeaves(parseEntryBundle(bundle, count));
    },
    hashPairs(row, count) {
      if (batch) return batch.hashPairs(row, count);
      const out = new Uint8Array(count * HASH_SIZE);
      for (let i = 0; i < count; i++) {
        const at = 2 * i * HASH_SIZE;
        out.set(this.hashChildren(row.subarray(at, at + HASH_SIZE), row.subarray(at + HASH_SIZE, at + 2 * HASH_SIZE)), i * HASH_SIZE);
      }
      return out;
    },
  };
}
