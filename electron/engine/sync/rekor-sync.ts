import { InputError, VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual, fromHex, toHex, tryFromHex } from '../../../shared/encoding/index.js';
import { powerOfTwoNodeFromConsistencyProof, rootsFromConsistencyProof, verifyConsistency, type Hash } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { KindRegistry } from '../entries/index.js';
import { verifyLogEntryOffline } from '../sigstore/verify-log-entry.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import { isPemKey, openLogCheckpoint } from '../remote/log-verifier.js';
import { REKOR_RETRIEVE_MAX, createRekorClient, type RekorClient } from '../remote/rekor-client.js';
import type { LogRecord, NewEntry } from '../store/index.js';
import type { RemoteTreeView } from './checkpoint-check.js';
import { mapBounded } from './map-bounded.js';
import type { MirrorLog } from './mirror-log.js';
import { syncCancelled } from './tile-sync.js';
import { typedEntryOf, type EntryProblem } from './typed-entry.js';

/** A Rekor v1 log opened for one sync: its verified signed tree head and how to prove against it. */
export interface RekorRemote {
  readonly client: RekorClient;
  readonly note: string;
  readonly checkpoint: Checkpoint;
  readonly publicKeyPem: string;
  /** Entries of inactive shards come first in Rekor's global log index; the mirror holds the active tree. */
  readonly indexOffset: number;
  readonly view: RemoteTreeView;
}

function hexHashes(hashes: readonly string[], what: string): Hash[] {
  return hashes.map((h) => {
    const bytes = tryFromHex(h);
    if (!bytes || bytes.length !== 32) throw new VerificationError('remote_answer_malformed', `${what}: ${JSON.stringify(h)} is not a hex SHA-256 hash`);
    return bytes;
  });
}

/** Fetches and verifies the Rekor log's signed tree head with the pinned PEM key. */
export async function openRekorRemote(log: LogRecord, limits: Partial<FetchLimits>): Promise<RekorRemote> {
  const publicKeyPem = log.verifierKeys.find(isPemKey);
  if (!publicKeyPem) throw new InputError('key_invalid', `remote ${log.name} has no PEM public key; a Rekor v1 remote needs --public-key`);
  const client = createRekorClient(log.url!, limits);
  const info = await client.logInfo();
  const note = info.signedTreeHead;
  const checkpoint = openLogCheckpoint(log, note);
  if (info.treeSize !== checkpoint.size || info.rootHash.toLowerCase() !== toHex(checkpoint.rootHash)) {
    throw new VerificationError('checkpoint_invalid', `${client.url}: LogInfo says size ${info.treeSize} root ${info.rootHash}, its signed tree head size ${checkpoint.size} root ${toHex(checkpoint.rootHash)}`);
  }
  return {
    client,
    note,
    checkpoint,
    publicKeyPem,
    indexOffset: (info.inactiveShards ?? []).reduce((n, s) => n + s.treeSize, 0),
    view: rekorTreeView(client, checkpoint),
  };
}

/** Returns the view of a Rekor v1 log's tree at a verified checkpoint, from the log's consistency proofs to that size. */
export function rekorTreeView(client: RekorClient, checkpoint: Checkpoint): RemoteTreeView {
  const size = checkpoint.size;
  const proofTo = async (first: number) => {
    const answer = await client.consistencyProof(first, size);
    if (answer.rootHash.toLowerCase() !== toHex(checkpoint.rootHash)) {
      throw new VerificationError('consistency_proof_invalid', `${client.url}: the consistency proof to size ${size} names root ${answer.rootHash}, not the signed ${toHex(checkpoint.rootHash)}`);
    }
    return hexHashes(answer.hashes, 'consistency proof');
  };
  return {
    consistencyProof: proofTo,
    async rootAt(first, expected) {
      const notLeading = (from: number, note = '') =>
        new VerificationError('consistency_proof_invalid', `${client.url}: the consistency proof from size ${from} does not lead to the signed root of size ${size}${note}`);
      const powerOfTwo = (first & (first - 1)) === 0;
      let stated = expected ?? new Uint8Array(32);
      if (powerOfTwo && first >= 4) {
        // The proof from a power-of-two size omits the old tree (one node of the new tree); the proof
        // from one size less carries that node: what the new tree says the old root is.
        const carried = powerOfTwoNodeFromConsistencyProof(first, size, await proofTo(first - 1), nodeHasher);
        if (!bytesEqual(carried.secondRoot, checkpoint.rootHash)) throw notLeading(first - 1);
        stated = carried.node;
      }
      // The proof rebuilds the old root itself (or, from a power of two, must lead to the signed root from the stated one).
      const { firstRoot, secondRoot } = rootsFromConsistencyProof(first, size, await proofTo(first), stated, nodeHasher);
      if (!bytesEqual(secondRoot, checkpoint.rootHash)) {
        throw notLeading(first, powerOfTwo && first < 4 ? ' (from size 1 or 2 this is also what a fork looks like; the proof cannot tell)' : '');
      }
      return firstRoot;
    },
  };
}

