import type { Db } from './database.js';

/**
 * SQL of the workbench's witness key (migration 4, one row). The signer key is stored as the local
 * log's checkpoint key is (log_signers): unsealed, because both sign unattended (a scheduled
 * `monitor check`/`witness cosign`, `provwb serve`) where no passphrase can be typed; the database is
 * a 0600 file in a 0700 folder, and a witness key is only as strong as the machine that runs it.
 */
export class WitnessStore {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      insert: db.prepare('INSERT INTO witness_keys (id, skey, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING'),
      get: db.prepare<[], { skey: string; created_at: number }>('SELECT skey, created_at FROM witness_keys WHERE id = 1'),
    };
  }

  /** Returns the witness signer key, or undefined before the first use. */
  signerKey(): { skey: string; createdAt: number } | undefined {
    const row = this.s.get.get();
    return row && { skey: row.skey, createdAt: row.created_at };
  }

  /** Stores the witness signer key unless one exists (the first writer wins); returns the stored one. */
  insertSignerKey(skey: string, createdAt: number): { skey: string; createdAt: number } {
    this.s.insert.run(skey, createdAt);
    return this.signerKey()!;
  }
}
