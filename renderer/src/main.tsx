import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect.js';
import { WorkbenchProvider } from './api/workbench-context.js';
import { App } from './app/App.js';
import './styles.css';

function NotConnected() {
  return (
    <div className="fullpage">
      <div className="panel" role="alert">
        <h1>Not connected to a workbench</h1>
        <p>
          This page needs the access token of a running <code>provwb ui</code>. Start it with <code>npx provwb ui</code> and open the URL it prints (it
          ends in <code>#token=…</code>).
        </p>
        <div className="code faint">no_token</div>
      </div>
    </div>
  );
}

const started = connect({
  bridge: (window as unknown as { workbench?: unknown }).workbench,
  origin: window.location.origin,
  hash: window.location.hash,
  storage: window.sessionStorage,
  replaceHash: (hash) => window.history.replaceState(null, '', hash),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {started.ok ? (
      <WorkbenchProvider connection={started.connection}>
        <App />
      </WorkbenchProvider>
    ) : (
      <NotConnected />
    )}
  </StrictMode>,
);
