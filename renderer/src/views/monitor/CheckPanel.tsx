import { useEffect, useState } from 'react';
import { errorFromData, type MonitorTaskDto } from '../../../../shared/api/index.js';
import { useAction } from '../../api/use-action.js';
import { useTask } from '../../api/use-task.js';
import { useWorkbench } from '../../api/workbench-context.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { TaskBar } from '../../components/TaskBar.js';
import { formatCount } from '../../format/format.js';

function CheckOutcome({ task }: { task: MonitorTaskDto }) {
  if (task.state === 'failed' && task.error) return <ErrorPanel error={errorFromData(task.error)} title="Check failed" />;
  const r = task.result;
  if (task.state !== 'done' || !r) return null;
  const n = r.alerts.length;
  return (
    <>
      <div className={`outcome${n === 0 ? ' pass' : ' alerted'}`} role="status" data-testid="check-outcome">
        {n === 0 ? 'No new alerts.' : `${formatCount(n)} new ${n === 1 ? 'alert' : 'alerts'}.`}
        {r.synced.length > 0 && ` Synced ${r.synced.map((s) => `${s.remote} to ${formatCount(s.treeSize)} entries (${formatCount(s.fetched)} new)`).join(', ')}.`}
        {r.webhook && ` Webhook: ${formatCount(r.webhook.delivered)} delivered${r.webhook.pending > 0 ? `, ${formatCount(r.webhook.pending)} waiting (${r.webhook.lastError ?? 'failed'})` : ''}.`}
      </div>
      {r.syncErrors.map((e) => (
        <div key={e.remote} className="error-panel" role="alert" data-error-code={e.code}>
          <strong>{e.remote} could not be synced</strong> — {e.message} <span className="faint">Its mirrored entries were still checked; a monitor that cannot see the log must not look quiet.</span>
        </div>
      ))}
    </>
  );
}

/** "Check now": syncs the watched remotes and records new alerts, with the sync's progress. */
export function CheckPanel({ onFinished }: { onFinished: () => void }) {
  const api = useWorkbench();
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const { task, error: taskError } = useTask(taskId, onFinished);
  const start = useAction();
  const check = task?.kind === 'monitor' ? task : undefined;
  const running = check?.state === 'running';

  // Back in the view: follow the newest check the engine still holds (one may be running).
  useEffect(() => {
    let live = true;
    void api.tasks.list().then(
      ({ tasks }) => live && setTaskId((id) => id ?? tasks.find((t) => t.kind === 'monitor')?.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (
    <section className="panel" aria-label="Check">
      <div className="panel-head">
        <h2 className="grow">Check</h2>
        <label className="row small muted">
          <input type="checkbox" checked={offline} onChange={(e) => setOffline(e.target.checked)} aria-label="Check without syncing" />
          without syncing
        </label>
        <button type="button" className="btn primary" disabled={running || start.busy} onClick={() => void start.run(async () => setTaskId((await api.monitor.check(offline ? { offline } : {})).id))}>
          Check now
        </button>
      </div>
      <div className="panel-body sync-body">
        {running && <TaskBar label="Checking watches" progress={check.progress} />}
        {check && !running && <CheckOutcome task={check} />}
        {!check && <div className="muted">A check syncs every watched remote (verified as in Remotes), then looks each watch up in the search index from where it stopped: every match is alerted exactly once. <code>provwb monitor check</code> does the same from cron.</div>}
        {start.error && <ErrorPanel error={start.error} />}
        {taskError && <ErrorPanel error={taskError} />}
      </div>
    </section>
  );
}
