import { existsSync } from 'node:fs';
import path from 'node:path';
import { NotFoundError } from '../../../shared/api/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Clock } from '../log/index.js';
import { DATABASE_FILE, Store, openDatabase, type Db } from '../store/index.js';
import { AuditFindings, errorText, type AuditProgress, type AuditReport } from './audit-report.js';
import { auditLog } from './audit-log.js';

/** How much of the file the audit maps (SQLite maps at most the file's size). */
const AUDIT_MMAP_BYTES = 1 << 30;

export interface AuditWorkbenchInput {
  readonly dataDir: string;
  readonly logName: string;
  readonly clock?: Clock;
  readonly onProgress?: (progress: AuditProgress) => void;
}

/**
 * Returns the audit of one log of the workbench in `dataDir`, read through its own read-only
 * connection (an audit never writes, and must not run the migrations an ordinary open runs). A file
 * SQLite cannot open as a database is a problem in the report, not an error; a missing workbench or
 * log is NotFoundError.
 */
export async function auditWorkbench(input: AuditWorkbenchInput): Promise<AuditReport> {
  if (!existsSync(path.join(input.dataDir, DATABASE_FILE))) {
    throw new NotFoundError('workbench_not_initialized', `no workbench in ${input.dataDir}`, undefined, { hint: 'pass the --data-dir of the workbench to audit' });
  }
  let db: Db | undefined;
  try {
    let store: Store;
    try {
      db = openDatabase(input.dataDir, { readonly: true });
      store = new Store(db);
      // The audit reads every page; through a map SQLite spends half the CPU it spends on read() copies.
      store.setMemoryMapSize(AUDIT_MMAP_BYTES);
    } catch (error) {
      return unreadable(input.logName, error);
    }
    return await auditLog({ store, logName: input.logName, hasher: nodeHasher, ...(input.clock ? { clock: input.clock } : {}), ...(input.onProgress ? { onProgress: input.onProgress } : {}) });
  } finally {
    db?.close();
  }
}

function unreadable(logName: string, error: unknown): AuditReport {
  const findings = new AuditFindings();
  findings.problem('database_unreadable', null, `the database file cannot be read as an SQLite database: ${errorText(error)}`, { table: 'sqlite' });
  return { ok: false, log: logName, origin: '', treeSize: 0, rootHash: '', entriesChecked: 0, checkpointsChecked: 0, tilesChecked: 0, typedEntriesChecked: 0, problems: findings.problems, problemsOmitted: 0, notes: [] };
}
