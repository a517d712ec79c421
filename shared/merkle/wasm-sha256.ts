import { fromBase64 } from '../encoding/index.js';
import { HASH_SIZE } from './hasher.js';
import { SHA256_BATCH_WASM_BASE64 } from './sha256-batch-wasm.js';

/** SHA-256 over many messages per call (see wasm/sha256-batch.ts for why). */
export interface BatchSha256 {
  sha256(message: Uint8Array): Uint8Array;
  /** Returns the concatenated RFC 6962 leaf hashes SHA-256(0x00 ‖ entry) of the entries. */
  hashLeaves(entries: readonly Uint8Array[]): Uint8Array;
  /** Returns the concatenated SHA-256(0x01 ‖ pair) of `count` adjacent 64-byte pairs in `row`. */
  hashPairs(row: Uint8Array, count: number): Uint8Array;
  /** Returns the leaf hashes of a tlog-tiles entry bundle's entries, or undefined when it does not hold exactly `count` well-formed entries. */
  hashBundleLeaves(bundle: Uint8Array, count: number): Uint8Array | undefined;
}

interface Exports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  sha256(ptr: number, len: number, out: number): void;
  hashLeaves(data: number, offsets: number, count: number, out: number): void;
  hashPairs(input: number, count: number, out: number): void;
  hashBundleLeaves(data: number, len: number, maxCount: number, out: number): number;
}

const PAGE = 65_536;

/** Returns a batch SHA-256 backed by its own WebAssembly instance (one per caller: not shared across threads). */
export function createWasmSha256(): BatchSha256 {
  const module = new WebAssembly.Module(new Uint8Array(fromBase64(SHA256_BATCH_WASM_BASE64)));
  const wasm = new WebAssembly.Instance(module, { env: { abort: () => { throw new Error('bug: sha256 wasm aborted'); } } }).exports as unknown as Exports;
  const base = wasm.heapBase();

  /** Returns the memory as bytes, grown so that [base, base + bytes) fits. */
  function memoryFor(bytes: number): Uint8Array {
    const needed = base + bytes - wasm.memory.buffer.byteLength;
    if (needed > 0) wasm.memory.grow(Math.ceil(needed / PAGE));
    return new Uint8Array(wasm.memory.buffer);
  }

  return {
    sha256(message) {
      const memory = memoryFor(message.length + HASH_SIZE);
      memory.set(message, base);
      const out = base + message.length;
      wasm.sha256(base, message.length, out);
      return memory.slice(out, out + HASH_SIZE);
    },
    hashLeaves(entries) {
      let dataBytes = 0;
      for (const e of entries) dataBytes += e.length;
      const offsetsAt = base + dataBytes + ((4 - (dataBytes % 4)) % 4);
      const outAt = offsetsAt + 4 * (entries.length + 1);
      const memory = memoryFor(outAt - base + HASH_SIZE * entries.length);
      const offsets = new Uint32Array(memory.buffer, offsetsAt, entries.length + 1);
      let at = 0;
      for (let i = 0; i < entries.length; i++) {
        offsets[i] = at;
        memory.set(entries[i]!, base + at);
        at += entries[i]!.length;
      }
      offsets[entries.length] = at;
      wasm.hashLeaves(base, offsetsAt, entries.length, outAt);
      return memory.slice(outAt, outAt + HASH_SIZE * entries.length);
    },
    hashPairs(row, count) {
      const memory = memoryFor(count * 2 * HASH_SIZE + count * HASH_SIZE);
      memory.set(row.subarray(0, count * 2 * HASH_SIZE), base);
      const outAt = base + count * 2 * HASH_SIZE;
      wasm.hashPairs(base, count, outAt);
      return memory.slice(outAt, outAt + count * HASH_SIZE);
    },
    hashBundleLeaves(bundle, count) {
      const outAt = base + bundle.length;
      const memory = memoryFor(bundle.length + count * HASH_SIZE);
      memory.set(bundle, base);
      const found = wasm.hashBundleLeaves(base, bundle.length, count, outAt);
      return found === count ? memory.slice(outAt, outAt + count * HASH_SIZE) : undefined;
    },
  };
}
