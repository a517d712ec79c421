/**
 * The engine's implementation of WorkbenchApi: the only place the UI's operations touch the engine.
 * The Electron engine host and the browser-mode host both dispatch into it after checking inputs
 * (parseApiInput); it answers plain-JSON DTOs and throws WorkbenchErrors.
 */

import {
  DEFAULT_CHECKPOINT_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  InputError,
  NotFoundError,
  type CheckpointDto,
  type EntryDetailDto,
  type EntryRowDto,
  type IndexKeyDto,
  MAX_ARTIFACT_BYTES,
  type LogSummaryDto,
  type SearchMatchDto,
  type WorkbenchApi,
  type WorkbenchEventListener,
  type WorkbenchEventName,
  type WorkbenchEvents,
} from '../../shared/api/index.js';
import { bytesEqual, fromHex, toHex, tryDecodeUtf8 } from '../../shared/encoding/index.js';
import { logIdOfVerifier, parseVerifierKey } from '../../shared/note/index.js';
import { nodeHasher } from './crypto/index.js';
import { rekorLogEntry, searchEntries, type KindRegistry } from './entries/index.js';
import { LocalLog } from './log/index.js';
import { LOCAL_LOG_NAME, type Workbench } from './open-workbench.js';
import { createArtifactStaging, type ArtifactStaging } from './workbench-artifacts.js';
import { createAuditOperations } from './workbench-audit.js';
import { createAlertWatcher, createMonitorOperations, openAlertsByLog } from './workbench-monitor.js';
import { createRemoteOperations } from './workbench-remotes.js';
import { createTaskOperations, createTaskRegistry } from './workbench-tasks.js';
import { createSigningOperations } from './workbench-signing.js';
import { createTypeOperations } from './workbench-types.js';
import { MonitorStore, type CheckpointRecord, type LogRecord, type StoredEntry } from './store/index.js';

export interface WorkbenchApiOptions {
  /** How often `log-changed` subscribers get the tree heads re-read (other processes may append). */
  readonly pollMs?: number;
  /** Where `signing.sign` finds artefacts; the browser-mode host uploads into the same one. */
  readonly staging?: ArtifactStaging;
}

const PREVIEW_CHARS = 64;

function checkpointDto(record: CheckpointRecord): CheckpointDto {
  return { treeSize: record.treeSize, rootHash: toHex(record.rootHash), note: record.note, source: record.source, createdAtMs: record.createdAt };
}

/** Returns the hex log ID of the first Ed25519 verifier key, or null. */
function logIdOfKeys(keys: readonly string[]): string | null {
  for (const key of keys) {
    try {
      const verifier = parseVerifierKey(key);
      if (verifier.type === 'ed25519') return toHex(logIdOfVerifier(verifier));
    } catch {
      // A mirror may list keys of types this build cannot parse; they have no log ID here.
    }
  }
  return null;
}

