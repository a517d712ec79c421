export { createKindRegistry } from './kind-registry.js';
export type { KindRegistry } from './kind-registry.js';
export { parseProposedEntry } from './proposed-entry.js';
export { rekorLogEntry, rekorLogEntryJson, provenEntry } from './log-entry.js';
// The SET payload lives with the log that signs it at integration; entries' callers know it from here.
export { setPayload } from '../log/index.js';
export type { LogEntryContext, ProvenEntry } from './log-entry.js';
export { addEntry, prepareEntry } from './add-entry.js';
export type { PrepareEntryContext } from './add-entry.js';
export { createAppendQueue } from './append-queue.js';
export type { AppendQueue, AppendQueueDeps, AppendedEntry } from './append-queue.js';
export { createVerifyPool } from './verify-pool.js';
export type { VerifyPool, PreparedEntry } from './verify-pool.js';
export { searchEntries, searchFilters, normalizeSha256, normalizeFingerprint } from './search-entries.js';
export type { SearchQuery, SearchResult, SearchMatch } from './search-entries.js';
export { verifyIndex, verifyLogIndex } from './verify-index.js';
export type { IndexVerifyResult, IndexDifference, LogIndexOptions } from './verify-index.js';
