import { InputError, VerificationError, isWorkbenchError } from '../../../shared/api/index.js';
import { bytesEqual, fromBase64, toBase64, toHex } from '../../../shared/encoding/index.js';
import { verifyConsistency, type Hash, type MerkleHasher } from '../../../shared/merkle/index.js';
import { parseCheckpoint, parseNote, type Checkpoint } from '../../../shared/note/index.js';
import { openLogCheckpoint } from '../remote/log-verifier.js';

export const EVIDENCE_TYPE = 'provwb-fork-evidence/v1';

/**
 * Proof that one log signed two trees that cannot both be true, checkable with only the log's key:
 * - same size: the two signed checkpoints name different roots;
 * - sizes m < n: `proof` is a consistency proof from m to n that verifies against the newer signed
 *   root with `olderRootPerNewer` as the size-m root, and that root differs from the older signed
 *   one. (As Go's sumdb client reports misbehaviour: the notes plus the tree proof.)
 */
export interface ForkEvidence {
  readonly type: typeof EVIDENCE_TYPE;
  readonly log: { readonly name: string; readonly origin: string; readonly url: string; readonly remoteType: string };
  /** The keys the mirror trusted (informational: re-check with keys you obtained yourself). */
  readonly verifierKeys: readonly string[];
  readonly older: { readonly checkpoint: string };
  readonly newer: { readonly checkpoint: string };
  readonly proof?: {
    readonly first: number;
    readonly second: number;
    /** Base64 root of the first `first` leaves according to the newer tree. */
    readonly olderRootPerNewer: string;
    /** Base64 proof hashes, RFC 6962 order. */
    readonly hashes: readonly string[];
  };
  readonly detectedAt: string;
  readonly explanation: string;
}

export interface EvidenceVerdict {
  /** True when the evidence proves the log forked. */
  readonly ok: boolean;
  readonly origin: string;
  /** The tree size both checkpoints disagree about. */
  readonly size: number;
  /** Hex roots for that size: the older signed checkpoint's, and the one the newer checkpoint commits to. */
  readonly roots: readonly string[];
  readonly reason: string;
}

/** Builds the evidence document for two verified checkpoints (older.size ≤ newer.size). */
export function buildForkEvidence(input: {
  log: { name: string; origin: string; url: string | null; remoteType: string | null; verifierKeys: readonly string[] };
  olderNote: string;
  newerNote: string;
  proof?: { first: number; second: number; olderRootPerNewer: Hash; hashes: readonly Hash[] };
  detectedAtMs: number;
}): ForkEvidence {
  const older = parseCheckpoint(parseNote(input.olderNote).text);
  const newer = parseCheckpoint(parseNote(input.newerNote).text);
  const explanation = input.proof
    ? `the log signed size ${older.size} with root ${toHex(older.rootHash)}, and later size ${newer.size} whose tree has root ${toHex(input.proof.olderRootPerNewer)} at size ${older.size} (the consistency proof shows it)`
    : `the log signed two different roots for size ${older.size}: ${toHex(older.rootHash)} and ${toHex(newer.rootHash)}`;
  return {
    type: EVIDENCE_TYPE,
    log: { name: input.log.name, origin: input.log.origin, url: input.log.url ?? '', remoteType: input.log.remoteType ?? '' },
    verifierKeys: input.log.verifierKeys,
    older: { checkpoint: input.olderNote },
    newer: { checkpoint: input.newerNote },
    ...(input.proof
      ? { proof: { first: input.proof.first, second: input.proof.second, olderRootPerNewer: toBase64(input.proof.olderRootPerNewer), hashes: input.proof.hashes.map(toBase64) } }
      : {}),
    detectedAt: new Date(input.detectedAtMs).toISOString(),
    explanation,
  };
}

function malformed(message: string): never {
  throw new InputError('evidence_malformed', `not a fork evidence file: ${message}`);
}

