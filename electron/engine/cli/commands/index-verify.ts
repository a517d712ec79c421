import { VerificationError } from '../../../../shared/api/index.js';
import { verifyIndex, type IndexVerifyResult } from '../../entries/index.js';
import { defineCommand } from '../command.js';

export const indexVerify = defineCommand<Record<string, never>, IndexVerifyResult>({
  name: 'index verify',
  summary: 'Rebuild the search index from the stored entries and compare it with the stored index.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => {
    const wb = ctx.workbench();
    const report = verifyIndex(wb.store, wb.kinds());
    if (!report.ok) {
      throw new VerificationError('index_mismatch', `the search index differs from the entries: ${report.missing.length} missing, ${report.extra.length} extra, ${report.altered.length} altered`, { ...report });
    }
    return report;
  },
  render: (r) => `ok: ${r.rows} index rows match the entries`,
});
