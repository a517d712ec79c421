/**
 * Verifying a file the user drops or opens: a Rekor LogEntry (`provwb get --json`), an inclusion or
 * consistency proof (`provwb log prove|consistency --json`) or a signed checkpoint, against the
 * keys and signed checkpoints of the workbench's logs. All of it runs in the page.
 */

import { parseConsistencyProofDto, parseInclusionProofDto, type CheckpointDto, type EntryDetailDto, type LogSummaryDto } from '../../../shared/api/index.js';
import { fromBase64, fromHex, toHex } from '../../../shared/encoding/index.js';
import { verifyConsistency, verifyInclusion } from '../../../shared/merkle/index.js';
import { messageOf, verdictOf, type Check, type Verdict } from './checks.js';
import { rendererHasher } from './hasher.js';
import { verifyCheckpointNote } from './verify-checkpoint.js';
import { verifyEntry } from './verify-entry.js';

// Its own module so the shell can refuse a dropped file without loading the verifiers.
export { MAX_FILE_BYTES } from './file-limits.js';

export type FileKind = 'log-entry' | 'inclusion-proof' | 'consistency-proof' | 'checkpoint' | 'unknown';

export interface FileVerification {
  readonly kind: FileKind;
  /** What the file is, in words. */
  readonly description: string;
  readonly verdict: Verdict;
}

export interface LogLookup {
  readonly logs: readonly LogSummaryDto[];
  checkpoints(log: string): Promise<readonly CheckpointDto[]>;
}

const KIND_NAMES: Readonly<Record<FileKind, string>> = {
  'log-entry': 'Rekor log entry',
  'inclusion-proof': 'inclusion proof',
  'consistency-proof': 'consistency proof',
  checkpoint: 'signed checkpoint',
  unknown: 'unrecognised file',
};

function fail(kind: FileKind, detail: string): FileVerification {
  return { kind, description: KIND_NAMES[kind], verdict: verdictOf([{ id: 'format', label: 'Format', status: 'fail', detail }]) };
}

/** Returns the first line (origin) of a note, unverified: only to pick which log's keys to try. */
function originOf(note: string): string {
  return note.split('\n', 1)[0] ?? '';
}

/** Returns the log whose origin the note names, else the first log (its keys will then fail, with the reason). */
function logFor(note: string, logs: readonly LogSummaryDto[]): LogSummaryDto | undefined {
  return logs.find((l) => l.origin === originOf(note)) ?? logs[0];
}

async function signedRoot(lookup: LogLookup, size: number): Promise<{ check: Check; root: Uint8Array | undefined; log: string | undefined }> {
  for (const log of lookup.logs) {
    const cp = (await lookup.checkpoints(log.name)).find((c) => c.treeSize === size);
    if (!cp) continue;
    const v = verifyCheckpointNote(cp.note, log.verifierKeys, log.origin, `Checkpoint ${size} of ${log.name}`);
    return { check: { ...v.check, id: `checkpoint-${size}` }, root: v.checkpoint?.rootHash, log: log.name };
  }
  return { check: { id: `checkpoint-${size}`, label: `Checkpoint ${size}`, status: 'fail', detail: `no log of this workbench has a signed checkpoint at tree size ${size}` }, root: undefined, log: undefined };
}

/** Returns what `text` is and whether it verifies against the workbench's logs. Never throws. */
export async function verifyFile(text: string, lookup: LogLookup): Promise<FileVerification> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      return fail('unknown', `not valid JSON: ${messageOf(error)}`);
    }
    const obj = json as Record<string, unknown>;
    if ('logIndex' in obj && 'leafHash' in obj) return verifyInclusionFile(obj, lookup);
    if ('first' in obj && 'second' in obj) return verifyConsistencyFile(obj, lookup);
    const [uuid, entry] = Object.entries(obj)[0] ?? [];
    if (uuid && typeof entry === 'object' && entry !== null && 'body' in entry) return verifyLogEntryFile(uuid, entry as Record<string, unknown>, lookup);
    return fail('unknown', 'JSON, but not a log entry, inclusion proof or consistency proof');
  }
  if (/^[^\n]+\n\d+\n[A-Za-z0-9+/=]+\n/.test(trimmed + '\n')) {
    const log = logFor(trimmed, lookup.logs);
    if (!log) return fail('checkpoint', 'the workbench has no log whose keys could verify it');
    const v = verifyCheckpointNote(text.endsWith('\n') ? text : `${text}\n`, log.verifierKeys, log.origin);
    return { kind: 'checkpoint', description: `signed checkpoint of ${originOf(trimmed)}`, verdict: verdictOf([v.check]) };
  }
  return fail('unknown', 'expected a JSON document or a signed checkpoint note');
}

