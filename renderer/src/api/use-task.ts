import { useEffect, useRef, useState } from 'react';
import { WorkbenchError, isWorkbenchError, type TaskDto } from '../../../shared/api/index.js';
import { withProgress } from './task-progress.js';
import { useWorkbench } from './workbench-context.js';

export interface TaskState {
  readonly task: TaskDto | undefined;
  /** The engine could not be asked (the task itself failing is `task.error`). */
  readonly error: WorkbenchError | undefined;
}

/**
 * Follows one engine task: reads it, applies its progress events as they arrive and reads it again
 * when it finishes (for the result or error). `onFinished` runs once per finished task.
 */
export function useTask(id: string | undefined, onFinished?: (task: TaskDto) => void): TaskState {
  const api = useWorkbench();
  const [state, setState] = useState<TaskState>({ task: undefined, error: undefined });
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;
  useEffect(() => {
    setState({ task: undefined, error: undefined });
    if (id === undefined) return;
    let live = true;
    const read = () =>
      api.tasks.get({ id }).then(
        (task) => {
          if (!live) return;
          setState({ task, error: undefined });
          if (task.state !== 'running') finishedRef.current?.(task);
        },
        (error: unknown) => live && setState((s) => ({ ...s, error: isWorkbenchError(error) ? error : new WorkbenchError('renderer_error', String(error)) })),
      );
    const offProgress = api.on('task-progress', (event) => setState((s) => (s.task ? { ...s, task: withProgress(s.task, event) } : s)));
    const offFinished = api.on('task-finished', (event) => event.task === id && void read());
    void read();
    return () => {
      live = false;
      offProgress();
      offFinished();
    };
  }, [api, id]);
  return state;
}
