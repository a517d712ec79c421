import { useCallback, useState } from 'react';
import { WorkbenchError, isWorkbenchError } from '../../../shared/api/index.js';

export interface ActionState {
  readonly busy: boolean;
  readonly error: WorkbenchError | undefined;
  /** Runs `action` unless one is running; resolves true when it succeeded (its error is kept otherwise). */
  run(action: () => Promise<void>): Promise<boolean>;
  clearError(): void;
}

/** A user-started operation (sign, generate, import): one at a time, its error kept for the form to show. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WorkbenchError | undefined>(undefined);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      if (busy) return false;
      setBusy(true);
      setError(undefined);
      try {
        await action();
        return true;
      } catch (e) {
        setError(isWorkbenchError(e) ? e : new WorkbenchError('renderer_error', e instanceof Error ? e.message : String(e)));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { busy, error, run, clearError };
}
