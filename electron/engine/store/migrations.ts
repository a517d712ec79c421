import type Database from 'better-sqlite3';

/**
 * Versioned schema changes, applied in order inside one transaction each; PRAGMA user_version
 * records how far a database has come. Never edit a released migration: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  // 1: logs, entry bundles, tiles, checkpoints, the local log's signer.
  `
  CREATE TABLE logs (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL CHECK (role IN ('local', 'mirror')),
    origin        TEXT NOT NULL,
    remote_type   TEXT,
    url           TEXT,
    verifier_keys TEXT NOT NULL DEFAULT '[]',
    tree_size     INTEGER NOT NULL DEFAULT 0,
    root_hash     BLOB NOT NULL,
    created_at    INTEGER NOT NULL
  );
  -- Entries as C2SP tlog-tiles entry bundles (uint16_be length ‖ entry, up to 256 per row; the
  -- partial bundle is rewritten): one row per 256 entries makes appends, audits and tile export
  -- cheap, and the stored bytes are exactly what /tile/entries/N serves.
  CREATE TABLE entry_bundles (
    log_id INTEGER NOT NULL REFERENCES logs (id),
    idx    INTEGER NOT NULL,
    width  INTEGER NOT NULL CHECK (width BETWEEN 1 AND 256),
    bundle BLOB NOT NULL,
    PRIMARY KEY (log_id, idx)
  );
  -- What typed entries (Rekor kinds, custom layouts) carry besides their bytes.
  CREATE TABLE entry_meta (
    log_id          INTEGER NOT NULL,
    idx             INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    api_version     TEXT NOT NULL,
    integrated_time INTEGER,
    -- Bytes the body commits to by hash only (a DSSE payload), for rebuilding the index.
    attachment      BLOB,
    PRIMARY KEY (log_id, idx)
  );
  -- Leaf hash lookups (uuid → index) by the first 6 bytes; the full hash is checked against the tile.
  CREATE TABLE leaf_index (
    log_id      INTEGER NOT NULL,
    hash_prefix INTEGER NOT NULL,
    idx         INTEGER NOT NULL,
    PRIMARY KEY (log_id, hash_prefix, idx)
  ) WITHOUT ROWID;
  -- Hash tiles with their interior rows (see shared/merkle/tile-nodes.ts); partial tiles are rewritten.
  CREATE TABLE tiles (
    log_id INTEGER NOT NULL REFERENCES logs (id),
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    width  INTEGER NOT NULL CHECK (width BETWEEN 1 AND 256),
    nodes  BLOB NOT NULL,
    PRIMARY KEY (log_id, level, idx)
  );
  CREATE TABLE checkpoints (
    id         INTEGER PRIMARY KEY,
    log_id     INTEGER NOT NULL REFERENCES logs (id),
    tree_size  INTEGER NOT NULL,
    root_hash  BLOB NOT NULL,
    note       TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('issued', 'fetched', 'cosigned', 'evidence')),
    created_at INTEGER NOT NULL,
    UNIQUE (log_id, tree_size, note)
  );
  CREATE INDEX checkpoints_by_size ON checkpoints (log_id, tree_size);
  CREATE TABLE log_signers (
    log_id INTEGER PRIMARY KEY REFERENCES logs (id),
    skey   TEXT NOT NULL
  );
  `,
  // 2: search index, keyring, kind lookups.
  `
  -- Search keys of typed entries (sha256 digests, key fingerprints, emails/identities, layout fields).
  CREATE TABLE index_keys (
    key_type TEXT NOT NULL,
    key      TEXT NOT NULL,
    log_id   INTEGER NOT NULL REFERENCES logs (id),
    idx      INTEGER NOT NULL,
    PRIMARY KEY (key_type, key, log_id, idx)
  ) WITHOUT ROWID;
  CREATE INDEX index_keys_by_entry ON index_keys (log_id, idx);
  -- The keyring: public parts in the clear, private parts encrypted with the owner's passphrase.
  CREATE TABLE keys (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    type          TEXT NOT NULL,
    fingerprint   TEXT NOT NULL,
    public_key    TEXT NOT NULL,
    private_key   BLOB,
    user_id       TEXT,
    created_at    INTEGER NOT NULL
  );
  -- Custom type layouts have no table of their own: they are the local log's 'layout' entries
  -- (entry_meta kind = 'layout'), so the log is their only, tamper-evident record.
  CREATE INDEX entry_meta_by_kind ON entry_meta (log_id, kind, api_version);
  `,
  // 3: fork evidence of mirrored logs.
  `
  -- Two signed checkpoints of one log that cannot both be true, kept with the proof that shows it:
  -- the evidence document is self-contained (it re-checks with only the log's public key).
  CREATE TABLE forks (
    id          INTEGER PRIMARY KEY,
    log_id      INTEGER NOT NULL REFERENCES logs (id),
    older_size  INTEGER NOT NULL,
    newer_size  INTEGER NOT NULL,
    evidence    TEXT NOT NULL,
    detected_at INTEGER NOT NULL,
    UNIQUE (log_id, evidence)
  );
  `,
  // 4: monitors (watches, alerts, webhook outbox), the witness key, publications to remote logs.
  `
  -- What to look for in mirrored logs: one search key (as index_keys stores it), in one mirror or
  -- in every mirror (log_id NULL).
  CREATE TABLE watches (
    id         INTEGER PRIMARY KEY,
    key_type   TEXT NOT NULL CHECK (key_type IN ('sha256', 'key_fingerprint', 'email', 'field')),
    key        TEXT NOT NULL,
    wildcard   INTEGER NOT NULL DEFAULT 0 CHECK (wildcard IN (0, 1)),
    log_id     INTEGER REFERENCES logs (id),
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX watches_unique ON watches (key_type, key, ifnull(log_id, 0));
  -- How far each watch has looked in each log: entries below next_index were checked. Moved in the
  -- same transaction as the alerts it found, so a killed check neither loses nor repeats an alert.
  CREATE TABLE watch_cursors (
    watch_id   INTEGER NOT NULL REFERENCES watches (id),
    log_id     INTEGER NOT NULL REFERENCES logs (id),
    next_index INTEGER NOT NULL,
    PRIMARY KEY (watch_id, log_id)
  ) WITHOUT ROWID;
  CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('entry', 'fork')),
    watch_id   INTEGER REFERENCES watches (id),
    log_id     INTEGER NOT NULL REFERENCES logs (id),
    idx        INTEGER,
    uuid       TEXT,
    fork_id    INTEGER UNIQUE REFERENCES forks (id),
    state      TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged', 'suppressed')),
    created_at INTEGER NOT NULL,
    UNIQUE (watch_id, log_id, idx),
    CHECK ((kind = 'entry' AND watch_id IS NOT NULL AND idx IS NOT NULL AND uuid IS NOT NULL AND fork_id IS NULL)
        OR (kind = 'fork' AND watch_id IS NULL AND idx IS NULL AND fork_id IS NOT NULL))
  );
  -- Expected signers: entries carrying one of these key fingerprints do not alert.
  CREATE TABLE allowed_signers (
    fingerprint TEXT PRIMARY KEY,
    created_at  INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    url        TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  -- One row per alert to deliver, written with the alert; delivered_at is set only after a 2xx.
  CREATE TABLE webhook_outbox (
    alert_id        INTEGER PRIMARY KEY REFERENCES alerts (id),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    last_attempt_at INTEGER,
    delivered_at    INTEGER
  );
  -- The workbench's witness (cosigner) key, generated on first use.
  CREATE TABLE witness_keys (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    skey       TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  -- Local entries submitted to a remote log, with the remote's verified answer.
  CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    log_id       INTEGER NOT NULL REFERENCES logs (id),
    uuid         TEXT NOT NULL,
    local_index  INTEGER NOT NULL,
    remote_index INTEGER NOT NULL,
    tree_size    INTEGER NOT NULL,
    answer       TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('created', 'existing')),
    published_at INTEGER NOT NULL,
    UNIQUE (log_id, uuid)
  );
  `,
  // 5: search keys of one type in log order, in place of index_keys_by_entry.
  `
  -- Each row carries its key too (the table's primary key), so a wildcard search can read one key
  -- type in (log, index) order and stop at its limit instead of sorting every match. It serves every
  -- lookup index_keys_by_entry did ((log, index) and type, as AND and monitors ask) at the same size.
  DROP INDEX index_keys_by_entry;
  CREATE INDEX index_keys_by_type ON index_keys (key_type, log_id, idx);
  `,
  // 6: the SET of each local typed entry, signed once at integration.
  `
  -- Reads answer the promise the log made when it integrated the entry instead of signing again
  -- (an Ed25519 signature per read was a third of serving one). NULL for mirrors' entries and for
  -- entries integrated before this version: their SETs are signed when read, as before.
  ALTER TABLE entry_meta ADD COLUMN set_signature BLOB;
  `,
];

/** Returns the schema version a fully migrated database has. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies every migration the database has not seen, up to `targetVersion` (all of them unless
 * given: a lower one builds an older release's schema, as the audit compares it); refuses a
 * database from a newer release.
 */
export function runMigrations(db: Database.Database, targetVersion = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this provwb (${MIGRATIONS.length}); upgrade provwb`);
  }
  for (let version = current; version < Math.min(targetVersion, MIGRATIONS.length); version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
