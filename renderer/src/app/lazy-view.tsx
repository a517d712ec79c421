import { Suspense, lazy, type ComponentType, type JSX } from 'react';
import { WorkbenchError } from '../../../shared/api/index.js';
import { ErrorPanel, Spinner } from '../components/ErrorPanel.js';

/** A lazily loaded view; `preload()` fetches its code ahead of the first render. */
export type LazyView<P> = ((props: P) => JSX.Element) & { preload(): void };

/**
 * Returns a component that loads `load`'s component on first render, with a spinner meanwhile.
 * Views other than the Explorer are loaded this way so the first page load parses only what the
 * Explorer needs (the ui bench's time to first rows). A chunk that cannot be loaded (the app was
 * rebuilt or updated under the page) says so instead of leaving a blank view.
 */
export function lazyView<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  // One load for the preload and the first render; a failed one may be tried again.
  const loadOnce = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const Loaded = lazy(() =>
    loadOnce().then(
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
  const View = (props: P) => (
    <Suspense fallback={<Spinner label={`Loading ${what}`} />}>
      <Loaded {...props} />
    </Suspense>
  );
  return Object.assign(View, { preload: () => void loadOnce().catch(() => undefined) });
}
