import { useEffect, useState } from 'react';
import type { WorkbenchEvents } from '../../../shared/api/index.js';
import { useWorkbench } from '../api/workbench-context.js';
import { formatCount } from '../format/format.js';

type Progress = WorkbenchEvents['task-progress'];

/** Heavy engine work (sync, audit, bulk import) as progress bars in the status bar; finished tasks fade after a moment. */
export function TaskProgress() {
  const api = useWorkbench();
  const [tasks, setTasks] = useState<ReadonlyMap<string, Progress>>(new Map());
  useEffect(
    () =>
      api.on('task-progress', (p) => {
        setTasks((current) => new Map(current).set(p.task, p));
        if (p.total > 0 && p.done >= p.total) {
          setTimeout(() => setTasks((current) => {
            const next = new Map(current);
            if (next.get(p.task)?.done === p.done) next.delete(p.task);
            return next;
          }), 3000);
        }
      }),
    [api],
  );
  // A cancelled or failed task never reaches its total: its end event clears it too.
  useEffect(
    () =>
      api.on('task-finished', ({ task }) => {
        setTimeout(() => setTasks((current) => {
          const next = new Map(current);
          next.delete(task);
          return next;
        }), 3000);
      }),
    [api],
  );
  if (tasks.size === 0) return null;
  return (
    <>
      {[...tasks.values()].map((t) => (
        <span key={t.task} className="task" title={`${t.label}: ${formatCount(t.done)} of ${formatCount(t.total)}`}>
          {t.label}
          <progress max={Math.max(1, t.total)} value={t.done} aria-label={t.label} />
          {t.total > 0 ? `${Math.floor((100 * t.done) / t.total)}%` : ''}
          {t.ratePerSec > 0 ? ` · ${formatCount(Math.round(t.ratePerSec))}/s` : ''}
          {t.etaSec !== null && t.done < t.total ? ` · ${Math.ceil(t.etaSec)} s left` : ''}
        </span>
      ))}
    </>
  );
}
