import type { TaskProgressDto } from '../../../shared/api/index.js';
import { formatEta } from '../format/eta.js';
import { formatCount } from '../format/format.js';

/** A running task's progress in a view: a bar with done/total, the rate and the time left. */
export function TaskBar({ label, progress }: { label: string; progress: TaskProgressDto | null }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <div className="task-bar" data-testid="task-bar">
      <div className="row">
        <strong className="grow">{label}</strong>
        <span className="num" data-testid="task-count">
          {total > 0 ? `${formatCount(done)} / ${formatCount(total)} · ${Math.floor((100 * done) / total)}%` : 'starting…'}
        </span>
      </div>
      {/* Without a total yet the bar is indeterminate (no value). */}
      {total > 0 ? <progress max={total} value={done} aria-label={label} /> : <progress aria-label={label} />}
      <div className="muted small">
        {progress && progress.ratePerSec > 0 ? `${formatCount(Math.round(progress.ratePerSec))} entries/s` : 'measuring rate…'}
        {progress?.etaSec != null && done < total ? ` · ${formatEta(progress.etaSec)} left` : ''}
      </div>
    </div>
  );
}
