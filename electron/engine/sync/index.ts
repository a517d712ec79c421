export { syncRemote } from './sync-remote.js';
export type { SyncOptions, SyncProgress, SyncResult } from './sync-remote.js';
export { buildForkEvidence, parseForkEvidence, verifyForkEvidence, EVIDENCE_TYPE } from './fork-evidence.js';
export type { ForkEvidence, EvidenceVerdict } from './fork-evidence.js';
export { MirrorLog } from './mirror-log.js';
export type { EntryProblem } from './typed-entry.js';
