import type { Db } from './database.js';

/** A local entry submitted to a remote log (migration 4), with the remote's verified answer. */
export interface PublicationRecord {
  readonly id: number;
  /** The remote's row in `logs`. */
  readonly logId: number;
  /** Lowercase hex leaf hash: the same in the local log and the remote. */
  readonly uuid: string;
  readonly localIndex: number;
  /** The entry's index in the remote log (Rekor v1: the global log index). */
  readonly remoteIndex: number;
  /** The size of the remote tree the stored inclusion proof is for. */
  readonly treeSize: number;
  /** The remote's answer as JSON text: a Rekor v1 LogEntry map or a Rekor v2 TransparencyLogEntry. */
  readonly answer: string;
  /** 'existing' when the remote already held the entry (Rekor v1 409). */
  readonly status: 'created' | 'existing';
  readonly publishedAt: number;
}

interface PublicationRow {
  id: number;
  log_id: number;
  uuid: string;
  local_index: number;
  remote_index: number;
  tree_size: number;
  answer: string;
  status: 'created' | 'existing';
  published_at: number;
}

function rowToPublication(row: PublicationRow): PublicationRecord {
  return { id: row.id, logId: row.log_id, uuid: row.uuid, localIndex: row.local_index, remoteIndex: row.remote_index, treeSize: row.tree_size, answer: row.answer, status: row.status, publishedAt: row.published_at };
}

/** All SQL of publications. Callers group writes with `Store.transaction`. */
export class PublicationStore {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      upsert: db.prepare(
        `INSERT INTO publications (log_id, uuid, local_index, remote_index, tree_size, answer, status, published_at)
         VALUES (@logId, @uuid, @localIndex, @remoteIndex, @treeSize, @answer, @status, @publishedAt)
         ON CONFLICT (log_id, uuid) DO UPDATE SET remote_index = excluded.remote_index, tree_size = excluded.tree_size,
           answer = excluded.answer, status = excluded.status, published_at = excluded.published_at`,
      ),
      byUuid: db.prepare<[number, string], PublicationRow>('SELECT * FROM publications WHERE log_id = ? AND uuid = ?'),
      all: db.prepare<[], PublicationRow>('SELECT * FROM publications ORDER BY id'),
    };
  }

  /** Stores (or refreshes, with a newer proof) the publication of `uuid` to a remote; returns its row. */
  upsert(input: Omit<PublicationRecord, 'id'>): PublicationRecord {
    this.s.upsert.run(input);
    return this.byUuid(input.logId, input.uuid)!;
  }

  byUuid(logId: number, uuid: string): PublicationRecord | undefined {
    const row = this.s.byUuid.get(logId, uuid);
    return row && rowToPublication(row);
  }

  publications(): PublicationRecord[] {
    return this.s.all.all().map(rowToPublication);
  }
}
