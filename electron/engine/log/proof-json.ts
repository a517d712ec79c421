import type { ConsistencyProofDto, InclusionProofDto } from '../../../shared/api/index.js';
import { toHex } from '../../../shared/encoding/index.js';
import type { ConsistencyProof, InclusionProof } from './local-log.js';

export type InclusionProofJson = InclusionProofDto;
export type ConsistencyProofJson = ConsistencyProofDto;

/** Returns the proof as CLI.md's JSON (hex hashes). */
export function inclusionProofToJson(proof: InclusionProof): InclusionProofDto {
  return { logIndex: proof.logIndex, treeSize: proof.treeSize, leafHash: toHex(proof.leafHash), hashes: proof.hashes.map(toHex), rootHash: toHex(proof.rootHash) };
}

/** Returns the proof as CLI.md's JSON (hex hashes). */
export function consistencyProofToJson(proof: ConsistencyProof): ConsistencyProofDto {
  return { first: proof.first, second: proof.second, firstRoot: toHex(proof.firstRoot), secondRoot: toHex(proof.secondRoot), hashes: proof.hashes.map(toHex) };
}
