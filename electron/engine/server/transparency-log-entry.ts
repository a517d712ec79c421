/**
 * Rekor v2's answer to a write: a `dev.sigstore.rekor.v1.TransparencyLogEntry` in protobuf JSON as
 * rekor-tiles writes it (grpc-gateway with EmitUnpopulated): int64 as decimal strings, bytes as
 * standard base64, fields in proto order, and the unset `integratedTime` ("0") and
 * `inclusionPromise` (null) present, since Rekor v2 has no SET.
 */

import { NotFoundError, VerificationError } from '../../../shared/api/index.js';
import { bytesEqual, toBase64, toHex } from '../../../shared/encoding/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { ServeContext } from './serve-context.js';

export interface TransparencyLogEntryJson {
  readonly logIndex: string;
  readonly logId: { readonly keyId: string };
  readonly kindVersion: { readonly kind: string; readonly version: string };
  readonly integratedTime: '0';
  readonly inclusionPromise: null;
  readonly inclusionProof: {
    readonly logIndex: string;
    readonly rootHash: string;
    readonly treeSize: string;
    readonly hashes: readonly string[];
    readonly checkpoint: { readonly envelope: string };
  };
  readonly canonicalizedBody: string;
}

/** Returns entry `index` as a TransparencyLogEntry with its inclusion proof in the current tree and that tree's checkpoint. */
export function transparencyLogEntry(ctx: ServeContext, index: number): TransparencyLogEntryJson {
  const { store, log } = ctx.entries;
  const record = log.record();
  const [stored] = store.entries(record.id, index, index + 1);
  if (!stored || stored.kind === null || stored.apiVersion === null) throw new NotFoundError('entry_not_found', `the local log has no typed entry at index ${index}`, { logIndex: index });
  const proof = log.proveInclusion(index, record.treeSize);
  if (!bytesEqual(nodeHasher.hashLeaf(stored.body), proof.leafHash)) {
    throw new VerificationError('entry_corrupt', `the stored body of entry ${index} does not hash to its leaf ${toHex(proof.leafHash)}; run provwb audit local`, { logIndex: index });
  }
  const checkpoint = store.checkpointAtSize(record.id, record.treeSize);
  if (!checkpoint) throw new NotFoundError('checkpoint_not_found', `no checkpoint for tree size ${record.treeSize}`);
  return {
    logIndex: String(index),
    logId: { keyId: ctx.logIdBase64 },
    kindVersion: { kind: stored.kind, version: stored.apiVersion },
    integratedTime: '0',
    inclusionPromise: null,
    inclusionProof: {
      logIndex: String(index),
      rootHash: toBase64(proof.rootHash),
      treeSize: String(proof.treeSize),
      hashes: proof.hashes.map(toBase64),
      checkpoint: { envelope: checkpoint.note },
    },
    canonicalizedBody: toBase64(stored.body),
  };
}
