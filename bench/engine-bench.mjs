#!/usr/bin/env node
// `npm run bench`: engine figures beside references measured in the same run, written to
// bench/results/engine.json. Sizes: BENCH_SIZES (default "1000000,10000000"); a size is skipped
// when the run has used more than BENCH_BUDGET_SEC (default 600) before it starts.
import { execFileSync, spawnSync } from 'node:child_process';
import { hash as oneShotHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseBytes } from './database-bytes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initWorkbench, openWorkbench } = await import(path.join(root, 'dist/electron/engine/open-workbench.js'));
const { rebuildTree } = await import(path.join(root, 'dist/electron/engine/log/index.js'));
const { nodeHasher } = await import(path.join(root, 'dist/electron/engine/crypto/index.js'));
const { toHex } = await import(path.join(root, 'dist/shared/encoding/index.js'));

const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const budgetSec = Number(process.env.BENCH_BUDGET_SEC ?? 600);
const ENTRY_BYTES = 64;
const started = performance.now();
const elapsedSec = () => (performance.now() - started) / 1000;
const log = (...args) => console.error('[bench]', ...args);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function entriesFor(start, count) {
  // Distinct 64-byte entries: a counter in front of fixed random bytes.
  const filler = randomBytes(ENTRY_BYTES);
  return Array.from({ length: count }, (_, i) => {
    const body = Buffer.from(filler);
    body.writeUInt32BE(start + i, 0);
    return { body };
  });
}

function sha256Reference() {
  const message = Buffer.alloc(65, 7);
  const n = 2_000_000;
  const t = performance.now();
  for (let i = 0; i < n; i++) oneShotHash('sha256', message, 'buffer');
  return { messageBytes: 65, hashesPerSec: Math.round(n / ((performance.now() - t) / 1000)) };
}

function goReference() {
  const build = path.resolve(root, '../shared/tools/gotlog/build.sh');
  if (!existsSync(build)) return { skipped: 'gotlog not found beside the repository' };
  try {
    const binary = execFileSync(build, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop();
    const out = spawnSync(binary, ['bench', '-n', '1000000', '-runs', '3'], { encoding: 'utf8' });
    if (out.status !== 0) return { skipped: `gotlog bench failed: ${out.stderr.trim()}` };
    return JSON.parse(out.stdout);
  } catch (error) {
    return { skipped: `Go is not available: ${error.message.split('\n')[0]}` };
  }
}

function appendRun(size, batch) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-bench-'));
  try {
    initWorkbench({ dataDir: dir, origin: 'bench.provwb.local/log' });
    const wb = openWorkbench({ dataDir: dir });
    const localLog = wb.localLog();
    let appendMs = 0;
    for (let done = 0; done < size; done += batch) {
      const entries = entriesFor(done, Math.min(batch, size - done));
      const t = performance.now();
      localLog.append(entries);
      appendMs += performance.now() - t;
    }
    return { dir, wb, entriesPerSec: Math.round(size / (appendMs / 1000)), seconds: +(appendMs / 1000).toFixed(2) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function rebuild(wb) {
  const record = wb.localLog().record();
  const t = performance.now();
  const rebuilt = rebuildTree(wb.store, record.id, record.treeSize, nodeHasher);
  const seconds = (performance.now() - t) / 1000;
  const rootMatches = toHex(rebuilt.rootHash) === toHex(record.rootHash);
  return { leavesPerSec: Math.round(record.treeSize / seconds), seconds: +seconds.toFixed(2), rootMatches };
}

function proofLatency(wb, size, samples = 20_000) {
  const localLog = wb.localLog();
  const inclusion = [];
  const consistency = [];
  for (let i = 0; i < samples; i++) {
    const index = Math.floor(Math.random() * size);
    let t = performance.now();
    localLog.proveInclusion(index, size);
    inclusion.push(performance.now() - t);
    const first = 1 + Math.floor(Math.random() * size);
    t = performance.now();
    localLog.proveConsistency(first, size);
    consistency.push(performance.now() - t);
  }
  inclusion.sort((a, b) => a - b);
  consistency.sort((a, b) => a - b);
  const ms = (x) => +x.toFixed(4);
  return {
    samples,
    inclusionMs: { p50: ms(percentile(inclusion, 50)), p99: ms(percentile(inclusion, 99)) },
    consistencyMs: { p50: ms(percentile(consistency, 50)), p99: ms(percentile(consistency, 99)) },
  };
}

const results = { date: new Date().toISOString(), machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version }, entryBytes: ENTRY_BYTES, runs: [] };
log('reference: node:crypto SHA-256');
results.sha256Reference = sha256Reference();
log('reference: gotlog bench');
results.goReference = goReference();

log('append in batches of 1 000 (200 000 entries)');
{
  const run = appendRun(200_000, 1_000);
  results.append1k = { entries: 200_000, batch: 1_000, entriesPerSec: run.entriesPerSec, seconds: run.seconds, durable: 'WAL, synchronous=FULL' };
  run.wb.close();
  rmSync(run.dir, { recursive: true, force: true });
}

for (const size of sizes) {
  if (elapsedSec() > budgetSec) {
    results.runs.push({ size, skipped: `time budget of ${budgetSec} s used up before this size` });
    continue;
  }
  log(`append ${size} entries in batches of 10 000`);
  const run = appendRun(size, 10_000);
  try {
    run.wb.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = databaseBytes(run.dir);
    // Raw bytes: the entries plus every Merkle hash a full tree has (2n − 1 nodes of 32 bytes).
    const rawBytes = size * ENTRY_BYTES + (2 * size - 1) * 32;
    log(`rebuild ${size}`);
    const rebuildResult = rebuild(run.wb);
    log(`proofs at ${size}`);
    const proofs = proofLatency(run.wb, size);
    results.runs.push({
      size,
      append10k: { batch: 10_000, entriesPerSec: run.entriesPerSec, seconds: run.seconds, durable: 'WAL, synchronous=FULL' },
      rebuild: rebuildResult,
      proofs,
      database: { bytes: dbBytes, rawBytes, ratio: +(dbBytes / rawBytes).toFixed(2) },
    });
  } finally {
    run.wb.close();
    rmSync(run.dir, { recursive: true, force: true });
  }
}

const goLeaves = results.goReference.leavesPerSec;
const oneM = results.runs.find((r) => r.size === 1_000_000 && r.rebuild);
results.ratios = {
  rebuildVsGoTlog: goLeaves && oneM ? +(oneM.rebuild.leavesPerSec / goLeaves).toFixed(2) : null,
  rebuildVsSha256PerLeaf: oneM ? +((oneM.rebuild.leavesPerSec * 2) / results.sha256Reference.hashesPerSec).toFixed(2) : null,
};
results.seconds = +elapsedSec().toFixed(1);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/engine.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
