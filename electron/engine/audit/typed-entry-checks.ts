import { toBase64 } from '../../../shared/encoding/index.js';
import { setPayload } from '../log/index.js';
import { leafHashPrefix, type EntryMeta, type LogRecord, type Store } from '../store/index.js';
import type { EntryKind } from '../types/index.js';
import { errorText, type AuditFindings } from './audit-report.js';
import type { EntryChunk } from './tree-check.js';

export interface TypedEntryCheckDeps {
  readonly store: Store;
  readonly log: LogRecord;
  readonly findings: AuditFindings;
  /** Returns the kind that verifies entries of (kind, apiVersion), or undefined when none is known. */
  kindOf(kind: string, apiVersion: string): EntryKind | undefined;
  /** The time to judge an entry without an integrated time at (Rekor v2 has none): when the log first signed it. */
  firstSignedSec(index: number): number | undefined;
  /** For the local log: the seconds an entry's integrated time must lie in, from the checkpoints issued around it. */
  integratedWindow?(index: number): { notBeforeSec: number; notAfterSec: number } | undefined;
  /** For the local log: checks the SETs it keeps (a mirror keeps none). */
  readonly entryTimestamps?: EntryTimestampVerifier;
}

/** Checks a SET the local log signed at integration. */
export interface EntryTimestampVerifier {
  readonly logIdHex: string;
  verify(payload: Uint8Array, signature: Uint8Array): boolean;
}

/**
 * Checks a log's typed entries chunk by chunk as the tree walk reads them: entry_meta agrees with
 * the body (kind, API version), each body re-verifies with its kind at its integrated time, and the
 * leaf_index rows point at entries whose leaf hash has their prefix, one for every typed entry.
 */
export class TypedEntryChecks {
  private readonly leafIndex: Array<{ index: number; hashPrefix: number }>;
  private next = 0;
  private readonly unknown = new Map<string, number>();
  checked = 0;

  constructor(private readonly deps: TypedEntryCheckDeps) {
    const { store, log, findings } = deps;
    this.leafIndex = store.leafIndexOfLog(log.id);
    for (const row of this.leafIndex) {
      if (row.index >= log.treeSize) findings.problem('leaf_index_beyond_tree', row.index, `a leaf_index row points at entry ${row.index}, beyond the tree size ${log.treeSize}`, { table: 'leaf_index', index: row.index });
    }
    for (const meta of store.entryMetaInRange(log.id, log.treeSize, Number.MAX_SAFE_INTEGER)) {
      findings.problem('entry_meta_beyond_tree', meta.index, `entry_meta describes entry ${meta.index} (${meta.kind} ${meta.apiVersion}), beyond the tree size ${log.treeSize}`, { table: 'entry_meta', index: meta.index });
    }
  }

  async checkChunk(chunk: EntryChunk): Promise<void> {
    const { store, log, findings } = this.deps;
    const end = chunk.start + chunk.count;
    const indexed = new Map<number, boolean>();
    while (this.next < this.leafIndex.length && this.leafIndex[this.next]!.index < end) {
      const row = this.leafIndex[this.next++]!;
      if (row.index < chunk.start) continue;
      const offset = (row.index - chunk.start) * 32;
      const prefix = leafHashPrefix(chunk.leafHashes.subarray(offset, offset + 32));
      const matches = prefix === row.hashPrefix;
      indexed.set(row.index, (indexed.get(row.index) ?? false) || matches);
      if (!matches) {
        findings.problem('leaf_index_mismatch', row.index, `the leaf_index row for entry ${row.index} holds prefix ${row.hashPrefix.toString(16).padStart(12, '0')}, but the entry's leaf hash starts ${prefix.toString(16).padStart(12, '0')}`, { table: 'leaf_index', index: row.index });
      }
    }
    for (const meta of store.entryMetaInRange(log.id, chunk.start, end)) {
      const where = { table: 'entry_meta', index: meta.index };
      if (!indexed.has(meta.index)) findings.problem('leaf_index_missing', meta.index, `typed entry ${meta.index} (${meta.kind} ${meta.apiVersion}) has no leaf_index row, so it cannot be found by uuid`, { table: 'leaf_index', index: meta.index });
      const bytes = chunk.entry(meta.index);
      if (!bytes) continue;
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the body is not a JSON object');
        body = parsed as Record<string, unknown>;
      } catch (error) {
        findings.problem('entry_unverified', meta.index, `typed entry ${meta.index} (${meta.kind} ${meta.apiVersion}) is not a JSON object: ${errorText(error)}`, where);
        continue;
      }
      if (body.kind !== meta.kind || body.apiVersion !== meta.apiVersion) {
        findings.problem('entry_meta_mismatch', meta.index, `entry_meta says entry ${meta.index} is ${meta.kind} ${meta.apiVersion}, but its body says ${String(body.kind)} ${String(body.apiVersion)}`, where);
        continue;
      }
      this.checkEntryTimestamp(meta, bytes);
      const window = meta.integratedTime === null ? undefined : this.deps.integratedWindow?.(meta.index);
      if (window && (meta.integratedTime! < window.notBeforeSec || meta.integratedTime! > window.notAfterSec)) {
        findings.problem('integrated_time_implausible', meta.index, `typed entry ${meta.index} says it was integrated at ${meta.integratedTime}, outside ${window.notBeforeSec}–${window.notAfterSec}, when the checkpoints around it were issued`, where);
      }
      const kind = this.deps.kindOf(meta.kind, meta.apiVersion);
      if (!kind) {
        if (log.role === 'local') findings.problem('kind_unknown', meta.index, `typed entry ${meta.index} has kind ${meta.kind} ${meta.apiVersion}, which the local log does not define`, where);
        else this.unknown.set(`${meta.kind} ${meta.apiVersion}`, (this.unknown.get(`${meta.kind} ${meta.apiVersion}`) ?? 0) + 1);
        continue;
      }
      const integratedTimeSec = meta.integratedTime ?? this.deps.firstSignedSec(meta.index) ?? 0;
      try {
        await kind.verifyStored(body, { integratedTimeSec });
        this.checked++;
      } catch (error) {
        findings.problem('entry_unverified', meta.index, `typed entry ${meta.index} (${meta.kind} ${meta.apiVersion}) no longer verifies at its integrated time ${integratedTimeSec}: ${errorText(error)}`, where);
      }
    }
  }

  private checkEntryTimestamp(meta: EntryMeta, body: Uint8Array): void {
    if (!meta.signedEntryTimestamp) return;
    const where = { table: 'entry_meta', index: meta.index };
    const timestamps = this.deps.entryTimestamps;
    if (!timestamps) {
      this.deps.findings.problem('entry_timestamp_unexpected', meta.index, `entry_meta holds a signed entry timestamp for entry ${meta.index} of ${this.deps.log.name}, but only the local log signs them`, where);
      return;
    }
    const payload = meta.integratedTime === null ? undefined : setPayload({ body: toBase64(body), integratedTime: meta.integratedTime, logID: timestamps.logIdHex, logIndex: meta.index });
    if (!payload || !timestamps.verify(payload, meta.signedEntryTimestamp)) {
      this.deps.findings.problem('entry_timestamp_invalid', meta.index, `the signed entry timestamp kept for entry ${meta.index} does not verify with the log's key over its body, integrated time ${meta.integratedTime} and index`, where);
    }
  }

  /** Notes the kinds of a mirror that no known kind verifies. */
  finish(): void {
    for (const [kind, count] of this.unknown) {
      this.deps.findings.note('kind_unknown', null, `${count} entries of kind ${kind} were not re-verified: the workbench knows no such kind`);
    }
  }
}
