import { VerificationError } from '../../../../shared/api/index.js';
import { auditWorkbench, type AuditReport } from '../../audit/index.js';
import { defineCommand } from '../command.js';

/** Problems shown in the one-sentence error; `--json` carries all of them. */
const PROBLEMS_IN_MESSAGE = 5;

function summary(report: AuditReport): string {
  const total = report.problems.length + report.problemsOmitted;
  const shown = report.problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => (p.index === null ? p.problem : `entry ${p.index}: ${p.problem}`));
  const more = total > shown.length ? `; and ${total - shown.length} more` : '';
  return `audit of log ${report.log} found ${total} problem${total === 1 ? '' : 's'}: ${shown.join('; ')}${more}`;
}

export const audit = defineCommand<{ log: string }, AuditReport>({
  name: 'audit',
  summary: 'Offline audit of a stored log: recompute every leaf and the whole tree from the stored entries, check every tile node, checkpoint, typed entry and index row.',
  options: {},
  positionals: [{ name: 'NAME', help: '`local`, or the name of a mirrored remote', required: true }],
  parse: (_values, positionals) => ({ log: positionals[0]! }),
  run: async (args, ctx) => {
    const report = await auditWorkbench({
      dataDir: ctx.dataDir,
      logName: args.log,
      clock: { nowMs: () => performance.now() },
      onProgress: (p) => ctx.progress(p.done, p.total, `audit ${p.log}`),
    });
    // Problems are a failed verification (exit 1); the whole report travels in the error's details.
    if (!report.ok) throw new VerificationError('audit_failed', summary(report), { ...report }, { hint: 'run with --json to list every problem' });
    return report;
  },
  render: (r) =>
    [
      `ok: log ${r.log} (${r.origin}) verifies offline`,
      `  tree size ${r.treeSize}, root ${r.rootHash}`,
      `  ${r.entriesChecked} entries rehashed, ${r.tilesChecked} tiles compared, ${r.checkpointsChecked} checkpoints verified, ${r.typedEntriesChecked} typed entries re-verified`,
      ...r.notes.map((n) => `  note: ${n.note}`),
    ].join('\n'),
});