/** Returns the start of a body when it is printable text: a display hint, never interpreted. */
function previewOf(body: Uint8Array): string | null {
  const text = tryDecodeUtf8(body.subarray(0, PREVIEW_CHARS * 4));
  if (text === undefined || /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}

function rowOf(entry: StoredEntry, uuid: string): EntryRowDto {
  return {
    logIndex: entry.index,
    uuid,
    kind: entry.kind,
    apiVersion: entry.apiVersion,
    integratedTime: entry.integratedTime,
    sizeBytes: entry.body.length,
    preview: entry.kind === null ? previewOf(entry.body) : null,
  };
}

/**
 * Returns the WorkbenchApi over an opened workbench. Reads go to the store on every call, so
 * appends by the CLI on the same database show at once; `log-changed` is found by polling tree
 * heads every `pollMs` while anyone listens.
 */
export function createWorkbenchApi(workbench: Workbench, options: WorkbenchApiOptions = {}): WorkbenchApi {
  const { store } = workbench;
  const pollMs = options.pollMs ?? 1000;
  const signing = createSigningOperations(workbench, options.staging ?? createArtifactStaging({ maxBytes: MAX_ARTIFACT_BYTES }));
  const typeOps = createTypeOperations(workbench);

  function resolveLog(name: string | undefined): LogRecord {
    const wanted = name ?? LOCAL_LOG_NAME;
    const log = store.logByName(wanted);
    if (!log) {
      throw new NotFoundError('log_not_found', `no log named ${JSON.stringify(wanted)}; logs: ${store.logs().map((l) => l.name).join(', ')}`, { log: wanted });
    }
    return log;
  }

  /**
   * The stored tree of any log, for proofs: the local log's own, or a mirror's (appended only by
   * sync; its tree answers proofs like the local one, it is never signed here).
   */
  function treeOf(log: LogRecord): LocalLog {
    if (log.name === LOCAL_LOG_NAME) return workbench.localLog();
    const refuse = (): string => {
      throw new Error(`bug: mirror ${log.name} is appended by sync only`);
    };
    return new LocalLog({ store, logName: log.name, hasher: nodeHasher, signer: { verifierKey: log.verifierKeys[0] ?? '', sign: refuse }, clock: workbench.clock });
  }

  /** The signed checkpoint of `size` the log trusts (never one kept only as fork evidence). */
  function trustedCheckpointAt(log: LogRecord, size: number): CheckpointRecord | undefined {
    return store.checkpoints(log.id).filter((c) => c.treeSize === size && c.source !== 'evidence').at(-1);
  }

  /** The tree size entry proofs of a log default to: its size (local), or its largest trusted checkpoint covering `index` (mirror). */
  function provingSize(log: LogRecord, index: number): number {
    if (log.name === LOCAL_LOG_NAME) return log.treeSize;
    const signed = store.checkpoints(log.id).filter((c) => c.source !== 'evidence' && c.treeSize > index && c.treeSize <= log.treeSize);
    return signed.at(-1)?.treeSize ?? log.treeSize;
  }

  function rowsOf(log: LogRecord, start: number, end: number): EntryRowDto[] {
    const stop = Math.min(end, log.treeSize);
    if (stop <= start) return [];
    const uuids = workbench.leafHashes(log.id, Array.from({ length: stop - start }, (_, i) => start + i)).map(toHex);
    return store.entries(log.id, start, stop).map((entry) => rowOf(entry, uuids[entry.index - start]!));
  }

  let kindsCache: { treeSize: number; registry: KindRegistry | undefined } | undefined;
  /** The kinds registry, reloaded when the log grew (a new layout may define a kind). */
  function kinds(): KindRegistry | undefined {
    const size = workbench.localLog().record().treeSize;
    if (kindsCache?.treeSize !== size) {
      let registry: KindRegistry | undefined;
      try {
        registry = workbench.kinds();
      } catch {
        // A broken layout must not stop the explorer; the entry shows as of an unknown kind.
        registry = undefined;
      }
      kindsCache = { treeSize: size, registry };
    }
    return kindsCache.registry;
  }

  function indexKeysOf(entry: StoredEntry): { indexKeys: IndexKeyDto[]; kindKnown: boolean } {
    if (entry.kind === null || entry.apiVersion === null) return { indexKeys: [], kindKnown: false };
    const registry = kinds();
    if (!registry || !registry.list().some((k) => k.kind === entry.kind && k.apiVersion === entry.apiVersion)) return { indexKeys: [], kindKnown: false };
    try {
      const body = JSON.parse(new TextDecoder().decode(entry.body)) as Record<string, unknown>;
      return { indexKeys: registry.lookup(entry.kind, entry.apiVersion).indexKeys(body).map((k) => ({ type: k.type, value: k.value })), kindKnown: true };
    } catch {
      // The stored body no longer parses (tampered, or a kind bug): show it without keys.
      return { indexKeys: [], kindKnown: true };
    }
  }

  const listeners = new Map<WorkbenchEventName, Set<(payload: never) => void>>();
  let poll: ReturnType<typeof setInterval> | undefined;
  let lastHeads = new Map<string, string>();

  function emit<E extends WorkbenchEventName>(event: E, payload: WorkbenchEvents[E]): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as WorkbenchEventListener<E>)(payload);
      } catch {
        // One failing subscriber (a closed stream) must not starve the others.
      }
    }
  }

  // Sync and audit run as tasks that report through the same event listeners.
  const tasks = createTaskRegistry({ nowMs: () => workbench.clock.nowMs(), emit });
  const remoteOps = createRemoteOperations(workbench, tasks);
  const auditOps = createAuditOperations(workbench, tasks);
  const alertWatcher = createAlertWatcher({ monitors: () => new MonitorStore(store.db), emit, pollMs });
  const monitorOps = createMonitorOperations(workbench, tasks, alertWatcher);

  function readHeads(): Map<string, { treeSize: number; rootHash: string }> {
    return new Map(store.logs().map((l) => [l.name, { treeSize: l.treeSize, rootHash: toHex(l.rootHash) }]));
  }

  function checkHeads(): void {
    const heads = readHeads();
    for (const [log, head] of heads) {
      const key = `${head.treeSize}:${head.rootHash}`;
      if (lastHeads.get(log) !== key) emit('log-changed', { log, ...head });
    }
    lastHeads = new Map([...heads].map(([log, h]) => [log, `${h.treeSize}:${h.rootHash}`]));
  }

  function updatePolling(): void {
    const watching = (listeners.get('log-changed')?.size ?? 0) > 0;
    if (watching && !poll) {
      lastHeads = new Map([...readHeads()].map(([log, h]) => [log, `${h.treeSize}:${h.rootHash}`]));
      poll = setInterval(() => {
        try {
          checkHeads();
        } catch {
          // The database may be briefly busy (another writer); the next tick reads again.
        }
      }, pollMs);
      poll.unref?.();
    } else if (!watching && poll) {
      clearInterval(poll);
      poll = undefined;
    }
  }

  return {
    ...remoteOps,
    ...auditOps,
    ...monitorOps,
    tasks: createTaskOperations(tasks),
    log: {
      async info() {
        const nowMs = workbench.clock.nowMs();
        const openAlerts = openAlertsByLog(workbench);
        const logs: LogSummaryDto[] = store.logs().map((log) => {
          const latest = store.latestCheckpoint(log.id);
          return {
            name: log.name,
            role: log.role,
            origin: log.origin,
            treeSize: log.treeSize,
            rootHash: toHex(log.rootHash),
            verifierKeys: log.verifierKeys,
            logID: log.name === LOCAL_LOG_NAME ? workbench.logIdHex : logIdOfKeys(log.verifierKeys),
            remoteType: log.remoteType,
            url: log.url,
            latestCheckpoint: latest ? checkpointDto(latest) : null,
            latestCheckpointAgeSec: latest ? Math.max(0, Math.floor((nowMs - latest.createdAt) / 1000)) : null,
            alerts: openAlerts.get(log.id) ?? 0,
          };
        });
        return { dataDir: workbench.dataDir, nowMs, logs };
      },

      async checkpoints(input) {
        const log = resolveLog(input.log);
        const all = store.checkpoints(log.id);
        const limit = input.limit ?? DEFAULT_CHECKPOINT_LIMIT;
        return { log: log.name, origin: log.origin, verifierKeys: log.verifierKeys, total: all.length, checkpoints: all.slice(-limit).map(checkpointDto) };
      },

      async consistency(input) {
        const log = resolveLog(input.log);
        const proof = treeOf(log).proveConsistency(input.first, input.second);
        const first = trustedCheckpointAt(log, input.first);
        const second = trustedCheckpointAt(log, proof.second);
        return {
          log: log.name,
          origin: log.origin,
          verifierKeys: log.verifierKeys,
          proof: { first: proof.first, second: proof.second, firstRoot: toHex(proof.firstRoot), secondRoot: toHex(proof.secondRoot), hashes: proof.hashes.map(toHex) },
          firstCheckpoint: first ? checkpointDto(first) : null,
          secondCheckpoint: second ? checkpointDto(second) : null,
        };
      },
    },

    entries: {
      async list(input) {
        const log = resolveLog(input.log);
        return { log: log.name, treeSize: log.treeSize, start: input.start, rows: rowsOf(log, input.start, input.start + input.count) };
      },

      async search(input) {
        const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
        const logs = new Map(store.logs().map((l) => [l.name, l]));
        let found: Array<{ log: string; logIndex: number }> | undefined;
        if (input.uuid !== undefined) {
          const log = resolveLog(input.log);
          const index = treeOf(log).findIndexByLeafHash(fromHex(input.uuid.toLowerCase().slice(-64)));
          found = index === undefined ? [] : [{ log: log.name, logIndex: index }];
        }
        const filtered = input.sha256 !== undefined || input.keyFingerprint !== undefined || input.email !== undefined || (input.fields ?? []).length > 0;
        if (filtered) {
          if (input.log !== undefined) resolveLog(input.log);
          const result = searchEntries(store, (logId, indexes) => workbench.leafHashes(logId, indexes), {
            sha256: input.sha256,
            keyFingerprint: input.keyFingerprint,
            email: input.email,
            fields: input.fields,
            log: input.log,
            limit: limit + 1,
          });
          const matches = result.matches.map((m) => ({ log: m.log, logIndex: m.logIndex }));
          found = found === undefined ? matches : found.filter((f) => matches.some((m) => m.log === f.log && m.logIndex === f.logIndex));
        }
        const all = found ?? [];
        const matches: SearchMatchDto[] = all.slice(0, limit).flatMap((m) => {
          const log = logs.get(m.log);
          const row = log && rowsOf(log, m.logIndex, m.logIndex + 1)[0];
          return row ? [{ log: m.log, ...row }] : [];
        });
        return { matches, truncated: all.length > limit };
      },

      async get(input) {
        const log = resolveLog(input.log);
        const tree = treeOf(log);
        let index = input.logIndex;
        if (input.uuid !== undefined) {
          const uuid = input.uuid.toLowerCase().slice(-64);
          index = tree.findIndexByLeafHash(fromHex(uuid));
          if (index === undefined) {
            throw new NotFoundError('entry_not_found', `no typed entry with uuid ${uuid} in log ${log.name}`, { uuid }, { hint: 'raw entries have no uuid index: open them by log index' });
          }
        }
        if (index === undefined) throw new Error('bug: entries.get input has neither logIndex nor uuid');
        const treeSize = input.treeSize ?? provingSize(log, index);
        const proof = tree.proveInclusion(index, treeSize);
        const [entry] = store.entries(log.id, index, index + 1);
        if (!entry) throw new NotFoundError('entry_not_found', `log ${log.name} has no stored body for entry ${index}`, { logIndex: index });
        const checkpoint = trustedCheckpointAt(log, treeSize);
        let signedEntryTimestamp: string | null = null;
        // A SET is signed afresh on each read (Ed25519 is deterministic); signing bytes that no longer
        // hash to the logged leaf would vouch for a body someone changed on disk, so those get none.
        const bodyMatchesLeaf = bytesEqual(nodeHasher.hashLeaf(entry.body), proof.leafHash);
        // Only our own log signs SETs; a mirror holds what its remote signed (its checkpoints).
        const local = log.name === LOCAL_LOG_NAME;
        if (local && entry.kind !== null && entry.integratedTime !== null && bodyMatchesLeaf) {
          const answer = rekorLogEntry({ store, log: tree, signer: workbench.signer, logIdHex: workbench.logIdHex }, index);
          signedEntryTimestamp = Object.values(answer)[0]?.verification.signedEntryTimestamp ?? null;
        }
        const detail: EntryDetailDto = {
          log: log.name,
          origin: log.origin,
          logIndex: index,
          uuid: toHex(proof.leafHash),
          kind: entry.kind,
          apiVersion: entry.apiVersion,
          integratedTime: entry.integratedTime,
          body: toHex(entry.body),
          ...indexKeysOf(entry),
          inclusionProof: { logIndex: index, treeSize: proof.treeSize, leafHash: toHex(proof.leafHash), hashes: proof.hashes.map(toHex), rootHash: toHex(proof.rootHash) },
          checkpoint: checkpoint ? checkpointDto(checkpoint) : null,
          verifierKeys: log.verifierKeys,
          logID: local ? workbench.logIdHex : null,
          signedEntryTimestamp,
          setExpected: local && entry.kind !== null && entry.integratedTime !== null,
        };
        return detail;
      },

      add: typeOps.addEntry,
    },

    keys: signing.keys,
    signing: signing.signing,
    types: typeOps.types,

    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const stored = listener as (payload: never) => void;
      set.add(stored);
      updatePolling();
      alertWatcher.setListening((listeners.get('alerts-changed')?.size ?? 0) > 0);
      return () => {
        set.delete(stored);
        updatePolling();
        alertWatcher.setListening((listeners.get('alerts-changed')?.size ?? 0) > 0);
      };
    },
  };
}
