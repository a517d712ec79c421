/**
 * The Remotes and Fork evidence views' operations of WorkbenchApi (`remotes.*`, `forks.*`) over the
 * engine's remotes, sync, witness and fork evidence: the same code `provwb remote`, `provwb sync`,
 * `provwb witness cosign` and `provwb verify evidence` run. A sync runs as a task.
 */

import {
  DEFAULT_CHECKPOINT_LIMIT,
  NotFoundError,
  errorToData,
  type CheckpointDto,
  type ForkDetailDto,
  type ForkSummaryDto,
  type RemoteDto,
  type RemoteTypeDto,
  type SyncResultDto,
  type WorkbenchApi,
} from '../../shared/api/index.js';
import { toHex } from '../../shared/encoding/index.js';
import { formatVerifierKey, parseCosignerKey } from '../../shared/note/index.js';
import { nodeHasher } from './crypto/index.js';
import type { Workbench } from './open-workbench.js';
import { addRemote, remoteByName, remoteJson } from './remote/remotes.js';
import { MirrorStore, WitnessStore, type CheckpointRecord, type ForkRecord, type LogRecord } from './store/index.js';
import { parseForkEvidence, syncRemote, verifyForkEvidence, type SyncResult } from './sync/index.js';
import { cosignRemote } from './witness/index.js';
import type { TaskRegistry } from './workbench-tasks.js';

function checkpointDto(record: CheckpointRecord): CheckpointDto {
  return { treeSize: record.treeSize, rootHash: toHex(record.rootHash), note: record.note, source: record.source, createdAtMs: record.createdAt };
}

function syncResultDto(result: SyncResult): SyncResultDto {
  return {
    remote: result.remote,
    treeSize: result.treeSize,
    rootHash: result.rootHash,
    fetched: result.fetched,
    checkpointSize: result.checkpointSize,
    upToDate: result.upToDate,
    entryProblems: result.entryProblems.map((p) => ({ index: p.index, problem: p.problem })),
  };
}

/** Returns `remotes` and `forks` for createWorkbenchApi. */
export function createRemoteOperations(workbench: Workbench, tasks: TaskRegistry): Pick<WorkbenchApi, 'remotes' | 'forks'> {
  const { store, clock } = workbench;
  const mirrors = () => new MirrorStore(store.db);

  function remoteDto(log: LogRecord, nowMs: number): RemoteDto {
    // The newest checkpoint the remote itself showed and sync verified (evidence and cosigned copies aside).
    const latest = store.checkpoints(log.id).filter((c) => c.source === 'fetched').at(-1);
    return {
      ...remoteJson(log),
      type: log.remoteType as RemoteTypeDto,
      latestCheckpoint: latest ? checkpointDto(latest) : null,
      latestCheckpointAgeSec: latest ? Math.max(0, Math.floor((nowMs - latest.createdAt) / 1000)) : null,
      forkIds: mirrors().forks(log.id).map((f) => f.id),
      syncTask: tasks.runningFor('sync', log.name),
    };
  }

  function forkSummary(fork: ForkRecord, log: LogRecord | undefined): ForkSummaryDto {
    return { id: fork.id, remote: log?.name ?? `log ${fork.logId}`, origin: log?.origin ?? '', olderSize: fork.olderSize, newerSize: fork.newerSize, detectedAtMs: fork.detectedAt };
  }

  /** The cosignature/v1 key of the workbench witness, if it ever cosigned (a read never creates the key). */
  function witnessKey(): string | null {
    const stored = new WitnessStore(store.db).signerKey();
    return stored ? formatVerifierKey(parseCosignerKey(stored.skey).verifier) : null;
  }

  return {
    remotes: {
      async list() {
        const nowMs = clock.nowMs();
        return { nowMs, remotes: store.logs().filter((l) => l.role === 'mirror').map((l) => remoteDto(l, nowMs)) };
      },

      async add(input) {
        const added = addRemote(store, nodeHasher, input, clock.nowMs());
        return remoteDto(remoteByName(store, added.name), clock.nowMs());
      },

      async sync(input) {
        const { name } = remoteByName(store, input.name);
        return tasks.start(
          'sync',
          name,
          async (ctx) =>
            syncResultDto(
              await syncRemote(workbench, name, {
                toSize: input.toSize,
                signal: ctx.signal,
                onProgress: (p) => {
                  if (p.phase === 'entries') ctx.progress(`Sync ${name}`, p.done, p.total);
                },
              }),
            ),
          { cancellable: true },
        );
      },

      async checkpoints(input) {
        const log = remoteByName(store, input.name);
        const all = store.checkpoints(log.id);
        const limit = input.limit ?? DEFAULT_CHECKPOINT_LIMIT;
        return { log: log.name, origin: log.origin, verifierKeys: log.verifierKeys, total: all.length, checkpoints: all.slice(-limit).map(checkpointDto), witnessKey: witnessKey() };
      },

      async cosign(input) {
        const result = cosignRemote(workbench, input.name);
        return {
          remote: result.remote,
          origin: result.origin,
          treeSize: result.treeSize,
          rootHash: result.rootHash,
          note: result.note,
          witnessName: result.witness.name,
          witnessKey: result.witness.verifierKey,
          timestampSec: result.witness.timestamp,
        };
      },
    },

    forks: {
      async list() {
        const logs = new Map(store.logs().map((l) => [l.id, l]));
        return { forks: mirrors().forks().reverse().map((f) => forkSummary(f, logs.get(f.logId))) };
      },

      async get(input) {
        const fork = mirrors().forkById(input.id);
        if (!fork) throw new NotFoundError('fork_not_found', `no fork evidence with id ${input.id}`, { id: input.id }, { hint: 'the Remotes view lists the forks each remote showed' });
        const log = store.logs().find((l) => l.id === fork.logId);
        const verifierKeys = log?.verifierKeys ?? [];
        let verdict: ForkDetailDto['verdict'] = null;
        let verdictError: ForkDetailDto['verdictError'] = null;
        try {
          const v = verifyForkEvidence(parseForkEvidence(fork.evidence), verifierKeys, nodeHasher);
          verdict = { ok: v.ok, size: v.size, roots: v.roots, reason: v.reason };
        } catch (error) {
          verdictError = errorToData(error);
        }
        const name = log?.name ?? `log-${fork.logId}`;
        return { ...forkSummary(fork, log), evidenceJson: fork.evidence, fileName: `${name}-fork-${fork.id}.json`, verifierKeys, verdict, verdictError };
      },
    },
  };
}