export interface RekorSyncOptions {
  readonly parallel: number;
  readonly commitEntries: number;
  readonly kinds: KindRegistry;
  readonly problems: EntryProblem[];
  readonly onProgress?: ((p: { done: number; total: number }) => void) | undefined;
  /** Checked after each commit (see TileSyncOptions.signal). */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Mirrors Rekor v1 entries [mirrored size, target): pages through `retrieve` by log index (10 per
 * request, bounded parallel) and checks each entry offline — leaf hash of the body = uuid, the SET,
 * the inclusion proof against its signed checkpoint — and that checkpoint's tree against the one
 * this sync verified (same root, or a verified consistency proof). Appends in order, in batches.
 */
export async function syncRekorEntries(remote: RekorRemote, mirror: MirrorLog, target: number, options: RekorSyncOptions): Promise<number> {
  let size = mirror.record().treeSize;
  const start = size;
  const trustedTrees = new Map<number, Promise<void>>([[remote.checkpoint.size, Promise.resolve()]]);
  let fetched = 0;
  while (size < target) {
    const end = Math.min(target, size + options.commitEntries);
    const batches: number[][] = [];
    for (let i = size; i < end; i += REKOR_RETRIEVE_MAX) batches.push(Array.from({ length: Math.min(REKOR_RETRIEVE_MAX, end - i) }, (_, j) => i + j));
    const answers = await mapBounded(batches, options.parallel, (indexes) => retrieveVerified(remote, indexes, trustedTrees));
    const entries: NewEntry[] = [];
    const leafHashes = new Uint8Array((end - size) * 32);
    for (const answer of answers) {
      for (const e of answer) {
        leafHashes.set(e.leafHash, (e.index - size) * 32);
        entries[e.index - size] = await typedEntryOf(options.kinds, e.body, e.index, e.integratedTime, options.problems);
      }
    }
    mirror.append(size, entries, leafHashes);
    fetched += entries.length;
    size = end;
    options.onProgress?.({ done: size - start, total: target - start });
    if (options.signal?.aborted && size < target) throw syncCancelled(size);
  }
  return fetched;
}

interface VerifiedRekorEntry {
  readonly index: number;
  readonly body: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly integratedTime: number | undefined;
}

async function retrieveVerified(remote: RekorRemote, indexes: readonly number[], trustedTrees: Map<number, Promise<void>>): Promise<VerifiedRekorEntry[]> {
  const maps = await remote.client.entriesByIndex(indexes.map((i) => i + remote.indexOffset));
  const byIndex = new Map<number, VerifiedRekorEntry>();
  for (const map of maps) {
    for (const [uuid, entry] of Object.entries(map)) {
      let checked: ReturnType<typeof verifyLogEntryOffline>;
      try {
        checked = verifyLogEntryOffline({ entryJson: { [uuid]: entry }, publicKeyPem: remote.publicKeyPem });
      } catch (error) {
        throw new VerificationError('entry_invalid', `${remote.client.url}: an entry it returned for indexes ${indexes[0]}–${indexes.at(-1)} does not verify: ${isWorkbenchError(error) ? error.message : String(error)}`, { indexes }, { cause: error });
      }
      const e = entry as { body: string; integratedTime?: number; verification: { inclusionProof: { logIndex: number } } };
      const index = e.verification.inclusionProof.logIndex;
      if (checked.origin !== remote.checkpoint.origin) {
        throw new VerificationError('entry_invalid', `${remote.client.url}: entry ${index} is proved against log ${JSON.stringify(checked.origin)}, not ${JSON.stringify(remote.checkpoint.origin)}`);
      }
      await trustTree(remote, checked.treeSize, fromHex(checked.rootHash), trustedTrees);
      byIndex.set(index, { index, body: Buffer.from(e.body, 'base64'), leafHash: fromHex(checked.leafHash), integratedTime: e.integratedTime });
    }
  }
  return indexes.map((index) => {
    const found = byIndex.get(index);
    if (!found) throw new VerificationError('entry_missing', `${remote.client.url}: retrieve did not return entry ${index + remote.indexOffset}`, { logIndex: index + remote.indexOffset });
    return found;
  });
}

/** Checks (once per size) that a signed tree an entry was proved against is consistent with the sync's checkpoint. */
async function trustTree(remote: RekorRemote, size: number, root: Hash, trusted: Map<number, Promise<void>>): Promise<void> {
  const known = remote.checkpoint;
  if (size === known.size) {
    if (!bytesEqual(root, known.rootHash)) throw new VerificationError('checkpoint_invalid', `${remote.client.url}: two signed roots for size ${size}`, { size });
    return;
  }
  if (!trusted.has(size)) {
    const [first, second, firstRoot, secondRoot] = size < known.size ? [size, known.size, root, known.rootHash] : [known.size, size, known.rootHash, root];
    trusted.set(
      size,
      remote.client.consistencyProof(first, second).then((answer) => verifyConsistency(first, second, hexHashes(answer.hashes, 'consistency proof'), firstRoot, secondRoot, nodeHasher)),
    );
  }
  await trusted.get(size);
}
