import { useEffect, useState } from 'react';
import { useConnection, useWorkbench } from '../api/workbench-context.js';
import { TaskProgress } from '../components/TaskProgress.js';
import { Explorer } from '../views/explorer/Explorer.js';
import { AlertCountBadge } from '../views/monitor/AlertCountBadge.js';
import { MAX_FILE_BYTES } from '../verify/file-limits.js';
import type { OpenedFile } from '../views/verify/VerifyFile.js';
import { AuditView, ConsistencyView, Dashboard, DesignerView, ForkView, KeysView, MonitorView, ProofViewer, RemotesView, SignView, VerifyFile, preloadViews } from './lazy-views.js';
import { hasCommandModifier, isTypingTarget } from './keys.js';
import { VIEWS, type Route } from './route.js';
import { useRoute } from './use-route.js';

const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['1 … 7', 'Dashboard, Explorer, Proof, Consistency, Verify file, Sign, Keys'],
  ['8  9', 'Remotes (sync, checkpoints, forks), Audit'],
  ['t', 'Types: the type designer'],
  ['m', 'Monitor: alerts (a acknowledge, s suppress, Enter open), watches, webhook, witness'],
  ['/', 'search entries'],
  ['↑ ↓  or  j k', 'move in the entry list'],
  ['PgUp PgDn  Home End', 'page, first, last'],
  ['Enter  or  p', 'open the selected entry’s proof'],
  ['← →', 'step through the proof recomputation'],
  ['Esc', 'clear the search, close this'],
  ['?', 'this list'],
];

function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M12 3v5M12 8l-6 6M12 8l6 6" stroke="currentColor" strokeWidth="1.6" fill="none" />
      <rect x="9" y="1" width="6" height="5" rx="1" fill="var(--accent)" />
      <rect x="3" y="14" width="6" height="5" rx="1" fill="currentColor" opacity=".55" />
      <rect x="15" y="14" width="6" height="5" rx="1" fill="currentColor" opacity=".55" />
    </svg>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <div className="row">
          <h2 className="grow">Keyboard shortcuts</h2>
          <button type="button" className="btn small" onClick={onClose} autoFocus>
            Close <kbd>Esc</kbd>
          </button>
        </div>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Unauthorized() {
  return (
    <div className="fullpage">
      <div className="panel" role="alert">
        <h1>This page’s access token was not accepted</h1>
        <p>
          Each run of <code>provwb ui</code> makes a new token. Open the URL it printed in your terminal (it ends in <code>#token=…</code>), or start it
          again.
        </p>
        <div className="code faint">unauthorized</div>
      </div>
    </div>
  );
}

function View({ route, navigate, opened }: { route: Route; navigate: ReturnType<typeof useRoute>[1]; opened: OpenedFile | undefined }) {
  switch (route.view) {
    case 'dashboard':
      return <Dashboard navigate={navigate} />;
    case 'explorer':
      return <Explorer route={route} navigate={navigate} />;
    case 'proof':
      return <ProofViewer route={route} navigate={navigate} />;
    case 'consistency':
      return <ConsistencyView route={route} navigate={navigate} />;
    case 'verify':
      return <VerifyFile opened={opened} />;
    case 'sign':
      return <SignView route={route} navigate={navigate} />;
    case 'keys':
      return <KeysView route={route} navigate={navigate} />;
    case 'remotes':
      return <RemotesView route={route} navigate={navigate} />;
    case 'fork':
      return <ForkView route={route} navigate={navigate} />;
    case 'audit':
      return <AuditView route={route} navigate={navigate} />;
    case 'monitor':
      return <MonitorView route={route} navigate={navigate} />;
    case 'designer':
      return <DesignerView route={route} navigate={navigate} />;
  }
}

/** The shell: views as tabs, global shortcuts, the connection's status. */
export function App() {
  const api = useWorkbench();
  const connection = useConnection();
  const [route, navigate] = useRoute();
  const [help, setHelp] = useState(false);
  const [opened, setOpened] = useState<OpenedFile | undefined>(undefined);

  useEffect(() => {
    // After the first view's first frame, so its own code and data go first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(preloadViews, 0)));
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const offFile = api.on('file-opened', (file) => {
      setOpened({ name: file.name, text: file.text });
      navigate({ view: 'verify' });
    });
    const offMenu = api.on('menu-navigate', ({ view }) => {
      if (view === 'shortcuts') setHelp(true);
      const known = VIEWS.find((v) => v.view === view);
      if (known) navigate({ view: known.view } as Route);
    });
    return () => {
      offFile();
      offMenu();
    };
  }, [api, navigate]);

  // A file dropped anywhere opens in the verifier (the browser would otherwise navigate to it).
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file || event.defaultPrevented) return;
      event.preventDefault();
      if (file.size > MAX_FILE_BYTES) return;
      void file.text().then((text) => {
        setOpened({ name: file.name, text });
        navigate({ view: 'verify' });
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [navigate]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && help) {
        setHelp(false);
        return;
      }
      // composedPath: a key typed in an editor inside a shadow root (the designer's CodeMirror) reaches
      // the window retargeted to the shadow host; the first element of its path is the real target.
      if (isTypingTarget(event.composedPath()[0] ?? event.target) || hasCommandModifier(event)) return;
      if (event.key === '?') {
        event.preventDefault();
        setHelp((h) => !h);
        return;
      }
      const view = VIEWS.find((v) => v.key === event.key);
      if (view) {
        event.preventDefault();
        navigate({ view: view.view } as Route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, navigate]);

  if (connection.status === 'unauthorized') return <Unauthorized />;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <BrandMark />
          Provenance Workbench
        </div>
        <nav className="tabs" aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v.view} type="button" className="tab" aria-current={route.view === v.view ? 'page' : undefined} onClick={() => navigate({ view: v.view } as Route)}>
              {v.label} {v.view === 'monitor' && <AlertCountBadge />} <kbd>{v.key}</kbd>
            </button>
          ))}
        </nav>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
      </header>
      <div>
        {connection.status === 'reconnecting' && (
          <div className="banner" role="alert">
            Lost the connection to the workbench engine; retrying… (is <code>provwb ui</code> still running?)
          </div>
        )}
      </div>
      <main className="main" aria-label={VIEWS.find((v) => v.view === route.view)?.label}>
        <View route={route} navigate={navigate} opened={opened} />
      </main>
      <footer className="statusbar">
        <span>
          <span className={`dot ${connection.status === 'live' ? 'live' : 'down'}`} />
          {connection.mode === 'desktop' ? 'Desktop' : `Browser · ${connection.label}`} · {connection.status}
        </span>
        <span className="spacer" />
        <TaskProgress />
        <span>Proofs and signatures are verified in this window, not by the engine</span>
        <span>
          <kbd>?</kbd> shortcuts
        </span>
      </footer>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
