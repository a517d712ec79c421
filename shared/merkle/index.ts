export { createMerkleHasher, HASH_SIZE } from './hasher.js';
export type { Hash, MerkleHasher, Sha256, BatchHashing } from './hasher.js';
export { createWasmSha256 } from './wasm-sha256.js';
export type { BatchSha256 } from './wasm-sha256.js';
export { coveringNodes, isNodeComplete, splitPoint, pow2 } from './node-id.js';
export type { NodeId } from './node-id.js';
export { foldRange, rehash, ProofPlanBuilder } from './proof-plan.js';
export type { FoldMemo, HashReader, ProofPlan } from './proof-plan.js';
export { inclusionPlan, inclusionSteps, rootFromInclusionProof, verifyInclusion } from './inclusion.js';
export type { InclusionStep } from './inclusion.js';
export { consistencyPlan, verifyConsistency, rootsFromConsistencyProof, powerOfTwoNodeFromConsistencyProof } from './consistency.js';
export { treeRoot, rootOfLeafHashes } from './tree-hash.js';
export {
  TILE_HEIGHT,
  TILE_WIDTH,
  formatTileIndex,
  tilePath,
  entryBundlePath,
  parseTilePath,
  levelWidth,
  tilesForSize,
  entryBundlesForSize,
  nodeTileAddress,
} from './tiles.js';
export type { TileId, ParsedTilePath, NodeTileAddress } from './tiles.js';
export { buildTileNodes, tileNode, fullTileRoot, tileBottom, tileNodesLength, tileRowOffset } from './tile-nodes.js';
export { TileBuilder } from './tile-builder.js';
export type { TileWrite } from './tile-builder.js';
export { createTileHashReader, createTileLookupReader, tilesHoldingNodes, tileKey } from './tile-hash-reader.js';
export type { StoredTile } from './tile-hash-reader.js';
export { entryBundleOffsets, formatEntryBundle, parseEntryBundle, MAX_BUNDLE_ENTRY_SIZE } from './entry-bundle.js';
export { buildInclusionProof, buildConsistencyProof } from './prove.js';
export type { BuiltInclusionProof, BuiltConsistencyProof, InclusionProofShortcuts } from './prove.js';
