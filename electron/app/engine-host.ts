/**
 * The engine, off the UI thread: runs in an Electron utilityProcess (plain Node, no window), opens
 * the workbench and answers the main process's calls through createWorkbenchApi. Calls arrive
 * checked by the main process; they are checked again here, as the engine's own boundary.
 */

import type {} from 'electron';
import { MAX_ARTIFACT_BYTES, WORKBENCH_EVENTS, dispatchApiCall, failureEnvelope, isApiMethod, parseApiInput, type WorkbenchApi, type WorkbenchEventName } from '../../shared/api/index.js';
import { defaultDataDir } from '../engine/data-dir.js';
import { openWorkbench, type Workbench } from '../engine/open-workbench.js';
import { createWorkbenchApi } from '../engine/workbench-api.js';
import { createArtifactStaging } from '../engine/workbench-artifacts.js';
import type { FromEngine, ToEngine } from './engine-messages.js';

const port = process.parentPort;
if (!port) throw new Error('bug: engine-host.js must run in an Electron utilityProcess');

function send(message: FromEngine): void {
  port.postMessage(message);
}

const dataDir = process.env.PROVWB_DATA_DIR_FOR_ENGINE ?? defaultDataDir();
let workbench: Workbench | undefined;
let api: WorkbenchApi | undefined;
let openError: unknown;
// Files the user picked for signing, by path (the main process checked the sender and the path).
const staging = createArtifactStaging({ maxBytes: MAX_ARTIFACT_BYTES });
try {
  workbench = openWorkbench({ dataDir });
  api = createWorkbenchApi(workbench, { staging });
  for (const name of Object.keys(WORKBENCH_EVENTS) as WorkbenchEventName[]) api.on(name, (payload) => send({ type: 'event', name, payload }));
} catch (error) {
  // Typically workbench_not_initialized: every call answers it, with its hint, so the window can say so.
  openError = error;
}

port.on('message', (event: Electron.MessageEvent) => {
  const message = event.data as ToEngine | undefined;
  if (message?.type === 'stage' && typeof message.id === 'number' && typeof message.path === 'string') {
    const { id } = message;
    const started = Date.now();
    void staging
      .stagePath(message.path, (done, total) => {
        const elapsedSec = (Date.now() - started) / 1000;
        const ratePerSec = elapsedSec > 0 ? done / elapsedSec : 0;
        send({ type: 'event', name: 'task-progress', payload: { task: `stage:${id}`, label: 'Hashing', done, total, ratePerSec, etaSec: ratePerSec > 0 ? (total - done) / ratePerSec : null } });
      })
      .then(
        (result) => send({ type: 'result', id, envelope: { ok: true, result } }),
        (error: unknown) => send({ type: 'result', id, envelope: failureEnvelope(error) }),
      );
    return;
  }
  if (message?.type !== 'call' || typeof message.id !== 'number') return;
  const { id, method, input } = message;
  void (async () => {
    if (!api) return send({ type: 'result', id, envelope: failureEnvelope(openError) });
    if (!isApiMethod(method)) return send({ type: 'result', id, envelope: failureEnvelope(new Error(`bug: engine host got method ${String(method)}`)) });
    try {
      const result = await dispatchApiCall(api, method, parseApiInput(method, input));
      send({ type: 'result', id, envelope: { ok: true, result } });
    } catch (error) {
      send({ type: 'result', id, envelope: failureEnvelope(error) });
    }
  })();
});

process.on('exit', () => {
  staging.close();
  workbench?.close();
});
