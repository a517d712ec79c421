export { LocalLog, checkpointBody } from './local-log.js';
export type { AppendResult, InclusionProof, ConsistencyProof, LocalLogDeps } from './local-log.js';
export { exportTiles } from './tile-export.js';
export type { TileExportResult } from './tile-export.js';
export { systemClock } from './checkpoint-signer.js';
export type { CheckpointSigner, Clock } from './checkpoint-signer.js';
export { rebuildTree } from './rebuild-tree.js';
export type { RebuiltTree } from './rebuild-tree.js';
export { loadTileBuilder } from './tile-edge.js';
