import type { ConsistencyDto } from '../../../shared/api/index.js';
import { fromHex } from '../../../shared/encoding/index.js';
import { verifyConsistency, type MerkleHasher } from '../../../shared/merkle/index.js';
import type { Checkpoint } from '../../../shared/note/index.js';
import { messageOf, verdictOf, type Check, type Verdict } from './checks.js';
import { rendererHasher } from './hasher.js';
import { verifyCheckpointNote } from './verify-checkpoint.js';

export interface ConsistencyVerification {
  readonly verdict: Verdict;
  readonly first: Checkpoint | undefined;
  readonly second: Checkpoint | undefined;
}

/**
 * Verifies in the page that the old signed checkpoint's tree is a prefix of the new one's: both
 * signatures with the log's keys, then the proof against the two signed roots (RFC 9162 §2.1.4.2).
 */
export function verifyConsistencyDto(dto: ConsistencyDto, hasher: MerkleHasher = rendererHasher): ConsistencyVerification {
  const { proof } = dto;
  const old = verifyCheckpointNote(dto.firstCheckpoint?.note ?? null, dto.verifierKeys, dto.origin, `Checkpoint ${proof.first} signature`);
  const now = verifyCheckpointNote(dto.secondCheckpoint?.note ?? null, dto.verifierKeys, dto.origin, `Checkpoint ${proof.second} signature`);
  const checks: Check[] = [{ ...old.check, id: 'first-checkpoint' }, { ...now.check, id: 'second-checkpoint' }];
  for (const [cp, size, id] of [[old.checkpoint, proof.first, 'first-size'], [now.checkpoint, proof.second, 'second-size']] as const) {
    if (cp && cp.size !== size) checks.push({ id, label: 'Checkpoint size', status: 'fail', detail: `the checkpoint is for tree size ${cp.size}, the proof for ${size}` });
  }
  if (old.checkpoint && now.checkpoint) {
    try {
      verifyConsistency(proof.first, proof.second, proof.hashes.map(fromHex), old.checkpoint.rootHash, now.checkpoint.rootHash, hasher);
      checks.push({ id: 'consistency', label: 'Consistency proof', status: 'pass', detail: `${proof.hashes.length} hashes show tree ${proof.first} is a prefix of tree ${proof.second}` });
    } catch (error) {
      checks.push({ id: 'consistency', label: 'Consistency proof', status: 'fail', detail: messageOf(error) });
    }
  } else {
    checks.push({ id: 'consistency', label: 'Consistency proof', status: 'fail', detail: 'both checkpoints must verify before the proof can be checked against their roots' });
  }
  return { verdict: verdictOf(checks), first: old.checkpoint, second: now.checkpoint };
}
