/**
 * The desktop renderer's only door to the engine: `window.workbench`, a WorkbenchBridge (calls in,
 * envelopes and events out). Sandboxed preloads run as plain CommonJS and can require nothing but
 * `electron`, so this file imports types only and repeats the channel names of ipc-channels.ts.
 */

import electron = require('electron');
import type { WorkbenchBridge } from '../../shared/api/workbench-api.js';

const { contextBridge, ipcRenderer, webUtils } = electron;

const CALL_CHANNEL = 'workbench:call';
const EVENT_CHANNEL = 'workbench:event';
const READY_CHANNEL = 'workbench:ready';
const STAGE_CHANNEL = 'workbench:stage-file';

const bridge: WorkbenchBridge = {
  invoke: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  // Only a real File from a drop or a file input has a path; anything else sends '' and is refused.
  stageFile: (file) => ipcRenderer.invoke(STAGE_CHANNEL, file instanceof File ? webUtils.getPathForFile(file) : ''),
  subscribe(listener) {
    // The IpcRendererEvent (with its sender) never reaches the page: only the name and payload.
    const handler = (_event: Electron.IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    ipcRenderer.send(READY_CHANNEL);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', bridge);
