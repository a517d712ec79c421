import { InputError } from '../../../shared/api/index.js';
import { tryFromBase64, tryFromHex } from '../../../shared/encoding/index.js';
import { arrayAt, asRecord, int64At, recordAt, stringAt, type JsonRecord } from './json-fields.js';

/** A Rekor log entry of either API, decoded to bytes and numbers. */
export interface DecodedLogEntry {
  /** `rekor_v1`: the `LogEntry` of /api/v1/log/entries; `transparency_log_entry`: protobuf JSON (Rekor v2, bundles). */
  readonly format: 'rekor_v1' | 'transparency_log_entry';
  /** Rekor v1 only: the map key (leaf hash, or tree ID ‖ leaf hash), lower-case. */
  readonly uuid: string | undefined;
  readonly body: Uint8Array;
  /** The global index. */
  readonly logIndex: number;
  readonly logId: Uint8Array;
  /** Unix seconds; undefined for Rekor v2 entries, which have none. */
  readonly integratedTime: number | undefined;
  /** The SET, when the entry has one. */
  readonly signedEntryTimestamp: Uint8Array | undefined;
  readonly inclusionProof: {
    /** The index in the proof's tree (a Rekor v1 shard's own index). */
    readonly logIndex: number;
    readonly treeSize: number;
    readonly rootHash: Uint8Array;
    readonly hashes: readonly Uint8Array[];
    readonly checkpoint: string;
  };
}

function malformed(reason: string): InputError {
  return new InputError('entry_malformed', `the log entry is malformed: ${reason}`, { reason }, { hint: 'give a Rekor v1 LogEntry ({uuid: {body, …}}) or a Rekor v2 TransparencyLogEntry (protobuf JSON)' });
}

function bytes(value: string | undefined, encoding: 'hex' | 'base64', what: string): Uint8Array {
  const decoded = value === undefined ? undefined : encoding === 'hex' ? tryFromHex(value) : tryFromBase64(value);
  if (decoded === undefined || decoded.length === 0) throw malformed(`${what} is missing or not ${encoding}`);
  return decoded;
}

function requiredString(record: unknown, key: string, what: string): string {
  const value = stringAt(record, key);
  if (value === undefined) throw malformed(`${what} is missing or not a string`);
  return value;
}

function count(record: unknown, key: string, what: string): number {
  const n = int64At(record, key);
  if (n === undefined) throw malformed(`${what} is missing or not a non-negative integer`);
  return n;
}

function decodeRekorV1(uuid: string | undefined, entry: JsonRecord): DecodedLogEntry {
  const verification = recordAt(entry, 'verification');
  const proof = recordAt(verification, 'inclusionProof');
  if (!proof) throw malformed('verification.inclusionProof is missing');
  const integratedTime = count(entry, 'integratedTime', 'integratedTime');
  return {
    format: 'rekor_v1',
    uuid: uuid?.toLowerCase(),
    body: bytes(stringAt(entry, 'body'), 'base64', 'body'),
    logIndex: count(entry, 'logIndex', 'logIndex'),
    logId: bytes(stringAt(entry, 'logID'), 'hex', 'logID'),
    integratedTime,
    signedEntryTimestamp: bytes(stringAt(verification, 'signedEntryTimestamp'), 'base64', 'verification.signedEntryTimestamp'),
    inclusionProof: {
      logIndex: count(proof, 'logIndex', 'inclusionProof.logIndex'),
      treeSize: count(proof, 'treeSize', 'inclusionProof.treeSize'),
      rootHash: bytes(stringAt(proof, 'rootHash'), 'hex', 'inclusionProof.rootHash'),
      hashes: (arrayAt(proof, 'hashes') ?? []).map((h, i) => bytes(typeof h === 'string' ? h : undefined, 'hex', `inclusionProof.hashes[${i}]`)),
      checkpoint: requiredString(proof, 'checkpoint', 'inclusionProof.checkpoint'),
    },
  };
}

function decodeTransparencyLogEntry(entry: JsonRecord): DecodedLogEntry {
  const proof = recordAt(entry, 'inclusionProof');
  if (!proof) throw malformed('inclusionProof is missing');
  const envelope = requiredString(recordAt(proof, 'checkpoint'), 'envelope', 'inclusionProof.checkpoint.envelope');
  const set = stringAt(recordAt(entry, 'inclusionPromise'), 'signedEntryTimestamp');
  const integratedTime = int64At(entry, 'integratedTime');
  return {
    format: 'transparency_log_entry',
    uuid: undefined,
    body: bytes(stringAt(entry, 'canonicalizedBody'), 'base64', 'canonicalizedBody'),
    logIndex: count(entry, 'logIndex', 'logIndex'),
    logId: bytes(stringAt(recordAt(entry, 'logId'), 'keyId'), 'base64', 'logId.keyId'),
    // protobuf JSON omits zero values: no integratedTime (Rekor v2) reads as absent, not 0.
    integratedTime: integratedTime === 0 ? undefined : integratedTime,
    signedEntryTimestamp: set === undefined ? undefined : bytes(set, 'base64', 'inclusionPromise.signedEntryTimestamp'),
    inclusionProof: {
      logIndex: count(proof, 'logIndex', 'inclusionProof.logIndex'),
      treeSize: count(proof, 'treeSize', 'inclusionProof.treeSize'),
      rootHash: bytes(stringAt(proof, 'rootHash'), 'base64', 'inclusionProof.rootHash'),
      hashes: (arrayAt(proof, 'hashes') ?? []).map((h, i) => bytes(typeof h === 'string' ? h : undefined, 'base64', `inclusionProof.hashes[${i}]`)),
      checkpoint: envelope,
    },
  };
}

/**
 * Returns a log entry decoded from JSON: a Rekor v1 `LogEntry` answer (`{uuid: LogEntry}`, or a bare
 * LogEntry; hex hashes, number fields) or a `TransparencyLogEntry` (protobuf JSON as in bundles and
 * Rekor v2: base64 bytes, int64 strings). Throws InputError `entry_malformed`.
 */
export function decodeLogEntry(json: unknown): DecodedLogEntry {
  const record = asRecord(json);
  if (!record) throw malformed('it is not a JSON object');
  if ('canonicalizedBody' in record) return decodeTransparencyLogEntry(record);
  if ('body' in record) return decodeRekorV1(undefined, record);
  const keys = Object.keys(record);
  const inner = keys.length === 1 ? asRecord(record[keys[0]!]) : undefined;
  if (!inner || !('body' in inner)) throw malformed('it is neither {uuid: LogEntry}, a LogEntry, nor a TransparencyLogEntry');
  return decodeRekorV1(keys[0], inner);
}
