/**
 * Rekor v2's answer to a write: a `dev.sigstore.rekor.v1.TransparencyLogEntry` in protobuf JSON as
 * rekor-tiles writes it (grpc-gateway with EmitUnpopulated): int64 as decimal strings, bytes as
 * standard base64, fields in proto order, and the unset `integratedTime` ("0") and
 * `inclusionPromise` (null) present, since Rekor v2 has no SET.
 */

import { toBase64 } from '../../../shared/encoding/index.js';
import { provenEntry } from '../entries/index.js';
import type { BundleTlogEntryJson } from '../sigstore/bundle-json.js';
import type { ServeContext } from './serve-context.js';

/** The same message as a bundle's tlog entry, with Rekor v2's unset time and promise. */
export type TransparencyLogEntryJson = Omit<BundleTlogEntryJson, 'integratedTime' | 'inclusionPromise'> & {
  readonly integratedTime: '0';
  readonly inclusionPromise: null;
};

/** Returns entry `index` as a TransparencyLogEntry with its inclusion proof in the current tree and that tree's checkpoint. */
export function transparencyLogEntry(ctx: ServeContext, index: number): TransparencyLogEntryJson {
  const { stored, proof, checkpoint } = provenEntry(ctx.entries, index);
  return {
    logIndex: String(index),
    logId: { keyId: ctx.logIdBase64 },
    kindVersion: { kind: stored.kind, version: stored.apiVersion ?? '' },
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
