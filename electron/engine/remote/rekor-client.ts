import { VerificationError } from '../../../shared/api/index.js';
import { fetchBytes, type FetchLimits } from './fetch-bytes.js';

/** Rekor v1 answers at most 10 entries per `retrieve` (openapi.yaml SearchLogQuery maxItems). */
export const REKOR_RETRIEVE_MAX = 10;

/** GET /api/v1/log (openapi.yaml LogInfo). */
export interface RekorLogInfo {
  readonly rootHash: string;
  readonly treeSize: number;
  readonly signedTreeHead: string;
  readonly treeID: string;
  readonly inactiveShards?: ReadonlyArray<{ readonly treeSize: number }>;
}

/** A Rekor v1 API client: JSON over HTTP with the fetch limits, every answer shape-checked. */
export interface RekorClient {
  readonly url: string;
  logInfo(): Promise<RekorLogInfo>;
  /** GET /api/v1/log/proof: consistency proof hashes (hex) between two sizes of the active tree. */
  consistencyProof(firstSize: number, lastSize: number): Promise<{ rootHash: string; hashes: string[] }>;
  /** POST /api/v1/log/entries/retrieve by log indexes (≤ 10): the LogEntry maps the log answers. */
  entriesByIndex(logIndexes: readonly number[]): Promise<Array<Record<string, unknown>>>;
  /** POST /api/v1/log/entries: the created LogEntry map (201) or the existing one's (409 answers only a Location). */
  submit(proposedEntry: unknown): Promise<{ status: number; body: unknown; location: string | undefined }>;
  /** GET /api/v1/log/entries/{uuid}: the LogEntry map of one entry (64-hex leaf hash or 80-hex sharded uuid). */
  entryByUuid(uuid: string): Promise<unknown>;
}

function shapeError(url: string, what: string): VerificationError {
  return new VerificationError('remote_answer_malformed', `${url}: the Rekor answer is not ${what}`, { url });
}

/** Returns the JSON answer at `url` with its status and Location header; VerificationError `remote_answer_malformed` when it is not JSON. */
export async function getJson(url: string, limits: Partial<FetchLimits>, init: { method?: 'GET' | 'POST'; json?: unknown; acceptStatuses?: number[] } = {}) {
  const answer = await fetchBytes(url, { ...limits, ...init });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(answer.body));
  } catch {
    throw shapeError(url, 'JSON');
  }
  return { status: answer.status, value, location: answer.header('location') };
}

/** Returns a client of the Rekor v1 API at `url` (the server root; `/api/v1/…` is appended). */
export function createRekorClient(url: string, limits: Partial<FetchLimits> = {}): RekorClient {
  const base = url.replace(/\/+$/, '');
  return {
    url: base,
    async logInfo() {
      const target = `${base}/api/v1/log`;
      const { value } = await getJson(target, limits);
      const info = value as Partial<RekorLogInfo> | null;
      if (!info || typeof info.rootHash !== 'string' || !Number.isSafeInteger(info.treeSize) || typeof info.signedTreeHead !== 'string') {
        throw shapeError(target, 'a LogInfo (rootHash, treeSize, signedTreeHead)');
      }
      if (info.inactiveShards !== undefined && (!Array.isArray(info.inactiveShards) || !info.inactiveShards.every((s) => Number.isSafeInteger(s?.treeSize)))) {
        throw shapeError(target, 'a LogInfo with well-formed inactiveShards');
      }
      return { rootHash: info.rootHash, treeSize: info.treeSize!, signedTreeHead: info.signedTreeHead, treeID: String(info.treeID ?? ''), ...(info.inactiveShards ? { inactiveShards: info.inactiveShards } : {}) };
    },
    async consistencyProof(firstSize, lastSize) {
      const target = `${base}/api/v1/log/proof?firstSize=${firstSize}&lastSize=${lastSize}`;
      const { value } = await getJson(target, limits);
      const proof = value as { rootHash?: unknown; hashes?: unknown } | null;
      if (!proof || typeof proof.rootHash !== 'string' || !Array.isArray(proof.hashes) || !proof.hashes.every((h) => typeof h === 'string')) {
        throw shapeError(target, 'a ConsistencyProof (rootHash, hashes)');
      }
      return { rootHash: proof.rootHash, hashes: proof.hashes as string[] };
    },
    async entriesByIndex(logIndexes) {
      const target = `${base}/api/v1/log/entries/retrieve`;
      const { value } = await getJson(target, limits, { method: 'POST', json: { logIndexes } });
      if (!Array.isArray(value) || !value.every((m) => m !== null && typeof m === 'object' && !Array.isArray(m))) throw shapeError(target, 'an array of LogEntry objects');
      return value as Array<Record<string, unknown>>;
    },
    async submit(proposedEntry) {
      const target = `${base}/api/v1/log/entries`;
      const { status, value, location } = await getJson(target, limits, { method: 'POST', json: proposedEntry, acceptStatuses: [201, 409] });
      return { status, body: value, location };
    },
    async entryByUuid(uuid) {
      if (!/^([0-9a-f]{16})?[0-9a-f]{64}$/.test(uuid)) throw new Error(`bug: entryByUuid got ${JSON.stringify(uuid)}, not a uuid`);
      return (await getJson(`${base}/api/v1/log/entries/${uuid}`, limits)).value;
    },
  };
}
