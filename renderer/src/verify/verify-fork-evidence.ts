import { fromBase64, toHex } from '../../../shared/encoding/index.js';
import { verifyConsistency, type MerkleHasher } from '../../../shared/merkle/index.js';
import { parseCheckpoint, parseNote, type Checkpoint } from '../../../shared/note/index.js';
import { messageOf, verdictOf, type Check, type Verdict } from './checks.js';
import { rendererHasher } from './hasher.js';
import { verifyCheckpointNote } from './verify-checkpoint.js';

/** The fields of a `provwb-fork-evidence/v1` document the page checks (sync/fork-evidence.ts writes it). */
export interface ForkEvidenceDoc {
  readonly older: { readonly checkpoint: string };
  readonly newer: { readonly checkpoint: string };
  readonly proof?: { readonly first: number; readonly second: number; readonly olderRootPerNewer: string; readonly hashes: readonly string[] };
}

export interface ForkVerification {
  /** pass = the evidence proves the log signed two incompatible trees. */
  readonly verdict: Verdict;
  readonly older: Checkpoint | undefined;
  readonly newer: Checkpoint | undefined;
  /** Hex root at the older size per the newer tree (from the proof), when the document has one. */
  readonly olderRootPerNewer: string | undefined;
  /** Hex proof hashes, RFC 6962 order. */
  readonly proofHashes: readonly string[];
}

const EVIDENCE_TYPE = 'provwb-fork-evidence/v1';

/** Returns the document parsed from JSON text, or the reason it is not fork evidence. */
export function parseForkEvidenceDoc(text: string): ForkEvidenceDoc | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${messageOf(error)}`;
  }
  const doc = value as Partial<Record<string, unknown>> | null;
  if (!doc || typeof doc !== 'object' || doc.type !== EVIDENCE_TYPE) return `"type" is not ${EVIDENCE_TYPE}`;
  const older = doc.older as { checkpoint?: unknown } | undefined;
  const newer = doc.newer as { checkpoint?: unknown } | undefined;
  if (typeof older?.checkpoint !== 'string' || typeof newer?.checkpoint !== 'string') return '"older.checkpoint" and "newer.checkpoint" must be signed notes';
  const proof = doc.proof as ForkEvidenceDoc['proof'] | undefined;
  if (proof !== undefined) {
    const size = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 1;
    if (!proof || !size(proof.first) || !size(proof.second) || typeof proof.olderRootPerNewer !== 'string' || !Array.isArray(proof.hashes) || !proof.hashes.every((h) => typeof h === 'string')) {
      return '"proof" needs first, second, olderRootPerNewer and hashes (base64)';
    }
  }
  return { older: { checkpoint: older.checkpoint }, newer: { checkpoint: newer.checkpoint }, ...(proof ? { proof } : {}) };
}

/** Returns the origin line a note's body names (unverified: the signature check uses it as the expected origin). */
function claimedOrigin(note: string): string | undefined {
  try {
    return parseCheckpoint(parseNote(note).text).origin;
  } catch {
    return undefined;
  }
}

function hexOfBase64(text: string): string | undefined {
  try {
    const bytes = fromBase64(text);
    return bytes.length === 32 ? toHex(bytes) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Re-checks fork evidence in the page with only the log's keys, as `provwb verify evidence` does:
 * both checkpoints signed by a key for one origin; then two roots for one size, or a consistency
 * proof (RFC 9162 §2.1.4.2) tying the newer signed root to a size-m root that is not the older
 * signed one. Never throws.
 */
export function verifyForkEvidenceDoc(doc: ForkEvidenceDoc, verifierKeys: readonly string[], hasher: MerkleHasher = rendererHasher): ForkVerification {
  const origin = claimedOrigin(doc.older.checkpoint) ?? '';
  const older = verifyCheckpointNote(doc.older.checkpoint, verifierKeys, origin, 'Older checkpoint signature');
  const newer = verifyCheckpointNote(doc.newer.checkpoint, verifierKeys, origin, 'Newer checkpoint signature');
  const checks: Check[] = [{ ...older.check, id: 'older-signature' }, { ...newer.check, id: 'newer-signature' }];
  const proofHashes = (doc.proof?.hashes ?? []).map((h) => hexOfBase64(h) ?? h);
  const olderRootPerNewer = doc.proof ? hexOfBase64(doc.proof.olderRootPerNewer) : undefined;
  const done = () => ({ verdict: verdictOf(checks), older: older.checkpoint, newer: newer.checkpoint, olderRootPerNewer, proofHashes });
  const o = older.checkpoint;
  const n = newer.checkpoint;
  if (!o || !n) {
    checks.push({ id: 'fork', label: 'Two incompatible trees', status: 'fail', detail: 'both checkpoints must be signed by the log before they can prove anything' });
    return done();
  }
  const oldRoot = toHex(o.rootHash);
  if (o.size === n.size) {
    const differ = oldRoot !== toHex(n.rootHash);
    checks.push({ id: 'fork', label: 'Two incompatible trees', status: differ ? 'pass' : 'fail', detail: differ ? `two signed roots for tree size ${o.size}` : 'both checkpoints name the same root: no fork' });
    return done();
  }
  if (o.size > n.size) {
    checks.push({ id: 'fork', label: 'Two incompatible trees', status: 'fail', detail: `the older checkpoint (size ${o.size}) is larger than the newer (size ${n.size})` });
    return done();
  }
  const proof = doc.proof;
  if (!proof || proof.first !== o.size || proof.second !== n.size || olderRootPerNewer === undefined) {
    checks.push({ id: 'proof', label: 'Consistency proof', status: 'fail', detail: `sizes ${o.size} and ${n.size} differ, so a consistency proof from ${o.size} to ${n.size} is needed` });
    return done();
  }
  try {
    verifyConsistency(o.size, n.size, proof.hashes.map(fromBase64), fromBase64(proof.olderRootPerNewer), n.rootHash, hasher);
    checks.push({ id: 'proof', label: 'Consistency proof', status: 'pass', detail: `${proof.hashes.length} hashes tie the newer signed root to root ${olderRootPerNewer.slice(0, 16)}… at size ${o.size}` });
  } catch (error) {
    checks.push({ id: 'proof', label: 'Consistency proof', status: 'fail', detail: messageOf(error) });
    return done();
  }
  const differ = olderRootPerNewer !== oldRoot;
  checks.push({
    id: 'fork',
    label: 'Two incompatible trees',
    status: differ ? 'pass' : 'fail',
    detail: differ ? `at size ${o.size} the log signed root ${oldRoot.slice(0, 16)}…, its newer tree has ${olderRootPerNewer.slice(0, 16)}…` : 'the newer tree is consistent with the older checkpoint: no fork',
  });
  return done();
}
