import { hash as oneShotHash } from 'node:crypto';
import { createMerkleHasher, createWasmSha256, type MerkleHasher } from '../../../shared/merkle/index.js';

/**
 * The engine's MerkleHasher: single hashes through node:crypto's one-shot `hash()` (OpenSSL, no Hash
 * object per call); bulk tree building through the batched WebAssembly SHA-256, which avoids the
 * ~1.5 µs binding cost node:crypto pays per call (bench/results/engine.json has the figures).
 */
export const nodeHasher: MerkleHasher = createMerkleHasher((message) => oneShotHash('sha256', message, 'buffer') as unknown as Uint8Array, createWasmSha256());
