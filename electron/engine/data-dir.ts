import os from 'node:os';
import path from 'node:path';

/** The folder name under the platform's app-data folder; the Electron app uses the same one. */
export const APP_FOLDER = 'provenance-workbench';

/**
 * Returns the default workbench folder: $PROVWB_DATA_DIR, else the platform's app-data folder
 * (Linux: $XDG_CONFIG_HOME or ~/.config, as Electron's userData; macOS: ~/Library/Application Support;
 * Windows: %APPDATA%), so the CLI and the desktop app share one workbench.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PROVWB_DATA_DIR) return path.resolve(env.PROVWB_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
