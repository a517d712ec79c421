import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, InputError, NotFoundError } from '../../shared/api/index.js';
import { toHex } from '../../shared/encoding/index.js';
import { formatVerifierKey, generateSignerKey, logIdOfVerifier, parseSignerKey, parseVerifierKey, signNote, type NoteSigner } from '../../shared/note/index.js';
import { nodeHasher, withNodeEd25519 } from './crypto/index.js';
import { createKindRegistry, type KindRegistry, type LogEntryContext } from './entries/index.js';
import { loadKinds } from './types/index.js';
import { createTileHashReader } from '../../shared/merkle/index.js';
import { LocalLog, checkpointBody, systemClock, type CheckpointSigner, type Clock } from './log/index.js';
import { DATABASE_FILE, KeyStore, Store, openDatabase } from './store/index.js';
import { createKeyring, type Keyring } from './keys/index.js';

/** The name of the workbench's own log in the `logs` table. */
export const LOCAL_LOG_NAME = 'local';

export interface InitResult {
  readonly origin: string;
  readonly verifierKey: string;
  readonly logID: string;
}

export interface LogInfo {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: string;
  readonly checkpoint: string;
  readonly verifierKey: string;
  readonly logID: string;
}

/** The engine, wired once: every face (CLI, server, Electron host, tests) opens it here. */
export interface Workbench {
  readonly dataDir: string;
  readonly store: Store;
  readonly clock: Clock;
  /** The local log's Ed25519 note signer (checkpoints and SETs). */
  readonly signer: NoteSigner;
  /** The local log's ID, hex: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
  readonly logIdHex: string;
  localLog(): LocalLog;
  info(): LogInfo;
  /** Every entry kind the local log accepts: Rekor's built-in kinds, `layout`, and the custom layouts it holds. */
  kinds(): KindRegistry;
  /** What adding and answering typed entries needs. */
  entryContext(): LogEntryContext & { registry: KindRegistry; clock: Clock };
  /** The keyring (private keys sealed with the owner's passphrase). */
  keyring(): Keyring;
  /** Returns the leaf hashes of entries of any stored log, reading each tile they need once. */
  leafHashes(logId: number, indexes: readonly number[]): Uint8Array[];
  close(): void;
}

export interface OpenWorkbenchOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
}

function checkpointSignerFor(signer: NoteSigner): CheckpointSigner {
  return { verifierKey: formatVerifierKey(signer.verifier), sign: (body) => signNote(body, [signer]) };
}

/** Returns the opened workbench in `dataDir`; NotFoundError('workbench_not_initialized') when there is none. */
export function openWorkbench(options: OpenWorkbenchOptions): Workbench {
  if (!existsSync(path.join(options.dataDir, DATABASE_FILE))) {
    throw new NotFoundError('workbench_not_initialized', `no workbench in ${options.dataDir}`, undefined, { hint: 'run `provwb init` first (or pass --data-dir)' });
  }
  const db = openDatabase(options.dataDir);
  const store = new Store(db);
  const clock = options.clock ?? systemClock;
  const local = store.logByName(LOCAL_LOG_NAME);
  const skey = local && store.signer(local.id);
  if (!local || !skey) {
    db.close();
    throw new NotFoundError('workbench_not_initialized', `the workbench in ${options.dataDir} has no local log`, undefined, { hint: 'run `provwb init` first' });
  }
  const noteSigner = withNodeEd25519(parseSignerKey(skey), skey);
  const signer = checkpointSignerFor(noteSigner);
  const logIdHex = toHex(logIdOfVerifier(noteSigner.verifier));
  let log: LocalLog | undefined;
  let keyring: Keyring | undefined;
  const localLog = () => (log ??= new LocalLog({ store, logName: LOCAL_LOG_NAME, hasher: nodeHasher, signer, clock, timestamps: { logIdHex, sign: (payload) => noteSigner.sign(payload) } }));
  return {
    dataDir: options.dataDir,
    store,
    clock,
    signer: noteSigner,
    logIdHex,
    localLog,
    info() {
      const record = localLog().record();
      return {
        origin: record.origin,
        treeSize: record.treeSize,
        rootHash: toHex(record.rootHash),
        checkpoint: localLog().latestCheckpoint(),
        verifierKey: signer.verifierKey,
        logID: logIdHex,
      };
    },
    kinds: () => createKindRegistry(loadKinds(store, localLog().record().id)),
    entryContext() {
      return { store, log: localLog(), signer: noteSigner, logIdHex, registry: this.kinds(), clock };
    },
    keyring: () => (keyring ??= createKeyring({ keyStore: new KeyStore(db), clock, randomBytes: (n) => new Uint8Array(randomBytes(n)) })),
    leafHashes: (logId, indexes) =>
      createTileHashReader((tiles) => store.readTiles(logId, tiles)).readHashes(indexes.map((index) => ({ level: 0, index }))).map((h) => h.slice()),
    close: () => db.close(),
  };
}

/** Returns the default origin: a key name without spaces or `+`, unique to this machine. */
function defaultOrigin(): string {
  const host = os.hostname().toLowerCase().replace(/[^a-z0-9.-]/g, '-') || 'localhost';
  return `provwb.local/${host}`;
}

/**
 * Creates the workbench in `dataDir`: the database, the local log with a fresh Ed25519 checkpoint
 * key, and the signed checkpoint of the empty tree. Refuses (ConflictError) if a workbench exists.
 */
export function initWorkbench(input: { dataDir: string; origin?: string | undefined; clock?: Clock }): InitResult {
  const origin = input.origin ?? defaultOrigin();
  if (origin === '' || /[\s+]/.test(origin)) {
    throw new InputError('origin_invalid', `origin ${JSON.stringify(origin)} must be non-empty, without spaces or '+' (it is also the checkpoint key name)`);
  }
  if (existsSync(path.join(input.dataDir, DATABASE_FILE))) {
    throw new ConflictError('already_exists', `a workbench already exists in ${input.dataDir}`, { dataDir: input.dataDir }, { hint: 'use it, or choose another --data-dir' });
  }
  const clock = input.clock ?? systemClock;
  const { skey, vkey } = generateSignerKey(origin, new Uint8Array(randomBytes(32)));
  const db = openDatabase(input.dataDir);
  try {
    const store = new Store(db);
    const signer = checkpointSignerFor(parseSignerKey(skey));
    store.transaction(() => {
      const log = store.createLog({ name: LOCAL_LOG_NAME, role: 'local', origin, verifierKeys: [vkey], emptyRoot: nodeHasher.emptyRoot(), createdAt: clock.nowMs() });
      store.setSigner(log.id, skey);
      const root = nodeHasher.emptyRoot();
      const note = signer.sign(checkpointBody(origin, 0, root));
      store.insertCheckpoint({ logId: log.id, treeSize: 0, rootHash: root, note, source: 'issued', createdAt: clock.nowMs() });
    });
    return { origin, verifierKey: vkey, logID: toHex(logIdOfVerifier(parseVerifierKey(vkey))) };
  } finally {
    db.close();
  }
}
