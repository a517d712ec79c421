import { useCallback, useEffect, useRef, useState } from 'react';
import { WorkbenchError, isWorkbenchError, type WorkbenchEventName } from '../../../shared/api/index.js';
import { useWorkbench } from './workbench-context.js';

export interface CallState<T> {
  readonly data: T | undefined;
  readonly error: WorkbenchError | undefined;
  readonly loading: boolean;
  reload(): void;
}

function asWorkbenchError(error: unknown): WorkbenchError {
  if (isWorkbenchError(error)) return error;
  return new WorkbenchError('renderer_error', error instanceof Error ? error.message : String(error));
}

/**
 * Runs `run` when `key` changes (and on reload) and returns its latest outcome. The previous data
 * stays while a new call runs, so views do not flicker; a stale answer never overwrites a newer one.
 * `key: undefined` means "nothing to load".
 */
export function useCall<T>(key: string | undefined, run: () => Promise<T>): CallState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: WorkbenchError | undefined; loading: boolean }>({ data: undefined, error: undefined, loading: key !== undefined });
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (key === undefined) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    runRef.current().then(
      (data) => ticket === latest.current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => ticket === latest.current && setState((s) => ({ data: s.data, error: asWorkbenchError(error), loading: false })),
    );
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** Returns a number that grows each time the engine reports the event (to reload what depends on it). */
export function useEventCounter(event: WorkbenchEventName, filter?: (payload: unknown) => boolean): number {
  const api = useWorkbench();
  const [count, setCount] = useState(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(() => api.on(event, (payload) => (filterRef.current?.(payload) ?? true) && setCount((c) => c + 1)), [api, event]);
  return count;
}