async function verifyInclusionFile(obj: Record<string, unknown>, lookup: LogLookup): Promise<FileVerification> {
  try {
    const proof = parseInclusionProofDto(obj);
    const signed = await signedRoot(lookup, proof.treeSize);
    const checks: Check[] = [signed.check];
    if (signed.root) {
      try {
        verifyInclusion(proof.logIndex, proof.treeSize, fromHex(proof.leafHash), proof.hashes.map(fromHex), signed.root, rendererHasher);
        checks.push({ id: 'inclusion', label: 'Inclusion proof', status: 'pass', detail: `leaf ${proof.logIndex} is in the signed tree of size ${proof.treeSize}${signed.log ? ` (log ${signed.log})` : ''}` });
      } catch (error) {
        checks.push({ id: 'inclusion', label: 'Inclusion proof', status: 'fail', detail: messageOf(error) });
      }
    }
    return { kind: 'inclusion-proof', description: `inclusion proof of leaf ${proof.logIndex} in tree size ${proof.treeSize}`, verdict: verdictOf(checks) };
  } catch (error) {
    return fail('inclusion-proof', messageOf(error));
  }
}

async function verifyConsistencyFile(obj: Record<string, unknown>, lookup: LogLookup): Promise<FileVerification> {
  try {
    const proof = parseConsistencyProofDto(obj);
    const a = await signedRoot(lookup, proof.first);
    const b = await signedRoot(lookup, proof.second);
    const checks: Check[] = [a.check, b.check];
    if (a.root && b.root) {
      try {
        verifyConsistency(proof.first, proof.second, proof.hashes.map(fromHex), a.root, b.root, rendererHasher);
        checks.push({ id: 'consistency', label: 'Consistency proof', status: 'pass', detail: `tree ${proof.first} is a prefix of tree ${proof.second}` });
      } catch (error) {
        checks.push({ id: 'consistency', label: 'Consistency proof', status: 'fail', detail: messageOf(error) });
      }
    }
    return { kind: 'consistency-proof', description: `consistency proof from tree size ${proof.first} to ${proof.second}`, verdict: verdictOf(checks) };
  } catch (error) {
    return fail('consistency-proof', messageOf(error));
  }
}

async function verifyLogEntryFile(uuid: string, entry: Record<string, unknown>, lookup: LogLookup): Promise<FileVerification> {
  try {
    const verification = entry.verification as Record<string, unknown> | undefined;
    const proof = verification?.inclusionProof as Record<string, unknown> | undefined;
    if (typeof entry.body !== 'string' || !proof || typeof proof.checkpoint !== 'string' || typeof entry.logIndex !== 'number') {
      return fail('log-entry', 'a log entry needs body, logIndex and verification.inclusionProof with a checkpoint');
    }
    const log = logFor(proof.checkpoint, lookup.logs);
    const detail: EntryDetailDto = {
      log: log?.name ?? '?',
      origin: log?.origin ?? originOf(proof.checkpoint),
      logIndex: entry.logIndex,
      uuid: uuid.toLowerCase().slice(-64),
      kind: null,
      apiVersion: null,
      integratedTime: typeof entry.integratedTime === 'number' ? entry.integratedTime : null,
      body: toHex(fromBase64(entry.body)),
      indexKeys: [],
      kindKnown: false,
      // A file's SET is checked when it carries one; nothing says it must.
      setExpected: false,
      inclusionProof: parseInclusionProofDto({ logIndex: proof.logIndex, treeSize: proof.treeSize, leafHash: uuid.toLowerCase().slice(-64), hashes: proof.hashes, rootHash: proof.rootHash }),
      checkpoint: { treeSize: Number(proof.treeSize), rootHash: String(proof.rootHash), note: proof.checkpoint, source: 'file', createdAtMs: 0 },
      verifierKeys: log?.verifierKeys ?? [],
      logID: typeof entry.logID === 'string' ? entry.logID : null,
      signedEntryTimestamp: typeof verification?.signedEntryTimestamp === 'string' ? verification.signedEntryTimestamp : null,
    };
    return { kind: 'log-entry', description: `log entry ${entry.logIndex} (uuid ${detail.uuid.slice(0, 12)}…) of ${detail.origin}`, verdict: verifyEntry(detail).verdict };
  } catch (error) {
    return fail('log-entry', messageOf(error));
  }
}
