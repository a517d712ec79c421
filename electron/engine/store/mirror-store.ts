import type { Db } from './database.js';

/** One stored fork: two signed checkpoints of a log that cannot both be true, with the evidence document. */
export interface ForkRecord {
  readonly id: number;
  readonly logId: number;
  readonly olderSize: number;
  readonly newerSize: number;
  /** The self-contained evidence document (JSON text, see sync/fork-evidence.ts). */
  readonly evidence: string;
  readonly detectedAt: number;
}

interface ForkRow {
  id: number;
  log_id: number;
  older_size: number;
  newer_size: number;
  evidence: string;
  detected_at: number;
}

function rowToFork(row: ForkRow): ForkRecord {
  return { id: row.id, logId: row.log_id, olderSize: row.older_size, newerSize: row.newer_size, evidence: row.evidence, detectedAt: row.detected_at };
}

/** SQL of mirrored logs beyond what every log has (migration 3): fork evidence, remote settings. */
export class MirrorStore {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      insertFork: db.prepare(
        `INSERT INTO forks (log_id, older_size, newer_size, evidence, detected_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (log_id, evidence) DO NOTHING`,
      ),
      forkByEvidence: db.prepare<[number, string], ForkRow>('SELECT * FROM forks WHERE log_id = ? AND evidence = ?'),
      forksOfLog: db.prepare<[number], ForkRow>('SELECT * FROM forks WHERE log_id = ? ORDER BY id'),
      allForks: db.prepare<[], ForkRow>('SELECT * FROM forks ORDER BY id'),
      forkById: db.prepare<[number], ForkRow>('SELECT * FROM forks WHERE id = ?'),
      setOrigin: db.prepare("UPDATE logs SET origin = ? WHERE id = ? AND role = 'mirror'"),
    };
  }

  /** Stores fork evidence once (the same document again is a no-op); returns its row. */
  insertFork(input: { logId: number; olderSize: number; newerSize: number; evidence: string; detectedAt: number }): ForkRecord {
    this.s.insertFork.run(input.logId, input.olderSize, input.newerSize, input.evidence, input.detectedAt);
    return rowToFork(this.s.forkByEvidence.get(input.logId, input.evidence)!);
  }

  forks(logId?: number): ForkRecord[] {
    return (logId === undefined ? this.s.allForks.all() : this.s.forksOfLog.all(logId)).map(rowToFork);
  }

  forkById(id: number): ForkRecord | undefined {
    const row = this.s.forkById.get(id);
    return row && rowToFork(row);
  }

  /** Pins a mirror's origin, learnt from its first verified checkpoint when `remote add` had none. */
  setOrigin(logId: number, origin: string): void {
    this.s.setOrigin.run(origin, logId);
  }
}
