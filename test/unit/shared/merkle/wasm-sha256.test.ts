import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/encoding/index.js';
import { createMerkleHasher, createWasmSha256, formatEntryBundle, rootOfLeafHashes, TileBuilder } from '../../../../shared/merkle/index.js';
import { referenceHasher } from '../../../helpers/hashers.js';
import { repoRoot } from '../../../helpers/testdata.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('createWasmSha256', () => {
  const wasm = createWasmSha256();
  describe('given every message length from 0 to 300 bytes and a 1 MB message', () => {
    it('equals node:crypto (OpenSSL)', () => {
      for (let n = 0; n <= 300; n++) {
        const m = pseudoRandomBytes(n, n);
        expect(toHex(wasm.sha256(m)), `length ${n}`).toBe(sha(m));
      }
      const big = pseudoRandomBytes(1 << 20, 7);
      expect(toHex(wasm.sha256(big))).toBe(sha(big));
    });
  });
  describe('given a batch of entries of mixed lengths', () => {
    it('returns SHA-256(0x00 ‖ entry) for each', () => {
      const entries = Array.from({ length: 1000 }, (_, i) => pseudoRandomBytes((i * 37) % 700, i));
      const leaves = wasm.hashLeaves(entries);
      entries.forEach((e, i) => expect(toHex(leaves.subarray(32 * i, 32 * i + 32))).toBe(sha(new Uint8Array([0, ...e]))));
    });
  });
  describe('given rows of 1 to 129 pairs (four-lane SIMD and the scalar rest)', () => {
    it('returns SHA-256(0x01 ‖ left ‖ right) for each pair', () => {
      for (const count of [1, 2, 3, 4, 5, 7, 8, 9, 64, 127, 128, 129]) {
        const row = pseudoRandomBytes(count * 64, count);
        const parents = wasm.hashPairs(row, count);
        for (let i = 0; i < count; i++) {
          expect(toHex(parents.subarray(32 * i, 32 * i + 32)), `${count} pairs, pair ${i}`).toBe(sha(new Uint8Array([1, ...row.subarray(64 * i, 64 * i + 64)])));
        }
      }
    });
  });
  describe('given a tlog-tiles entry bundle', () => {
    it('hashes its entries straight from the bundle bytes, and refuses a wrong count or a truncated bundle', () => {
      const batchHasher = createMerkleHasher((m) => new Uint8Array(createHash('sha256').update(m).digest()), wasm);
      const entries = Array.from({ length: 256 }, (_, i) => pseudoRandomBytes(i * 3, i));
      const bundle = formatEntryBundle(entries);
      expect(toHex(batchHasher.hashEntryBundle(bundle, 256))).toBe(toHex(batchHasher.hashLeaves(entries)));
      expect(() => batchHasher.hashEntryBundle(bundle, 255)).toThrow(expect.objectContaining({ code: 'entry_bundle_malformed' }));
      expect(() => batchHasher.hashEntryBundle(bundle.subarray(0, bundle.length - 1), 256)).toThrow(expect.objectContaining({ code: 'entry_bundle_malformed' }));
    });
  });
  describe('given a tree built with batch hashing', () => {
    it('has the same root as one built hash by hash', () => {
      const batchHasher = createMerkleHasher((m) => new Uint8Array(createHash('sha256').update(m).digest()), wasm);
      const entries = Array.from({ length: 5000 }, (_, i) => pseudoRandomBytes(10 + (i % 90), i));
      const builder = new TileBuilder(batchHasher);
      builder.append(batchHasher.hashLeaves(entries.slice(0, 1234)));
      builder.append(batchHasher.hashLeaves(entries.slice(1234)));
      expect(toHex(builder.root())).toBe(toHex(rootOfLeafHashes(entries.map((e) => referenceHasher.hashLeaf(e)), referenceHasher)));
    });
  });
});

describe('the committed WebAssembly module', () => {
  it('is what build/build-wasm.mjs compiles from wasm/sha256-batch.ts', async () => {
    const { compileSha256Module } = (await import(path.join(repoRoot, 'build/build-wasm.mjs'))) as { compileSha256Module: () => string };
    expect(compileSha256Module()).toBe(readFileSync(path.join(repoRoot, 'shared/merkle/sha256-batch-wasm.ts'), 'utf8'));
  });
});