/** Returns the evidence document parsed from JSON text; InputError `evidence_malformed` otherwise. */
export function parseForkEvidence(text: string): ForkEvidence {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    malformed(`invalid JSON (${(error as Error).message})`);
  }
  const doc = value as Partial<ForkEvidence> | null;
  if (!doc || typeof doc !== 'object' || doc.type !== EVIDENCE_TYPE) malformed(`"type" must be ${JSON.stringify(EVIDENCE_TYPE)}`);
  if (typeof doc.older?.checkpoint !== 'string' || typeof doc.newer?.checkpoint !== 'string') malformed('"older.checkpoint" and "newer.checkpoint" must be signed checkpoint notes');
  const p = doc.proof;
  if (p !== undefined) {
    const sizeOk = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 1;
    if (!p || !sizeOk(p.first) || !sizeOk(p.second) || typeof p.olderRootPerNewer !== 'string' || !Array.isArray(p.hashes) || !p.hashes.every((h) => typeof h === 'string')) {
      malformed('"proof" needs first, second (sizes ≥ 1), olderRootPerNewer and hashes (base64)');
    }
  }
  return doc as ForkEvidence;
}

/**
 * Checks fork evidence with only the log's key(s): both checkpoints must be signed by them for one
 * origin, and either name two roots for one size, or the consistency proof must tie the newer
 * signed root to a different root at the older size. Returns the verdict (ok false with the reason
 * when the document does not prove a fork); throws for malformed input.
 */
export function verifyForkEvidence(evidence: ForkEvidence, verifierKeys: readonly string[], hasher: MerkleHasher): EvidenceVerdict {
  const olderOrigin = parseCheckpoint(parseNote(evidence.older.checkpoint).text).origin;
  const open = (note: string, which: string): Checkpoint => {
    try {
      return openLogCheckpoint({ origin: olderOrigin, verifierKeys }, note);
    } catch (error) {
      throw new VerificationError('evidence_unsigned', `the ${which} checkpoint is not signed by the given key for origin ${JSON.stringify(olderOrigin)}: ${isWorkbenchError(error) ? error.message : String(error)}`, {}, { cause: error });
    }
  };
  const older = open(evidence.older.checkpoint, 'older');
  const newer = open(evidence.newer.checkpoint, 'newer');
  const verdict = (ok: boolean, roots: Hash[], reason: string): EvidenceVerdict => ({ ok, origin: older.origin, size: older.size, roots: roots.map(toHex), reason });
  if (older.size === newer.size) {
    return bytesEqual(older.rootHash, newer.rootHash)
      ? verdict(false, [older.rootHash, newer.rootHash], 'both checkpoints name the same root: no fork')
      : verdict(true, [older.rootHash, newer.rootHash], `two signed roots for tree size ${older.size}`);
  }
  if (older.size > newer.size) return verdict(false, [older.rootHash], `the older checkpoint (size ${older.size}) is larger than the newer (size ${newer.size})`);
  const proof = evidence.proof;
  if (!proof || proof.first !== older.size || proof.second !== newer.size) {
    return verdict(false, [older.rootHash], `sizes ${older.size} and ${newer.size} differ, so a consistency proof between them is needed`);
  }
  const implied = fromBase64(proof.olderRootPerNewer);
  try {
    verifyConsistency(older.size, newer.size, proof.hashes.map(fromBase64), implied, newer.rootHash, hasher);
  } catch (error) {
    return verdict(false, [older.rootHash, implied], `the consistency proof does not tie the newer root to the claimed size-${older.size} root: ${isWorkbenchError(error) ? error.message : String(error)}`);
  }
  return bytesEqual(implied, older.rootHash)
    ? verdict(false, [older.rootHash, implied], 'the newer tree is consistent with the older checkpoint: no fork')
    : verdict(true, [older.rootHash, implied], `the log signed size ${older.size} with one root and a size-${newer.size} tree that has another root at size ${older.size}`);
}
