import { sha256 } from '@noble/hashes/sha2.js';
import { createMerkleHasher, type MerkleHasher } from '../../../shared/merkle/index.js';

/**
 * The renderer's own RFC 6962 hasher (@noble/hashes): proofs are recomputed here, in the page,
 * never taken from the engine. Pure JS, so the page's CSP needs no 'wasm-unsafe-eval'.
 */
export const rendererHasher: MerkleHasher = createMerkleHasher((message) => sha256(message));
