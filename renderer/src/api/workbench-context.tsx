import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { WorkbenchApi } from '../../../shared/api/index.js';
import type { Connection, ConnectionStatus } from './connection.js';

const ConnectionContext = createContext<Connection | undefined>(undefined);

export function WorkbenchProvider({ connection, children }: { connection: Connection; children: ReactNode }) {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

/** Returns the WorkbenchApi; views never learn whether it runs over IPC or HTTP. */
export function useWorkbench(): WorkbenchApi {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('bug: useWorkbench outside WorkbenchProvider');
  return connection.api;
}

/** Returns the function that hands a file to the engine for signing (upload or desktop path). */
export function useStageArtifact(): Connection['stageArtifact'] {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('bug: useStageArtifact outside WorkbenchProvider');
  return connection.stageArtifact;
}

/** Returns the connection (for the shell's status bar only). */
export function useConnection(): { mode: Connection['mode']; label: string; status: ConnectionStatus } {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('bug: useConnection outside WorkbenchProvider');
  const [status, setStatus] = useState(connection.status());
  useEffect(() => connection.onStatus(setStatus), [connection]);
  return { mode: connection.mode, label: connection.label, status };
}
