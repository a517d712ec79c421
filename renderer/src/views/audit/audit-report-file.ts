import type { AuditProblemDto, AuditReportDto } from '../../../../shared/api/index.js';

/** Returns where a problem sits, as one phrase: `entry 41`, `tiles level 0 tile 3`, `sqlite`. */
export function problemPlace(problem: AuditProblemDto): string {
  const where = problem.where;
  const place = where ? [where.table, ...Object.entries(where).filter(([k]) => k !== 'table').map(([k, v]) => `${k} ${v}`)].join(' ') : '';
  if (problem.index !== null) return place ? `entry ${problem.index} (${place})` : `entry ${problem.index}`;
  return place || '—';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Returns the report as the JSON file Export saves (the engine's report, as `provwb audit --json` names its fields). */
export function auditReportJson(report: AuditReportDto): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Returns the file name for an exported report: `audit-<log>-<UTC time>.<ext>`. */
export function auditFileName(report: AuditReportDto, generatedAtMs: number, ext: 'json' | 'html'): string {
  const stamp = new Date(generatedAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
  return `audit-${report.log.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.${ext}`;
}

/**
 * Returns a self-contained, printable HTML page of the report (inline styles, no script): every
 * value escaped, since problem texts quote stored data an attacker may have written.
 */
export function auditReportHtml(report: AuditReportDto, generatedAtMs: number): string {
  const total = report.problems.length + report.problemsOmitted;
  const verdict = report.ok ? 'PASS: the stored log verifies offline' : `FAIL: ${total} problem${total === 1 ? '' : 's'} found`;
  const rows = report.problems
    .map((p) => `<tr><td class="num">${p.index === null ? '' : p.index}</td><td>${escapeHtml(problemPlace(p))}</td><td><code>${escapeHtml(p.code)}</code></td><td>${escapeHtml(p.problem)}</td></tr>`)
    .join('\n');
  const notes = report.notes.map((n) => `<li>${n.index === null ? '' : `entry ${n.index}: `}${escapeHtml(n.note)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Audit of ${escapeHtml(report.log)} — Provenance Workbench</title>
<style>
body{font:13px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24}
h1{font-size:18px;margin:0 0 4px}
.verdict{padding:10px 12px;border-radius:6px;font-weight:600;margin:12px 0;border:1px solid}
.pass{background:#e6f4ea;border-color:#1a7f37;color:#1a7f37}.fail{background:#fdecea;border-color:#c62828;color:#c62828}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{font-weight:500;color:#555}.num{text-align:right;font-variant-numeric:tabular-nums}
code,.mono{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px}dt{color:#555}dd{margin:0}
@media print{body{margin:0}}
</style></head><body>
<h1>Offline audit of log ${escapeHtml(report.log)}</h1>
<div>${escapeHtml(report.origin)}</div>
<div class="verdict ${report.ok ? 'pass' : 'fail'}">${escapeHtml(verdict)}</div>
<dl>
<dt>Tree size</dt><dd>${report.treeSize}</dd>
<dt>Recomputed root</dt><dd class="mono">${escapeHtml(report.rootHash)}</dd>
<dt>Entries rehashed</dt><dd>${report.entriesChecked}</dd>
<dt>Tiles compared</dt><dd>${report.tilesChecked}</dd>
<dt>Checkpoints verified</dt><dd>${report.checkpointsChecked}</dd>
<dt>Typed entries re-verified</dt><dd>${report.typedEntriesChecked}</dd>
<dt>Report made</dt><dd>${new Date(generatedAtMs).toISOString()}</dd>
</dl>
${report.problems.length > 0 ? `<h2>Problems</h2>\n<table><thead><tr><th class="num">Index</th><th>Where</th><th>Code</th><th>Problem</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : ''}
${report.problemsOmitted > 0 ? `<p>${report.problemsOmitted} more problems were found but not listed.</p>` : ''}
${notes ? `<h2>Notes</h2>\n<ul>\n${notes}\n</ul>` : ''}
</body></html>
`;
}
