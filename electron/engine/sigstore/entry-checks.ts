import type { TransparencyLogEntry } from '@sigstore/bundle';
import { isWorkbenchError } from '../../../shared/api/index.js';
import { canonicalJsonBytes } from '../../../shared/canonical/index.js';
import { bytesEqual, toBase64, toHex } from '../../../shared/encoding/index.js';
import { verifyInclusion } from '../../../shared/merkle/index.js';
import { parseCheckpoint, parseNote } from '../../../shared/note/index.js';
import { nodeHasher } from '../crypto/index.js';
import type { Checklist } from './checklist.js';
import { logIdOf, verifyLogSignature } from './log-key.js';
import { openRekorCheckpoint } from './rekor-checkpoint.js';
import { findTrustedLogs, type TrustedLog } from './trusted-logs.js';

// A SET time this far past the verifier's clock is refused: clocks drift, logs do not sign the future.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function label(entry: TransparencyLogEntry): string {
  return `tlog entry ${entry.logIndex}`;
}

function errorText(error: unknown): string {
  return isWorkbenchError(error) || error instanceof Error ? error.message : String(error);
}

/** Returns the trusted logs for the entry's logId, or records a failure on `check` and returns none. */
function logsFor(entry: TransparencyLogEntry, logs: readonly TrustedLog[], list: Checklist, check: 'set' | 'checkpoint'): TrustedLog[] {
  const found = findTrustedLogs(logs, entry.logId.keyId);
  if (found.length === 0) {
    list.fail(check, `${label(entry)} is from log ${toHex(entry.logId.keyId)}, which the trusted root does not list`, {
      expected: logs.map((l) => toHex(l.logId)).join(', '),
      actual: toHex(entry.logId.keyId),
    });
  }
  return found;
}

/**
 * Checks the entry's SET (Rekor v1 inclusion promise): the log key's signature over canonical
 * `{body, integratedTime, logID (hex), logIndex}`, by a trusted log whose key is valid at the
 * integrated time, which must not lie in the future of `nowMs`. Skips entries without a SET (Rekor v2).
 */
export function checkSet(entry: TransparencyLogEntry, logs: readonly TrustedLog[], nowMs: number, list: Checklist): void {
  const promise = entry.inclusionPromise;
  if (!promise) {
    list.skip('set', `${label(entry)} has no SET (a Rekor v2 entry); its time comes from the bundle's RFC 3161 timestamp, which sigstore-js verifies`);
    return;
  }
  const integratedTimeSec = Number(entry.integratedTime);
  const payload = canonicalJsonBytes({
    body: toBase64(entry.canonicalizedBody),
    integratedTime: integratedTimeSec,
    logID: toHex(entry.logId.keyId),
    logIndex: Number(entry.logIndex),
  });
  const signer = logsFor(entry, logs, list, 'set').find((log) => verifyLogSignature(log.publicKey, payload, promise.signedEntryTimestamp));
  if (!signer) {
    if (findTrustedLogs(logs, entry.logId.keyId).length > 0) list.fail('set', `the SET of ${label(entry)} does not verify with the key of log ${toHex(entry.logId.keyId)}`);
    return;
  }
  const timeMs = integratedTimeSec * 1000;
  const when = new Date(timeMs).toISOString();
  if (timeMs < signer.validFromMs || timeMs > signer.validToMs) {
    list.fail('set', `${label(entry)} was integrated at ${when}, outside the validity of the key of ${signer.name}`, {
      expected: `${new Date(signer.validFromMs).toISOString()} … ${signer.validToMs >= 8.64e15 ? 'open' : new Date(signer.validToMs).toISOString()}`,
      actual: when,
    });
  } else if (timeMs > nowMs + MAX_CLOCK_SKEW_MS) {
    list.fail('set', `${label(entry)} claims integration at ${when}, after now (${new Date(nowMs).toISOString()})`, { expected: `≤ ${new Date(nowMs).toISOString()}`, actual: when });
  } else {
    list.pass('set', `the SET of ${label(entry)} by ${signer.name} verifies; integrated at ${when}`);
  }
}

