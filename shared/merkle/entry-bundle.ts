import { InputError } from '../api/errors.js';

/** tlog-tiles entry bundles prefix each entry with a uint16 big-endian length, so an entry is at most 65 535 bytes. */
export const MAX_BUNDLE_ENTRY_SIZE = 0xffff;

/** Returns a C2SP tlog-tiles entry bundle: each entry as uint16_be length ‖ bytes. */
export function formatEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const e of entries) length += 2 + e.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const entry of entries) {
    if (entry.length > MAX_BUNDLE_ENTRY_SIZE) throw new Error(`bug: entry of ${entry.length} bytes does not fit a bundle`);
    out[offset] = entry.length >> 8;
    out[offset + 1] = entry.length & 255;
    out.set(entry, offset + 2);
    offset += 2 + entry.length;
  }
  return out;
}

/**
 * Returns where each entry of a bundle starts: entry i is bytes [offsets[i] + 2, offsets[i + 1]) (its
 * uint16 length first). Throws InputError('entry_bundle_malformed') when a length runs past the end
 * or `expectedCount` entries are not exactly what the bundle holds (no trailing bytes).
 */
export function entryBundleOffsets(bundle: Uint8Array, expectedCount?: number): Uint32Array {
  const starts: number[] = [];
  let offset = 0;
  while (offset < bundle.length) {
    if (offset + 2 > bundle.length) throw new InputError('entry_bundle_malformed', `entry bundle ends inside the length of entry ${starts.length}`);
    const length = (bundle[offset]! << 8) | bundle[offset + 1]!;
    if (offset + 2 + length > bundle.length) {
      throw new InputError('entry_bundle_malformed', `entry ${starts.length} claims ${length} bytes but the bundle has ${bundle.length - offset - 2} left`);
    }
    starts.push(offset);
    offset += 2 + length;
  }
  if (expectedCount !== undefined && starts.length !== expectedCount) {
    throw new InputError('entry_bundle_malformed', `entry bundle holds ${starts.length} entries, expected ${expectedCount}`);
  }
  starts.push(offset);
  return Uint32Array.from(starts);
}

/** Returns the entries of a bundle (views into it); throws as entryBundleOffsets does. */
export function parseEntryBundle(bundle: Uint8Array, expectedCount?: number): Uint8Array[] {
  const offsets = entryBundleOffsets(bundle, expectedCount);
  const entries: Uint8Array[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) entries.push(bundle.subarray(offsets[i]! + 2, offsets[i + 1]));
  return entries;
}
