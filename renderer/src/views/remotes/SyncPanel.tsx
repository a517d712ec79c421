import { useEffect, useState } from 'react';
import { errorFromData, type CosignResultDto, type RemoteDto, type SyncTaskDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useTask } from '../../api/use-task.js';
import { useWorkbench } from '../../api/workbench-context.js';
import type { Route } from '../../app/route.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { TaskBar } from '../../components/TaskBar.js';
import { formatCount } from '../../format/format.js';
import { forkIdOf } from './fork-of-task.js';

function SyncOutcome({ task, navigate }: { task: SyncTaskDto; navigate: (r: Route) => void }) {
  if (task.state === 'done' && task.result) {
    const r = task.result;
    return (
      <div className="outcome pass" role="status">
        {r.upToDate
          ? `Up to date at ${formatCount(r.treeSize)} entries.`
          : `Mirrored ${formatCount(r.treeSize)} entries (${formatCount(r.fetched)} downloaded), verified against the signed checkpoint of size ${formatCount(r.checkpointSize)}.`}
        {r.entryProblems.length > 0 && ` ${formatCount(r.entryProblems.length)} entries their own kind rejects were mirrored as the log signed them.`}
      </div>
    );
  }
  if (task.state === 'cancelled') {
    return (
      <div className="outcome" role="status">
        Cancelled. {task.error?.message ?? ''} Sync again to resume.
      </div>
    );
  }
  if (task.state === 'failed' && task.error) {
    const forkId = forkIdOf(task);
    return (
      <>
        <ErrorPanel error={errorFromData(task.error)} title={forkId !== undefined ? 'Fork detected: the remote signed two incompatible trees' : 'Sync failed'} />
        {forkId !== undefined && (
          <div className="row">
            <button type="button" className="btn primary" onClick={() => navigate({ view: 'fork', id: forkId })}>
              Open fork evidence #{forkId}
            </button>
            <span className="muted">The mirror keeps what it verified before; the conflicting checkpoint is kept only as evidence.</span>
          </div>
        )}
      </>
    );
  }
  return null;
}

/** Sync (and resume), its live progress, Cancel, the outcome; Cosign for a remote whose mirror holds its latest checkpoint. */
export function SyncPanel({ remote, onChanged, navigate }: { remote: RemoteDto; onChanged: () => void; navigate: (r: Route) => void }) {
  const api = useWorkbench();
  const [taskId, setTaskId] = useState<string | undefined>(remote.syncTask ?? undefined);
  // A sync running when the list was read (started elsewhere, or before a reload) is followed too;
  // the parent keys this panel by remote name, so another remote starts afresh.
  useEffect(() => {
    if (remote.syncTask) setTaskId(remote.syncTask);
  }, [remote.syncTask]);
  const { task, error: taskError } = useTask(taskId, onChanged);
  const start = useAction();
  const cancel = useAction();
  const cosign = useAction();
  const [cosigned, setCosigned] = useState<CosignResultDto | undefined>(undefined);
  const sync = task?.kind === 'sync' ? task : undefined;
  const running = sync?.state === 'running';
  const latest = remote.latestCheckpoint;
  const canCosign = remote.forkIds.length === 0 && latest !== null && remote.treeSize >= latest.treeSize && remote.treeSize > 0;
  const resume = !running && (sync?.state === 'cancelled' || (sync?.state === 'failed' && forkIdOf(sync) === undefined) || (latest !== null && remote.treeSize < latest.treeSize));

  return (
    <section className="panel" aria-label={`Sync ${remote.name}`}>
      <div className="panel-head">
        <h2 className="grow">Sync</h2>
        <button type="button" className="btn primary" disabled={running || start.busy} onClick={() => void start.run(async () => setTaskId((await api.remotes.sync({ name: remote.name })).id))}>
          {resume ? 'Resume sync' : 'Sync'}
        </button>
        <button type="button" className="btn" disabled={!running || cancel.busy} onClick={() => void cancel.run(async () => void (await api.tasks.cancel({ id: sync!.id })))}>
          Cancel
        </button>
        <button type="button" className="btn" disabled={!canCosign || running || cosign.busy} title="Cosign the latest verified checkpoint as this workbench's witness" onClick={() => void cosign.run(async () => {
          setCosigned(await api.remotes.cosign({ name: remote.name }));
          onChanged();
        })}>
          Cosign
        </button>
      </div>
      <div className="panel-body sync-body">
        {running && <TaskBar label={`Syncing ${remote.name}`} progress={sync.progress} />}
        {sync && !running && <SyncOutcome task={sync} navigate={navigate} />}
        {!sync && !running && <div className="muted">Sync downloads the remote’s signed checkpoint, checks it against every checkpoint seen before, then every tile and entry against it. A sync that stops resumes where it committed last.</div>}
        {cosigned && (
          <div className="outcome pass" role="status">
            Cosigned size {formatCount(cosigned.treeSize)} as {cosigned.witnessName}; witness key <code>{cosigned.witnessKey}</code>
          </div>
        )}
        {start.error && <ErrorPanel error={start.error} />}
        {cancel.error && <ErrorPanel error={cancel.error} />}
        {cosign.error && <ErrorPanel error={cosign.error} />}
        {taskError && <ErrorPanel error={taskError} />}
      </div>
    </section>
  );
}
