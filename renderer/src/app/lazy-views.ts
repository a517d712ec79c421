import { lazyView } from './lazy-view.js';

// Every view but the Explorer is its own chunk, loaded when first shown: a cold load of the Explorer
// (the ui bench's time to first rows) then parses neither their code nor what only they use
// (@noble's curves for checkpoints and signatures, CodeMirror for the designer).
export const Dashboard = lazyView('the dashboard', () => import('../views/dashboard/Dashboard.js').then((m) => m.Dashboard));
export const ProofViewer = lazyView('the proof viewer', () => import('../views/proof/ProofViewer.js').then((m) => m.ProofViewer));
export const ConsistencyView = lazyView('the consistency view', () => import('../views/consistency/ConsistencyView.js').then((m) => m.ConsistencyView));
export const VerifyFile = lazyView('the file verifier', () => import('../views/verify/VerifyFile.js').then((m) => m.VerifyFile));
export const SignView = lazyView('the sign view', () => import('../views/sign/SignView.js').then((m) => m.SignView));
export const KeysView = lazyView('the keys view', () => import('../views/keys/KeysView.js').then((m) => m.KeysView));
export const RemotesView = lazyView('the remotes view', () => import('../views/remotes/RemotesView.js').then((m) => m.RemotesView));
export const ForkView = lazyView('the fork view', () => import('../views/forks/ForkView.js').then((m) => m.ForkView));
export const AuditView = lazyView('the audit view', () => import('../views/audit/AuditView.js').then((m) => m.AuditView));
export const MonitorView = lazyView('the monitor', () => import('../views/monitor/MonitorView.js').then((m) => m.MonitorView));
export const DesignerView = lazyView('the type designer', () => import('../views/designer/DesignerView.js').then((m) => m.DesignerView));

/**
 * Fetches every view but the designer once the page has shown its first view, so switching views
 * needs no round trip and a view opened after the engine went away still says so itself. The
 * designer (CodeMirror, ~0.7 MB) stays on demand.
 */
export function preloadViews(): void {
  for (const view of [Dashboard, ProofViewer, ConsistencyView, VerifyFile, SignView, KeysView, RemotesView, ForkView, AuditView, MonitorView]) view.preload();
}
