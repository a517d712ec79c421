import type { WorkbenchError } from '../../../shared/api/index.js';

/** An engine error as the user should see it: the sentence, the code, and what to do next. */
export function ErrorPanel({ error, onRetry, title }: { error: WorkbenchError; onRetry?: () => void; title?: string }) {
  return (
    <div className="error-panel" role="alert" data-error-code={error.code}>
      <div className="row">
        <strong className="grow">{title ?? error.message}</strong>
        {onRetry && (
          <button type="button" className="btn small" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
      {title && <div>{error.message}</div>}
      <div className="code">{error.code}</div>
      {error.hint && <div className="hint">{error.hint}</div>}
    </div>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return <span className="spinner" role="progressbar" aria-label={label} />;
}
