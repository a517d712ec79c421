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
}

export const HASH_SIZE = 32;

/** Returns a MerkleHasher built on the given SHA-256 function. */
export function createMerkleHasher(sha256: Sha256): MerkleHasher {
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
  };
}
