export { syncRemote } from './sync-remote.js';
export type { SyncOptions, SyncProgress, SyncResult } from './sync-remote.js';
export { buildForkEvidence, parseForkEvidence, verifyForkEvidence, EVIDENCE_TYPE } from './fork-evidence.js';
export type { ForkEvidence, EvidenceVerdict } from './fork-evidence.js';
export { MirrorLog } from './mirror-log.js';
export type { EntryProblem } from './typed-entry.js';
// For checkpoints a remote gives outside a sync (publish answers): the same checks and fork evidence.
export { recordFork } from './sync-remote.js';
export { checkNewCheckpoint } from './checkpoint-check.js';
export type { CheckpointCheck, RemoteTreeView } from './checkpoint-check.js';
export { rekorTreeView } from './rekor-sync.js';
export { openRemoteTree, remoteTreeView } from './tile-sync.js';
