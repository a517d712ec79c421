/** Rekor v1 `/api/v1/log`, `/api/v1/log/publicKey` and `/api/v1/log/proof` (openapi.yaml LogInfo, ConsistencyProof). */

import { toHex } from '../../../shared/encoding/index.js';
import { jsonAnswer, type HttpAnswer } from './http-exchange.js';
import { rekorV1Error } from './rekor-errors.js';
import type { ServeContext } from './serve-context.js';
import { integerParam, type ServeRequest } from './serve-request.js';

/** Rekor's LogInfo: the current root (hex), size, signed checkpoint and tree ID. */
export interface LogInfoJson {
  readonly rootHash: string;
  readonly treeSize: number;
  readonly signedTreeHead: string;
  readonly treeID: string;
}

/** GET /api/v1/log: LogInfo of the tree the latest checkpoint signs (read together, so they agree). */
export function getLogInfo(_req: ServeRequest, ctx: ServeContext): HttpAnswer {
  const { store } = ctx.workbench;
  const info = store.db.transaction(() => {
    const record = ctx.entries.log.record();
    const checkpoint = store.checkpointAtSize(record.id, record.treeSize);
    return { record, checkpoint };
  })();
  if (!info.checkpoint) throw rekorV1Error(500, `no checkpoint for tree size ${info.record.treeSize}`);
  const body: LogInfoJson = { rootHash: toHex(info.record.rootHash), treeSize: info.record.treeSize, signedTreeHead: info.checkpoint.note, treeID: ctx.treeId };
  return jsonAnswer(200, body);
}

/** GET /api/v1/log/publicKey: the log's key, PEM (Rekor's `application/x-pem-file`). */
export function getPublicKey(_req: ServeRequest, ctx: ServeContext): HttpAnswer {
  return { status: 200, contentType: 'application/x-pem-file', body: ctx.publicKeyPem };
}

/**
 * GET /api/v1/log/proof?firstSize=M&lastSize=N: the RFC 6962 consistency proof and the root of N.
 * firstSize defaults to 1; firstSize > lastSize, or lastSize beyond the tree, is a 400.
 */
export function getLogProof(req: ServeRequest, ctx: ServeContext): HttpAnswer {
  const lastSize = integerParam(req.query, 'lastSize', { minimum: 1, required: true });
  const firstSize = integerParam(req.query, 'firstSize', { minimum: 1, default: 1 });
  if (firstSize > lastSize) throw rekorV1Error(400, `firstSize(${firstSize}) must be less than or equal to lastSize(${lastSize})`);
  const treeSize = ctx.entries.log.record().treeSize;
  if (lastSize > treeSize) throw rekorV1Error(400, `lastSize(${lastSize}) must be less than or equal to the current tree size(${treeSize})`);
  const proof = ctx.entries.log.proveConsistency(firstSize, lastSize);
  return jsonAnswer(200, { rootHash: toHex(proof.secondRoot), hashes: proof.hashes.map(toHex) });
}
