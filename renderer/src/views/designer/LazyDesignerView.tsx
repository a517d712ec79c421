import { Suspense, lazy, type ComponentProps } from 'react';
import { WorkbenchError } from '../../../../shared/api/index.js';
import { ErrorPanel, Spinner } from '../../components/ErrorPanel.js';
import type { DesignerView as DesignerViewType } from './DesignerView.js';

type Props = ComponentProps<typeof DesignerViewType>;

// The designer brings CodeMirror: loaded when first opened, not with every window. A chunk that
// cannot be loaded (the app was rebuilt or updated under the page) says so instead of a blank page.
const DesignerView = lazy(() =>
  import('./DesignerView.js').then(
    (m) => ({ default: m.DesignerView }),
    (error: unknown) => ({
      default: function DesignerUnavailable() {
        const message = error instanceof Error ? error.message : String(error);
        return (
          <div className="page">
            <ErrorPanel error={new WorkbenchError('view_load_failed', `the type designer could not be loaded: ${message}`, undefined, { hint: 'reload the window' })} />
          </div>
        );
      },
    }),
  ),
);

/** The Type designer, loaded on first use. */
export function LazyDesignerView(props: Props) {
  return (
    <Suspense fallback={<Spinner label="Loading the type designer" />}>
      <DesignerView {...props} />
    </Suspense>
  );
}
