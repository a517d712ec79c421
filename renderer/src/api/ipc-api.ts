/**
 * The desktop transport: WorkbenchApi over the preload's `window.workbench` bridge. The main process
 * answers envelopes (errors cannot cross contextBridge as their class), rebuilt here.
 */

import {
  apiFromCall,
  isWorkbenchEventName,
  resultFromEnvelope,
  type ApiCall,
  type StagedArtifactDto,
  type WorkbenchApi,
  type WorkbenchBridge,
  type WorkbenchEventListener,
  type WorkbenchEventName,
} from '../../../shared/api/index.js';
import { createStatus, type Connection } from './connection.js';

/** Returns true when `value` has the bridge's functions (what the preload exposes). */
export function isWorkbenchBridge(value: unknown): value is WorkbenchBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Record<string, unknown>;
  return typeof bridge.invoke === 'function' && typeof bridge.subscribe === 'function' && typeof bridge.stageFile === 'function';
}

/** Events that may arrive before any view listens (a file opened with the app): kept for the first listener. */
const KEPT_UNTIL_HEARD: ReadonlySet<WorkbenchEventName> = new Set(['file-opened']);

/** Returns the WorkbenchApi over the Electron preload bridge. */
export function createIpcApi(bridge: WorkbenchBridge): Connection {
  const call: ApiCall = async (method, input) => resultFromEnvelope(await bridge.invoke(method, input)) as never;
  const listeners = new Map<WorkbenchEventName, Set<(payload: unknown) => void>>();
  const kept: Array<{ name: WorkbenchEventName; payload: unknown }> = [];
  // One subscription for the page's lifetime: it also tells the main process we are listening.
  bridge.subscribe((name, payload) => {
    if (!isWorkbenchEventName(name)) return;
    const set = listeners.get(name);
    if (set && set.size > 0) for (const l of set) l(payload);
    else if (KEPT_UNTIL_HEARD.has(name)) kept.push({ name, payload });
  });
  const on: WorkbenchApi['on'] = <E extends WorkbenchEventName>(event: E, listener: WorkbenchEventListener<E>) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const stored = listener as (payload: unknown) => void;
    set.add(stored);
    for (let i = kept.findIndex((k) => k.name === event); i >= 0; i = kept.findIndex((k) => k.name === event)) {
      const [k] = kept.splice(i, 1);
      queueMicrotask(() => stored(k!.payload));
    }
    return () => {
      set.delete(stored);
    };
  };
  const status = createStatus('live');
  return {
    api: apiFromCall(call, on),
    mode: 'desktop',
    label: 'desktop',
    status: status.get,
    onStatus: status.on,
    // The engine hashes the file where it lies; its progress arrives as task-progress events.
    stageArtifact: async (file) => resultFromEnvelope(await bridge.stageFile(file)) as StagedArtifactDto,
  };
}
