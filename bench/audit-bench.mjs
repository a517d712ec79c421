#!/usr/bin/env node
// `npm run bench` (last step) or `node bench/audit-bench.mjs`: `provwb audit` of a 1 M-entry log beside
// Go tlog's tree-building rate measured in the same run, merged under the key "audit" of
// bench/results/remotes.json (read-modify-write: other benches write other keys).
// The audit is the whole of it, as `provwb audit local` runs it: SQLite integrity and foreign-key
// checks, schema check, every leaf rehashed from the entry bundles, the tree rebuilt and every stored
// tile node compared, every checkpoint verified and compared with the recomputed root at its size.
// The reference is `gotlog bench` (single-threaded x/mod tlog.StoredHashes over in-memory leaves,
// as bench/engine-bench.mjs uses it). Runs alternate Go, audit, Go, audit, … and each audit is
// compared with the Go run just before it, since load on the shared 2-core machine drifts.
// Knobs: BENCH_AUDIT_ENTRIES (default 1000000), BENCH_AUDIT_RUNS (default 3), BENCH_AUDIT_BATCH (default 10000).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initWorkbench, openWorkbench } = await import(path.join(root, 'dist/electron/engine/open-workbench.js'));
const { auditWorkbench } = await import(path.join(root, 'dist/electron/engine/audit/index.js'));

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_AUDIT_RUNS ?? 3);
const BATCH = Number(process.env.BENCH_AUDIT_BATCH ?? 10_000);
const ENTRY_BYTES = 64;
const TARGET_RATIO = 0.5;

const started = performance.now();
const elapsedSec = () => (performance.now() - started) / 1000;
const log = (...args) => console.error(`[audit-bench ${elapsedSec().toFixed(0).padStart(4)}s]`, ...args);
const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(digits));
const loadavg = () => os.loadavg().map((x) => round(x));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.floor(s.length / 2)];
};

function gotlogBinary() {
  const build = path.resolve(root, '../shared/tools/gotlog/build.sh');
  if (!existsSync(build)) return { skipped: 'gotlog not found beside the repository' };
  try {
    return { binary: execFileSync(build, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop() };
  } catch (error) {
    return { skipped: `Go is not available: ${error.message.split('\n')[0]}` };
  }
}

function goRun(binary) {
  const out = spawnSync(binary, ['bench', '-n', String(ENTRIES), '-runs', '3'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`gotlog bench failed: ${out.stderr.trim()}`);
  const r = JSON.parse(out.stdout);
  return { leavesPerSec: Math.round(r.leavesPerSec), bestLeavesPerSec: Math.round(r.bestLeavesPerSec), seconds: round(r.seconds, 3) };
}

function buildLog(dir) {
  initWorkbench({ dataDir: dir, origin: 'bench.provwb.local/audit' });
  const wb = openWorkbench({ dataDir: dir });
  try {
    const filler = randomBytes(ENTRY_BYTES);
    const local = wb.localLog();
    for (let done = 0; done < ENTRIES; done += BATCH) {
      const count = Math.min(BATCH, ENTRIES - done);
      local.append(Array.from({ length: count }, (_, i) => {
        const body = Buffer.from(filler);
        body.writeUInt32BE(done + i, 0);
        return { body };
      }));
    }
    wb.store.db.pragma('wal_checkpoint(TRUNCATE)');
    return wb.localLog().record();
  } finally {
    wb.close();
  }
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemBytes: os.totalmem(), loadavgAtStart: loadavg() };
const gitHead = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const go = gotlogBinary();
const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-audit-bench-'));
let result;
let failed = false;
try {
  log(`append ${ENTRIES} entries of ${ENTRY_BYTES} bytes in batches of ${BATCH}`);
  const record = buildLog(dir);
  const databaseBytes = statSync(path.join(dir, 'workbench.db')).size;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const reference = go.binary ? goRun(go.binary) : undefined;
    log(`run ${i + 1}: Go tlog ${reference?.leavesPerSec ?? '—'} leaves/s`);
    const t = performance.now();
    const cpu = process.cpuUsage();
    const report = await auditWorkbench({ dataDir: dir, logName: 'local' });
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    if (!report.ok || report.entriesChecked !== ENTRIES) {
      failed = true;
      log(`audit did not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
    }
    const entriesPerSec = Math.round(ENTRIES / seconds);
    runs.push({
      seconds: round(seconds, 3),
      cpuSeconds: round((used.user + used.system) / 1e6, 3),
      entriesPerSec,
      ok: report.ok,
      tilesChecked: report.tilesChecked,
      checkpointsChecked: report.checkpointsChecked,
      goLeavesPerSec: reference?.leavesPerSec ?? null,
      ratioVsGoTlog: reference ? round(entriesPerSec / reference.leavesPerSec) : null,
      loadavgAfter: loadavg(),
    });
    log(`run ${i + 1}: audit ${entriesPerSec} entries/s (${seconds.toFixed(2)} s, ${runs.at(-1).cpuSeconds} s CPU), ratio ${runs.at(-1).ratioVsGoTlog}`);
  }
  const ratio = median(runs.map((r) => r.ratioVsGoTlog).filter((x) => x !== null));
  result = {
    date: new Date().toISOString(),
    gitHead,
    built: 'dist/ as built before the run (the working tree may hold uncommitted changes)',
    machine,
    setup: `one local log of ${ENTRIES} entries of ${ENTRY_BYTES} bytes appended in batches of ${BATCH} (${record.treeSize / BATCH} checkpoints), database file warm in the page cache; audit through its own read-only connection in this process, one thread`,
    audits: 'SQLite integrity_check + foreign_key_check + schema text; every leaf rehashed from the entry bundles; whole tree rebuilt and every stored tile node (level 0 and interior rows) compared; tree head; every checkpoint signature, origin and root at its size',
    reference: go.binary ? `gotlog bench -n ${ENTRIES} -runs 3 (x/mod tlog.StoredHashes, single-threaded, leaves in memory), median of its 3 builds, run just before each audit` : go.skipped,
    target: `audit ≥ ${TARGET_RATIO} × Go tlog's rate in the same run`,
    entries: ENTRIES,
    databaseBytes,
    runs,
    median: {
      auditEntriesPerSec: median(runs.map((r) => r.entriesPerSec)),
      auditCpuSeconds: median(runs.map((r) => r.cpuSeconds)),
      goLeavesPerSec: median(runs.map((r) => r.goLeavesPerSec).filter((x) => x !== null)),
      ratioVsGoTlog: ratio,
    },
    targetMet: ratio === null ? null : ratio >= TARGET_RATIO,
    seconds: null,
  };
  result.machine.loadavgAtEnd = loadavg();
  result.seconds = round(elapsedSec(), 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const file = path.join(root, 'bench/results/remotes.json');
mkdirSync(path.dirname(file), { recursive: true });
// Other benches write other keys of this file: read it just before writing, change only "audit".
const merged = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
merged.audit = result;
writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (failed) process.exitCode = 1;
