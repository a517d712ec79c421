import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openFile(): void;
  /** Asks the renderer for a view (or `shortcuts`). */
  show(view: string): void;
  readonly development: boolean;
}

/** Returns the application menu: File ▸ Open, the views with Ctrl/Cmd+1…5, zoom; reload and devtools only in development. */
export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const views: Array<[string, string]> = [
    ['dashboard', 'Dashboard'],
    ['explorer', 'Explorer'],
    ['proof', 'Proof viewer'],
    ['consistency', 'Consistency'],
    ['verify', 'Verify file'],
    ['remotes', 'Remotes'],
    ['audit', 'Audit'],
    ['monitor', 'Monitor'],
    ['designer', 'Type designer'],
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [{ label: 'Open File to Verify…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() }, { type: 'separator' }, platform === 'darwin' ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...views.map(([view, label], i): MenuItemConstructorOptions => ({ label, accelerator: `CmdOrCtrl+${i + 1}`, click: () => actions.show(view) })),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.development ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'Shift+/', registerAccelerator: false, click: () => actions.show('shortcuts') }] },
  ];
}
