import type { StagedArtifactDto, WorkbenchApi } from '../../../shared/api/index.js';

/** How the page reaches the engine: live, retrying the event stream, or refused (bad token). */
export type ConnectionStatus = 'live' | 'reconnecting' | 'unauthorized';

/** The renderer's handle on the engine. Views see only `api`; the shell also shows the status. */
export interface Connection {
  readonly api: WorkbenchApi;
  readonly mode: 'desktop' | 'browser';
  /** For the status bar, e.g. `127.0.0.1:41234`. */
  readonly label: string;
  status(): ConnectionStatus;
  /**
   * Hands a release file to the engine for `signing.sign`: uploaded (browser mode) or named by its
   * path (desktop). Not part of WorkbenchApi because its input is a file, not plain JSON.
   */
  stageArtifact(file: File, onProgress?: (doneBytes: number, totalBytes: number) => void): Promise<StagedArtifactDto>;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

/** A small observable value for connection status. */
export function createStatus(initial: ConnectionStatus): { get(): ConnectionStatus; set(s: ConnectionStatus): void; on(l: (s: ConnectionStatus) => void): () => void } {
  let value = initial;
  const listeners = new Set<(s: ConnectionStatus) => void>();
  return {
    get: () => value,
    set(s) {
      if (s === value) return;
      value = s;
      for (const l of listeners) l(s);
    },
    on(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
