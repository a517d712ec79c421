import type { RekorLogEntryMap } from '../../../shared/api/index.js';

/** Returns the human text of a Rekor LogEntry answer. */
export function renderLogEntry(answer: RekorLogEntryMap): string {
  return Object.entries(answer)
    .map(([uuid, e]) => {
      const body = JSON.parse(Buffer.from(e.body, 'base64').toString('utf8')) as { kind?: string; apiVersion?: string };
      return [
        `uuid:            ${uuid}`,
        `log index:       ${e.logIndex}`,
        `kind:            ${body.kind} ${body.apiVersion}`,
        `integrated time: ${new Date(e.integratedTime * 1000).toISOString()}`,
        `tree size:       ${e.verification.inclusionProof.treeSize}, root ${e.verification.inclusionProof.rootHash}`,
      ].join('\n');
    })
    .join('\n\n');
}
