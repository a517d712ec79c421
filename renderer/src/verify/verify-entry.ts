import type { EntryDetailDto } from '../../../shared/api/index.js';
import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { bytesEqual, fromBase64, fromHex, toBase64, toHex } from '../../../shared/encoding/index.js';
import { inclusionSteps, type Hash, type InclusionStep, type MerkleHasher } from '../../../shared/merkle/index.js';
import { logIdOfVerifier, type Checkpoint } from '../../../shared/note/index.js';
import { messageOf, verdictOf, type Check, type Verdict } from './checks.js';
import { rendererHasher } from './hasher.js';
import { parseLogKeys, verifyCheckpointNote } from './verify-checkpoint.js';

export interface EntryVerification {
  readonly verdict: Verdict;
  /** H(0x00 ‖ body), computed here. */
  readonly leafHash: Hash | undefined;
  /** The recomputation from that leaf hash up the audit path (for the proof viewer). */
  readonly steps: readonly InclusionStep[] | undefined;
  readonly computedRoot: Hash | undefined;
  /** The checkpoint, when its signature verified. */
  readonly checkpoint: Checkpoint | undefined;
  readonly signers: readonly string[];
}

function short(hex: string): string {
  return `${hex.slice(0, 12)}…`;
}

/**
 * Verifies an entry in the page, trusting nothing the engine computed: the leaf hash is rehashed from
 * the body bytes, the audit path folded up to a root (RFC 9162 §2.1.3.2), that root compared with the
 * root inside a checkpoint whose signature verified with the log's key; typed entries' SET too.
 * Never throws: every step is a Check.
 */
export function verifyEntry(detail: EntryDetailDto, hasher: MerkleHasher = rendererHasher): EntryVerification {
  const checks: Check[] = [];
  const proof = detail.inclusionProof;

  let body: Uint8Array | undefined;
  let leafHash: Hash | undefined;
  try {
    body = fromHex(detail.body);
    leafHash = hasher.hashLeaf(body);
    const committed = detail.uuid.toLowerCase();
    checks.push(
      toHex(leafHash) === committed
        ? { id: 'leaf', label: 'Leaf hash', status: 'pass', detail: `the body hashes to ${short(committed)}, the leaf the log committed to` }
        : { id: 'leaf', label: 'Leaf hash', status: 'fail', detail: `the body hashes to ${short(toHex(leafHash))}, but the log's leaf is ${short(committed)}: the stored body differs from what was logged` },
    );
  } catch (error) {
    checks.push({ id: 'leaf', label: 'Leaf hash', status: 'fail', detail: `the body could not be read: ${messageOf(error)}` });
  }

  const cp = verifyCheckpointNote(detail.checkpoint?.note ?? null, detail.verifierKeys, detail.origin);
  checks.push(cp.check);
  if (cp.checkpoint && cp.checkpoint.size !== proof.treeSize) {
    checks.push({ id: 'size', label: 'Checkpoint size', status: 'fail', detail: `the checkpoint is for tree size ${cp.checkpoint.size}, the proof for ${proof.treeSize}` });
  }

  let steps: InclusionStep[] | undefined;
  let computedRoot: Hash | undefined;
  if (leafHash) {
    try {
      steps = inclusionSteps(detail.logIndex, proof.treeSize, leafHash, proof.hashes.map(fromHex), hasher);
      computedRoot = steps.length === 0 ? leafHash : steps[steps.length - 1]!.result;
    } catch (error) {
      checks.push({ id: 'inclusion', label: 'Inclusion proof', status: 'fail', detail: messageOf(error) });
    }
  }
  if (computedRoot) {
    if (!cp.checkpoint) {
      checks.push({ id: 'inclusion', label: 'Inclusion proof', status: 'fail', detail: `the path leads to root ${short(toHex(computedRoot))}, but there is no verified checkpoint to compare it with` });
    } else if (bytesEqual(computedRoot, cp.checkpoint.rootHash)) {
      checks.push({ id: 'inclusion', label: 'Inclusion proof', status: 'pass', detail: `${proof.hashes.length} hashes lead from leaf ${detail.logIndex} to the signed root ${short(toHex(computedRoot))} of tree size ${proof.treeSize}` });
    } else {
      checks.push({
        id: 'inclusion',
        label: 'Inclusion proof',
        status: 'fail',
        detail: `the path leads to root ${short(toHex(computedRoot))}, not the signed root ${short(toHex(cp.checkpoint.rootHash))} of tree size ${cp.checkpoint.size}`,
      });
    }
  }

  if (detail.signedEntryTimestamp !== null) checks.push(checkSet(detail, body));
  else if (detail.setExpected) {
    checks.push({ id: 'set', label: 'Signed entry timestamp', status: 'fail', detail: 'the log gave no SET for this typed entry (it signs none for a body that does not hash to the logged leaf)' });
  }
  return { verdict: verdictOf(checks), leafHash, steps, computedRoot, checkpoint: cp.checkpoint, signers: cp.signers };
}

/** Verifies a Rekor v1 SET: the log key's Ed25519 signature over canonical {body, integratedTime, logID, logIndex}. */
function checkSet(detail: EntryDetailDto, body: Uint8Array | undefined): Check {
  const label = 'Signed entry timestamp';
  if (!body || detail.integratedTime === null || detail.signedEntryTimestamp === null) return { id: 'set', label, status: 'fail', detail: 'the entry has no integrated time or body to check the SET over' };
  const ed25519 = parseLogKeys(detail.verifierKeys).verifiers.filter((v) => v.type === 'ed25519');
  let signature: Uint8Array;
  try {
    signature = fromBase64(detail.signedEntryTimestamp);
  } catch (error) {
    return { id: 'set', label, status: 'fail', detail: `the SET is not base64: ${messageOf(error)}` };
  }
  for (const verifier of ed25519) {
    // The log ID is derived from the key here, not taken from the engine's answer.
    const payload = canonicalJsonBytes({ body: toBase64(body), integratedTime: detail.integratedTime, logID: toHex(logIdOfVerifier(verifier)), logIndex: detail.logIndex });
    if (verifier.verify(payload, signature)) return { id: 'set', label, status: 'pass', detail: `signed by ${verifier.name} over integrated time ${detail.integratedTime}` };
  }
  return { id: 'set', label, status: 'fail', detail: 'no key of the log signed this SET over the entry as stored' };
}
