import type { TaskDto } from '../../../../shared/api/index.js';

/** Returns the fork id a failed sync's error names, when the sync found a fork. */
export function forkIdOf(task: TaskDto | undefined): number | undefined {
  if (task?.state !== 'failed' || task.error?.code !== 'fork_detected') return undefined;
  const id = task.error.details?.forkId;
  return typeof id === 'number' ? id : undefined;
}
