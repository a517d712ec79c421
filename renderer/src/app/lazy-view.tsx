import { Suspense, lazy, type ComponentType, type JSX } from 'react';
import { WorkbenchError } from '../../../shared/api/index.js';
import { ErrorPanel, Spinner } from '../components/ErrorPanel.js';

/**
 * Returns a component that loads `load`'s component on first render, with a spinner meanwhile.
 * Views other than the Explorer are loaded this way so the first page load parses only what the
 * Explorer needs (the ui bench's time to first rows). A chunk that cannot be loaded (the app was
 * rebuilt or updated under the page) says so instead of leaving a blank view.
 */
export function lazyView<P extends object>(what: string, load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const Loaded = lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => ({
        default: function ViewUnavailable() {
          const message = error instanceof Error ? error.message : String(error);
          return (
            <div className="page">
              <ErrorPanel error={new WorkbenchError('view_load_failed', `${what} could not be loaded: ${message}`, undefined, { hint: 'reload the window' })} />
            </div>
          );
        },
      }),
    ),
  );
  return function LazyView(props: P) {
    return (
      <Suspense fallback={<Spinner label={`Loading ${what}`} />}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
