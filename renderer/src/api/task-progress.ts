import type { TaskDto, WorkbenchEvents } from '../../../shared/api/index.js';

/** Returns the task with a `task-progress` event applied (events of other tasks, or after the end, change nothing). */
export function withProgress<T extends TaskDto>(task: T, event: WorkbenchEvents['task-progress']): T {
  if (event.task !== task.id || task.state !== 'running') return task;
  const { label, done, total, ratePerSec, etaSec } = event;
  return { ...task, progress: { label, done, total, ratePerSec, etaSec } };
}
