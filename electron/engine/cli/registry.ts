import type { AnyCommand } from './command.js';

/** Every command, loaded lazily so `provwb --help` starts fast. Keys are the words typed. */
export const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<AnyCommand> }>> = {
  init: { summary: 'create the workbench, its local log and checkpoint key', load: async () => (await import('./commands/init.js')).init },
  'log info': { summary: 'show the local log: size, root, checkpoint, keys', load: async () => (await import('./commands/log-info.js')).logInfo },
  'log append-raw': { summary: 'append hex-encoded entries (one per line) in one transaction', load: async () => (await import('./commands/log-append-raw.js')).logAppendRaw },
  'log checkpoint': { summary: 'print the latest signed checkpoint', load: async () => (await import('./commands/log-checkpoint.js')).logCheckpoint },
  'log prove': { summary: 'inclusion proof of an entry', load: async () => (await import('./commands/log-prove.js')).logProve },
  'log consistency': { summary: 'consistency proof between two tree sizes', load: async () => (await import('./commands/log-consistency.js')).logConsistency },
  'log export-tiles': { summary: 'write the log as a C2SP tlog-tiles directory', load: async () => (await import('./commands/log-export-tiles.js')).logExportTiles },
  'verify checkpoint': { summary: 'verify a signed checkpoint with verifier keys', load: async () => (await import('./commands/verify-checkpoint.js')).verifyCheckpointCommand },
  'verify inclusion': { summary: 'verify an inclusion proof (JSON of `log prove`)', load: async () => (await import('./commands/verify-inclusion.js')).verifyInclusionCommand },
  'verify consistency': { summary: 'verify a consistency proof (JSON of `log consistency`)', load: async () => (await import('./commands/verify-consistency.js')).verifyConsistencyCommand },
};
