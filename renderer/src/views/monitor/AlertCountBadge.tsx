import { useOpenAlerts } from './use-open-alerts.js';

/** The unacknowledged alert count as a small badge (nothing while there are none). */
export function AlertCountBadge({ className = '' }: { className?: string }) {
  const count = useOpenAlerts();
  if (!count) return null;
  return (
    <span className={`alert-count ${className}`} data-testid="alert-count" aria-label={`${count} unacknowledged ${count === 1 ? 'alert' : 'alerts'}`}>
      {count > 999 ? '999+' : count}
    </span>
  );
}
