/**
 * The desktop app's main process: one window showing the renderer from app://workbench/, the engine
 * in a utilityProcess, and the Electron security checklist applied — context isolation, sandbox, no
 * Node in the page, strict CSP, no navigation or new windows, permissions denied, every IPC call's
 * sender and input checked (ipc-call.ts) before the engine sees it.
 */

import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../engine/data-dir.js';
import { alertNotice } from './alert-notification.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { startEngine, type EngineClient } from './engine-client.js';
import { answerIpcCall, answerStageFile } from './ipc-call.js';
import { CALL_CHANNEL, EVENT_CHANNEL, READY_CHANNEL, STAGE_CHANNEL } from './ipc-channels.js';
import { menuTemplate } from './menu.js';
import { filesInArgv, readOpenedFile } from './opened-file.js';
import { APP_ORIGIN, isTrustedSender } from './trusted-sender.js';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState } from './window-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '..', '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');
const ENGINE_HOST = path.join(here, 'engine-host.js');

/** `--data-dir=DIR` on the command line, else the CLI's default (the two faces share one workbench). */
function dataDirFrom(argv: readonly string[]): string {
  const flag = argv.find((a) => a.startsWith('--data-dir='));
  return flag ? path.resolve(flag.slice('--data-dir='.length)) : defaultDataDir();
}

// Before `ready`: the scheme's privileges, and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();

let window: BrowserWindow | undefined;
let engine: EngineClient | undefined;
/** Files the OS asked us to open before the renderer listened for them. */
const pendingFiles: string[] = [];
/** True once the current page has subscribed to events (READY_CHANNEL); false again on navigation. */
let rendererListening = false;

function sendEvent(name: string, payload: unknown): void {
  if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
}

/** Shows a desktop notification when the engine reports new alerts; a click brings up the Monitor view. */
function notifyAlerts(name: string, payload: unknown): void {
  const notice = alertNotice(name, payload);
  if (!notice || !Notification.isSupported()) return;
  const notification = new Notification({ title: notice.title, body: notice.body });
  notification.on('click', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
    sendEvent('menu-navigate', { view: 'monitor' });
  });
  notification.show();
}

async function openFile(file: string): Promise<void> {
  if (!window || !rendererListening) {
    pendingFiles.push(file);
    return;
  }
  try {
    sendEvent('file-opened', await readOpenedFile(file));
  } catch (error) {
    dialog.showErrorBox('Cannot open the file', error instanceof Error ? error.message : String(error));
  }
}

async function chooseFile(): Promise<void> {
  if (!window) return;
  const result = await dialog.showOpenDialog(window, {
    title: 'Open a file to verify',
    properties: ['openFile'],
    filters: [{ name: 'Entries, proofs, checkpoints', extensions: ['json', 'txt', 'note', 'checkpoint', 'proof'] }, { name: 'All files', extensions: ['*'] }],
  });
  if (!result.canceled && result.filePaths[0]) await openFile(result.filePaths[0]);
}

/** Applies the checklist's per-contents rules to every web contents, windows and any other. */
function hardenContents(contents: WebContents): void {
  // Nothing navigates away from the renderer: not links, not dropped files, not redirects.
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  contents.on('will-navigate', stay);
  contents.on('will-redirect', stay);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // The only permission the renderer uses: writing hashes to the clipboard (Copy buttons).
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(permission === 'clipboard-sanitized-write' && isTrustedSender(contents.getURL())));
  ses.setPermissionCheckHandler((contents, permission) => permission === 'clipboard-sanitized-write' && isTrustedSender(contents?.getURL()));
  ses.setDevicePermissionHandler(() => false);
  // The renderer needs no network: anything but app:// (and DevTools) is cancelled, CSP or not.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(app|devtools):/.test(details.url) }));
  ses.on('will-download', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = loadWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW),
    minWidth: 800,
    minHeight: 520,
    show: false,
    title: 'Provenance Workbench',
    backgroundColor: '#14171b',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      webviewTag: false,
      safeDialogs: true,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    }, 400);
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }));

  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame) rendererListening = false;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  // One workbench, one window: the running instance opens the files and takes the focus.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    for (const file of filesInArgv(argv, 1)) void openFile(file);
  });

  // macOS: files dropped on the Dock icon or opened with the app.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void openFile(file);
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  void app.whenReady().then(() => {
    hardenSession();
    handleAppProtocol(RENDERER_DIR);
    engine = startEngine({ hostScript: ENGINE_HOST, dataDir: dataDirFrom(process.argv) });
    engine.onEvent(sendEvent);
    engine.onEvent(notifyAlerts);
    ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => answerIpcCall(event.senderFrame?.url, method, input, (m, i) => engine!.call(m, i)));
    ipcMain.handle(STAGE_CHANNEL, (event, filePath: unknown) => answerStageFile(event.senderFrame?.url, filePath, (p) => engine!.stage(p)));
    ipcMain.on(READY_CHANNEL, (event) => {
      if (!isTrustedSender(event.senderFrame?.url)) return;
      rendererListening = true;
      for (const file of pendingFiles.splice(0)) void openFile(file);
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ openFile: () => void chooseFile(), show: (view) => sendEvent('menu-navigate', { view }), development: !app.isPackaged }, process.platform)));
    window = createWindow();
    window.on('closed', () => (window = undefined));
    for (const file of filesInArgv(process.argv, app.isPackaged ? 1 : 2)) void openFile(file);
  });

  app.on('activate', () => {
    if (!window && app.isReady()) window = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => engine?.stop());
}
