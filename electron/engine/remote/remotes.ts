import { ConflictError, InputError, NotFoundError } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import { parseVerifierKey } from '../../../shared/note/index.js';
import type { MerkleHasher } from '../../../shared/merkle/index.js';
import type { LogRecord, Store } from '../store/index.js';
import { isPemKey, normaliseVerifierKey } from './log-verifier.js';

/** The kinds of remote logs `provwb` mirrors. */
export const REMOTE_TYPES = ['rekor', 'rekor-v2', 'tiles', 'sumdb'] as const;
export type RemoteType = (typeof REMOTE_TYPES)[number];

/** The origin line of every Go checksum-database tree note. */
export const SUMDB_ORIGIN = 'go.sum database tree';

export interface AddRemoteInput {
  readonly name: string;
  readonly type: string;
  readonly url: string;
  /** A C2SP verifier key or a PEM public key. */
  readonly key: string;
  readonly origin?: string | undefined;
}

/** A remote as `remote list` / `remote add` show it. */
export interface RemoteJson {
  readonly name: string;
  readonly type: RemoteType;
  readonly url: string;
  readonly origin: string;
  readonly verifierKeys: readonly string[];
  readonly treeSize: number;
  readonly rootHash: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Returns the remote's display form. */
export function remoteJson(log: LogRecord): RemoteJson {
  return {
    name: log.name,
    type: log.remoteType as RemoteType,
    url: log.url ?? '',
    origin: log.origin,
    verifierKeys: log.verifierKeys,
    treeSize: log.treeSize,
    rootHash: toHex(log.rootHash),
  };
}

/**
 * Registers a remote log as a mirror row (empty until the first sync). The origin defaults to what
 * the log's kind fixes: the Go checksum database's tree note origin, the key name of a C2SP key;
 * for a PEM key (Rekor v1) it is learnt from the first checkpoint that key verifies, then pinned.
 */
export function addRemote(store: Store, hasher: MerkleHasher, input: AddRemoteInput, nowMs: number): RemoteJson {
  if (!NAME.test(input.name) || input.name === 'local' || input.name === 'all') {
    throw new InputError('remote_name_invalid', `remote name ${JSON.stringify(input.name)} must be 1–64 letters, digits, '.', '_' or '-', and not "local" or "all"`);
  }
  if (!(REMOTE_TYPES as readonly string[]).includes(input.type)) {
    throw new InputError('remote_type_invalid', `remote type ${JSON.stringify(input.type)} is not one of ${REMOTE_TYPES.join(', ')}`);
  }
  const type = input.type as RemoteType;
  const url = checkUrl(input.url, type);
  const key = normaliseVerifierKey(input.key);
  if (type !== 'rekor' && isPemKey(key)) {
    throw new InputError('key_invalid', `a ${type} log's checkpoints are C2SP signed notes: give its verifier key (--vkey name+hash+base64), not a PEM key`);
  }
  const origin = input.origin ?? defaultOrigin(type, key);
  if (/[\n]/.test(origin)) throw new InputError('origin_invalid', 'an origin is one line of text');
  if (store.logByName(input.name)) {
    throw new ConflictError('already_exists', `a log named ${input.name} already exists`, { name: input.name }, { hint: 'choose another name, or `provwb sync` the existing one' });
  }
  const log = store.transaction(() =>
    store.createLog({ name: input.name, role: 'mirror', origin, remoteType: type, url, verifierKeys: [key], emptyRoot: hasher.emptyRoot(), createdAt: nowMs }),
  );
  return remoteJson(log);
}

/** Returns the mirror named `name`; NotFoundError `remote_not_found` otherwise. */
export function remoteByName(store: Store, name: string): LogRecord {
  const log = store.logByName(name);
  if (!log || log.role !== 'mirror') throw new NotFoundError('remote_not_found', `no remote named ${name}`, { name }, { hint: 'list them with `provwb remote list`; add one with `provwb remote add`' });
  return log;
}

/** Returns every registered remote. */
export function listRemotes(store: Store): RemoteJson[] {
  return store.logs().filter((l) => l.role === 'mirror').map(remoteJson);
}

function defaultOrigin(type: RemoteType, key: string): string {
  if (type === 'sumdb') return SUMDB_ORIGIN;
  return isPemKey(key) ? '' : parseVerifierKey(key).name;
}

function checkUrl(text: string, type: RemoteType): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('url_invalid', `${JSON.stringify(text)} is not a URL`);
  }
  const allowed = type === 'rekor' ? ['http:', 'https:'] : ['http:', 'https:', 'file:'];
  if (!allowed.includes(url.protocol)) {
    throw new InputError('url_invalid', `a ${type} remote's URL must use ${allowed.join(' or ')} (got ${url.protocol})`);
  }
  if (url.username || url.password) throw new InputError('url_invalid', 'credentials in a remote URL would be stored in the clear; use a URL without them');
  return url.href.replace(/\/+$/, '');
}