/**
 * Checks the entry's inclusion proof with our own RFC 6962 code: the leaf hash of the body is
 * entry `inclusionProof.logIndex` of the tree of `treeSize` with `rootHash`, and that size and root
 * are the checkpoint's (sigstore-js uses only the checkpoint's). Skips v0.1 entries without a proof.
 */
export function checkInclusionProof(entry: TransparencyLogEntry, list: Checklist): void {
  const proof = entry.inclusionProof;
  if (!proof) {
    list.skip('inclusion_proof', `${label(entry)} has no inclusion proof (bundle v0.1: the SET alone promises inclusion)`);
    return;
  }
  const index = Number(proof.logIndex);
  const size = Number(proof.treeSize);
  const leafHash = nodeHasher.hashLeaf(entry.canonicalizedBody);
  try {
    verifyInclusion(index, size, leafHash, proof.hashes.map((h) => new Uint8Array(h)), new Uint8Array(proof.rootHash), nodeHasher);
  } catch (error) {
    const details = isWorkbenchError(error) ? error.details : undefined;
    list.fail('inclusion_proof', `${label(entry)}: ${errorText(error)}`, {
      expected: toHex(proof.rootHash),
      ...(typeof details?.computedRoot === 'string' ? { actual: details.computedRoot } : {}),
    });
    return;
  }
  let checkpoint: ReturnType<typeof parseCheckpoint>;
  try {
    checkpoint = parseCheckpoint(parseNote(proof.checkpoint?.envelope ?? '').text);
  } catch (error) {
    list.fail('inclusion_proof', `${label(entry)}: the checkpoint that should confirm root ${toHex(proof.rootHash)} does not parse: ${errorText(error)}`);
    return;
  }
  if (checkpoint.size !== size || !bytesEqual(checkpoint.rootHash, proof.rootHash)) {
    list.fail('inclusion_proof', `${label(entry)}: the proof ends at root ${toHex(proof.rootHash)} of size ${size}, but the checkpoint has root ${toHex(checkpoint.rootHash)} of size ${checkpoint.size}`, {
      expected: `${checkpoint.size} ${toHex(checkpoint.rootHash)}`,
      actual: `${size} ${toHex(proof.rootHash)}`,
    });
    return;
  }
  list.pass('inclusion_proof', `leaf ${toHex(leafHash)} is entry ${index} of the tree of size ${size} with root ${toHex(proof.rootHash)}, as the checkpoint says`);
}

/**
 * Checks the entry's checkpoint: signed by a trusted log whose checkpoint key name is the log's
 * name (from baseUrl), with an origin of that log, and whose log ID really derives from its key
 * (SHA-256 of the DER SPKI, or the C2SP key hash for Ed25519) and is the entry's. Skips entries
 * without an inclusion proof.
 */
export function checkCheckpoint(entry: TransparencyLogEntry, logs: readonly TrustedLog[], list: Checklist): void {
  const envelope = entry.inclusionProof?.checkpoint?.envelope;
  if (envelope === undefined) {
    list.skip('checkpoint', `${label(entry)} has no checkpoint (bundle v0.1)`);
    return;
  }
  const problems: string[] = [];
  for (const log of logsFor(entry, logs, list, 'checkpoint')) {
    let keyName: string;
    try {
      ({ keyName } = openRekorCheckpoint(envelope, log.publicKey, { keyName: log.name }));
    } catch (error) {
      problems.push(errorText(error));
      continue;
    }
    const derived = logIdOf(log.publicKey, keyName);
    if (!bytesEqual(derived, entry.logId.keyId)) {
      list.fail('checkpoint', `log ID ${toHex(entry.logId.keyId)} of ${label(entry)} does not derive from the key of ${log.name}, whose log ID is ${toHex(derived)}`, {
        expected: toHex(derived),
        actual: toHex(entry.logId.keyId),
      });
      return;
    }
    list.pass('checkpoint', `the checkpoint is signed by ${keyName} with the trusted key; log ID ${toHex(derived)} derives from that key`);
    return;
  }
  if (problems.length > 0) list.fail('checkpoint', `${label(entry)}: ${problems.join('; ')}`);
}
