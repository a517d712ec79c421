import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WindowState {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_WINDOW = { width: 1360, height: 860 } as const;
const MIN = { width: 800, height: 520 } as const;

/**
 * Returns the saved window state if it is well-formed and at least 100×100 px of it is on one of
 * `displays` (a monitor may have gone since); undefined otherwise. The file is ours but lives on
 * disk, so it is parsed like any input.
 */
export function parseWindowState(text: string, displays: readonly Area[]): WindowState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const nums = [v.x, v.y, v.width, v.height];
  if (!nums.every((n) => typeof n === 'number' && Number.isInteger(n) && Math.abs(n) < 100_000) || typeof v.maximized !== 'boolean') return undefined;
  const state = { x: v.x as number, y: v.y as number, width: Math.max(MIN.width, v.width as number), height: Math.max(MIN.height, v.height as number), maximized: v.maximized };
  const visible = displays.some((d) => {
    const w = Math.min(state.x + state.width, d.x + d.width) - Math.max(state.x, d.x);
    const h = Math.min(state.y + state.height, d.y + d.height) - Math.max(state.y, d.y);
    return w >= 100 && h >= 100;
  });
  return visible ? state : undefined;
}

/** Reads the window state file (undefined when missing, malformed or off-screen). */
export function loadWindowState(file: string, displays: readonly Area[]): WindowState | undefined {
  try {
    return parseWindowState(readFileSync(file, 'utf8'), displays);
  } catch {
    return undefined;
  }
}

/** Writes the window state; failures are ignored (losing the window size is not worth an error). */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  } catch {
    // Read-only or full disk: the next start uses the default size.
  }
}
