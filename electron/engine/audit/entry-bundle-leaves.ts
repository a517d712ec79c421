import { HASH_SIZE, parseEntryBundle, type MerkleHasher } from '../../../shared/merkle/index.js';
import { errorText, type AuditFindings } from './audit-report.js';

/** A stored entry bundle row. */
export interface BundleRow {
  readonly index: number;
  readonly width: number;
  readonly bundle: Uint8Array;
}

/**
 * Returns the leaf hashes of the `expected` entries bundle `bundleIndex` must hold (the tree size
 * decides), reporting a missing or malformed bundle, a width column that disagrees with the bytes,
 * and entries beyond the tree size; undefined when the entries cannot be read. The fast path is one
 * batched hash call over the bundle bytes.
 */
export function bundleLeafHashes(row: BundleRow | undefined, bundleIndex: number, expected: number, hasher: MerkleHasher, findings: AuditFindings): Uint8Array | undefined {
  const first = bundleIndex * 256;
  if (!row) {
    findings.problem('entry_bundle_missing', first, `entry bundle ${bundleIndex} (entries ${first}–${first + expected - 1}) is missing`, { table: 'entry_bundles', bundle: bundleIndex });
    return undefined;
  }
  if (row.width === expected) {
    try {
      return hasher.hashEntryBundle(row.bundle, expected);
    } catch {
      // Parsed again below to say what is wrong with it.
    }
  }
  let entries: Uint8Array[];
  try {
    entries = parseEntryBundle(row.bundle);
  } catch (error) {
    findings.problem('entry_bundle_malformed', first, `entry bundle ${bundleIndex} cannot be read: ${errorText(error)}`, { table: 'entry_bundles', bundle: bundleIndex });
    return undefined;
  }
  if (row.width !== entries.length) {
    findings.problem('entry_bundle_width_wrong', first, `entry bundle ${bundleIndex} says it holds ${row.width} entries but its bytes hold ${entries.length}`, { table: 'entry_bundles', bundle: bundleIndex });
  }
  if (entries.length > expected) {
    findings.problem('entry_bundle_beyond_tree', first + expected, `entry bundle ${bundleIndex} holds ${entries.length} entries; the tree size allows ${expected}, so entries from ${first + expected} are beyond the tree`, { table: 'entry_bundles', bundle: bundleIndex });
  }
  if (entries.length < expected) {
    findings.problem('entry_bundle_malformed', first + entries.length, `entry bundle ${bundleIndex} holds ${entries.length} entries; the tree size needs ${expected}`, { table: 'entry_bundles', bundle: bundleIndex });
    return undefined;
  }
  const hashes = hasher.hashLeaves(entries.slice(0, expected));
  if (hashes.length !== expected * HASH_SIZE) throw new Error(`bug: ${hashes.length} bytes of leaf hashes for ${expected} entries`);
  return hashes;
}
