import { VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, fromHex, toBase64, toHex } from '../../../shared/encoding/index.js';
import { createTileHashReader, inclusionPlan, rehash } from '../../../shared/merkle/index.js';
import { logIdOfVerifier, parseVerifierKey } from '../../../shared/note/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Workbench } from '../open-workbench.js';
import type { FetchLimits } from '../remote/fetch-bytes.js';
import type { TransparencyLogEntryJson } from '../server/index.js';
import type { LogRecord } from '../store/index.js';
import { syncRemote } from '../sync/index.js';

function notHeld(remote: LogRecord, uuid: string, size: number): VerificationError {
  return new VerificationError('publication_invalid', `${remote.name} answered that it holds entry ${uuid}, but its verified tree of size ${size} does not`, { remote: remote.name, uuid, treeSize: size });
}

/**
 * Returns the TransparencyLogEntry of an entry a Rekor v2 log already holds. Rekor v2 answers a
 * duplicate with 409 and no entry (rekor-tiles adds at most its index); the proof has to come from
 * the tiles. So the remote is synced — every entry authenticated against its signed checkpoint —
 * and the entry is found in the mirror by its leaf hash, with its inclusion proof read from the
 * mirrored tiles and the checkpoint they were verified against; the caller verifies it like a fresh
 * answer. Throws sync's errors, and VerificationError `publication_invalid` when the verified tree
 * does not hold the entry after all.
 */
export async function existingV2Entry(workbench: Workbench, remote: LogRecord, uuid: string, limits: Partial<FetchLimits>): Promise<TransparencyLogEntryJson> {
  const { store } = workbench;
  await syncRemote(workbench, remote.name, { limits });
  const size = store.logById(remote.id)!.treeSize;
  const leafHash = fromHex(uuid);
  const index = store.indexesWithLeafHashPrefix(remote.id, leafHash).find((i) => i < size && bytesEqual(workbench.leafHashes(remote.id, [i])[0]!, leafHash));
  const checkpoint = store.checkpointAtSize(remote.id, size);
  if (index === undefined || !checkpoint) throw notHeld(remote, uuid, size);
  const [entry] = store.entries(remote.id, index, index + 1);
  if (!entry?.kind || !entry.apiVersion) throw notHeld(remote, uuid, size);
  const plan = inclusionPlan(index, size);
  const reader = createTileHashReader((tiles) => store.readTiles(remote.id, tiles));
  const hashes = rehash(plan, reader.readHashes(plan.nodes), nodeHasher);
  const vkey = remote.verifierKeys.map(parseVerifierKey).find((v) => v.type === 'ed25519');
  if (!vkey) throw new Error(`bug: rekor-v2 remote ${remote.name} has no Ed25519 key after a verified sync`);
  return {
    logIndex: String(index),
    logId: { keyId: toBase64(logIdOfVerifier(vkey)) },
    kindVersion: { kind: entry.kind, version: entry.apiVersion },
    integratedTime: '0',
    inclusionPromise: null,
    inclusionProof: { logIndex: String(index), rootHash: toBase64(checkpoint.rootHash), treeSize: String(size), hashes: hashes.map(toBase64), checkpoint: { envelope: checkpoint.note } },
    canonicalizedBody: toBase64(entry.body),
  };
}
