import type { Db } from './database.js';

/** One row of the keyring (`keys` table, migration 2): public parts in the clear, private part sealed. */
export interface KeyRecord {
  readonly id: number;
  readonly name: string;
  readonly type: string;
  readonly fingerprint: string;
  /** The public key in its ecosystem's text form (armored OpenPGP, OpenSSH line, minisign file, PEM). */
  readonly publicKey: string;
  /** The sealed private key (see engine/keys/sealed-private-key.ts), or null for a public-only key. */
  readonly privateKey: Uint8Array | null;
  readonly userId: string | null;
  /** When the key was added to the keyring, Unix milliseconds (like the other tables). */
  readonly createdAt: number;
}

export type NewKeyRecord = Omit<KeyRecord, 'id'>;

interface KeyRow {
  id: number;
  name: string;
  type: string;
  fingerprint: string;
  public_key: string;
  private_key: Buffer | null;
  user_id: string | null;
  created_at: number;
}

function rowToKey(row: KeyRow): KeyRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    fingerprint: row.fingerprint,
    publicKey: row.public_key,
    privateKey: row.private_key === null ? null : new Uint8Array(row.private_key),
    userId: row.user_id,
    createdAt: row.created_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * All SQL of the keyring: statements are prepared once, rows become `KeyRecord`s here.
 * It stores what it is given; sealing private keys and checking input is the keyring's job.
 */
export class KeyStore {
  private readonly s;

  constructor(readonly db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO keys (name, type, fingerprint, public_key, private_key, user_id, created_at)
         VALUES (@name, @type, @fingerprint, @publicKey, @privateKey, @userId, @createdAt)`,
      ),
      byName: db.prepare<[string], KeyRow>('SELECT * FROM keys WHERE name = ?'),
      byId: db.prepare<[number], KeyRow>('SELECT * FROM keys WHERE id = ?'),
      all: db.prepare<[], KeyRow>('SELECT * FROM keys ORDER BY name'),
    };
  }

  /**
   * Returns the stored record, or undefined when a key of that name already exists (the UNIQUE
   * constraint decides, so two writers cannot both take a name). Other SQLite errors are rethrown.
   */
  insert(record: NewKeyRecord): KeyRecord | undefined {
    let id: number;
    try {
      const result = this.s.insert.run({
        name: record.name,
        type: record.type,
        fingerprint: record.fingerprint,
        publicKey: record.publicKey,
        privateKey: record.privateKey === null ? null : Buffer.from(record.privateKey),
        userId: record.userId,
        createdAt: record.createdAt,
      });
      id = Number(result.lastInsertRowid);
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    const row = this.s.byId.get(id);
    if (!row) throw new Error(`bug: key row ${id} vanished after insert`);
    return rowToKey(row);
  }

  /** Returns the key named `name`, or undefined. */
  byName(name: string): KeyRecord | undefined {
    const row = this.s.byName.get(name);
    return row && rowToKey(row);
  }

  /** Returns every key, ordered by name. */
  list(): KeyRecord[] {
    return this.s.all.all().map(rowToKey);
  }
}
