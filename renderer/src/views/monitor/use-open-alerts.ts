import { useEffect, useState } from 'react';
import { useWorkbench } from '../../api/workbench-context.js';

/**
 * Returns the number of unacknowledged alerts: read once, then kept current by the engine's
 * `alerts-changed` events (which also follow checks run by the CLI on the same workbench).
 * Undefined until known.
 */
export function useOpenAlerts(): number | undefined {
  const api = useWorkbench();
  const [count, setCount] = useState<number | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let heard = false;
    const off = api.on('alerts-changed', (event) => {
      heard = true;
      setCount(event.unacknowledged);
    });
    // An event that arrived first is newer than this answer.
    void api.monitor.alerts({ state: 'new', limit: 1 }).then(
      (list) => live && !heard && setCount(list.counts.new),
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return count;
}
