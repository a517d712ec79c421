#!/usr/bin/env node
// `npm run bench:mirror`: how fast `provwb sync` mirrors a 1 M-record log, verified, beside Go's own
// reference client on the same server in the same run; writes the "mirror" key of
// bench/results/remotes.json (read-modify-write: other benches write other keys).
//   1. Go checksum database: gotlog sumdb-server (loopback) → gotlog verify-tiles (all hash + data
//      tiles) vs provwb sync (type sumdb).
//   2. C2SP tlog-tiles: gotlog c2sp-write + c2sp-serve → gotlog verify-tiles -layout c2sp -entries vs
//      provwb sync (type tiles).
// Target: ≥ 100 000 entries/s verified. Knobs: BENCH_MIRROR_ENTRIES (default 1000000), BENCH_MIRROR_RUNS (3).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initWorkbench, openWorkbench } = await import(path.join(root, 'dist/electron/engine/open-workbench.js'));
const { addRemote } = await import(path.join(root, 'dist/electron/engine/remote/remotes.js'));
const { syncRemote } = await import(path.join(root, 'dist/electron/engine/sync/index.js'));
const { nodeHasher } = await import(path.join(root, 'dist/electron/engine/crypto/index.js'));

const ENTRIES = Number(process.env.BENCH_MIRROR_ENTRIES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_MIRROR_RUNS ?? 3);
const TARGET_PER_SEC = 100_000;
const started = performance.now();
const log = (...args) => console.error(`[mirror-bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s]`, ...args);
const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(digits));
const loadavg = () => os.loadavg().map((x) => round(x));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const gotlog = execFileSync(path.resolve(root, '../shared/tools/gotlog/build.sh'), { encoding: 'utf8' }).trim().split('\n').at(-1);

function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(gotlog, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.on('exit', (code) => reject(new Error(`gotlog ${args[0]} exited ${code}: ${err}`)));
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      err += chunk;
      const url = /^url: (\S+)$/m.exec(err)?.[1];
      if (url) resolve({ url, vkey: /^vkey: (\S+)$/m.exec(err)?.[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

function goVerify(args) {
  const t = performance.now();
  const out = JSON.parse(execFileSync(gotlog, ['verify-tiles', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  if (!out.ok) throw new Error(`gotlog verify-tiles failed: ${out.error}`);
  return { seconds: (performance.now() - t) / 1000, rootHex: out.rootHex, size: out.size };
}

async function provwbSync(type, url, vkey) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-mirror-bench-'));
  try {
    initWorkbench({ dataDir: dir, origin: 'bench.provwb.local/mirror' });
    const wb = openWorkbench({ dataDir: dir });
    try {
      addRemote(wb.store, nodeHasher, { name: 'remote', type, url, key: vkey }, Date.now());
      const t = performance.now();
      const result = await syncRemote(wb, 'remote');
      return { seconds: (performance.now() - t) / 1000, rootHex: result.rootHash, size: result.treeSize };
    } finally {
      wb.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function compare(label, go, ours) {
  const goRuns = [];
  const ourRuns = [];
  for (let run = 0; run < RUNS; run++) {
    goRuns.push(go());
    ourRuns.push(await ours());
    log(`${label} run ${run + 1}: go ${goRuns.at(-1).seconds.toFixed(2)} s, provwb ${ourRuns.at(-1).seconds.toFixed(2)} s`);
    if (ourRuns.at(-1).rootHex !== goRuns.at(-1).rootHex) throw new Error(`${label}: provwb root ${ourRuns.at(-1).rootHex} ≠ Go ${goRuns.at(-1).rootHex}`);
  }
  const goSec = median(goRuns.map((r) => r.seconds));
  const ourSec = median(ourRuns.map((r) => r.seconds));
  return {
    entries: ourRuns[0].size,
    rootHex: ourRuns[0].rootHex,
    provwb: { secondsMedian: round(ourSec, 3), entriesPerSec: Math.round(ourRuns[0].size / ourSec), runs: ourRuns.map((r) => round(r.seconds, 3)) },
    goVerifyTiles: { secondsMedian: round(goSec, 3), entriesPerSec: Math.round(ourRuns[0].size / goSec), runs: goRuns.map((r) => round(r.seconds, 3)) },
    ratioToGo: round(goSec / ourSec, 3),
    meetsTarget: ourRuns[0].size / ourSec >= TARGET_PER_SEC,
    note: 'provwb: sync into a fresh SQLite mirror (WAL, synchronous=FULL), every tile authenticated, every entry hashed; Go: verify-tiles in memory, nothing stored',
  };
}

const result = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadavgAtStart: loadavg() },
  target: `≥ ${TARGET_PER_SEC} entries/s verified`,
};
log(`sumdb-server with ${ENTRIES} records`);
const sumdb = await startServer(['sumdb-server', '-n', String(ENTRIES), '-seed', 'bench', '-name', 'sum.bench.test']);
try {
  result.sumdb = await compare('sumdb', () => goVerify(['-url', sumdb.url, '-vkey', sumdb.vkey]), () => provwbSync('sumdb', sumdb.url, sumdb.vkey));
} finally {
  sumdb.stop();
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-mirror-bench-c2sp-'));
try {
  log(`c2sp-write ${ENTRIES} entries`);
  const written = JSON.parse(execFileSync(gotlog, ['c2sp-write', '-n', String(ENTRIES), '-seed', 'bench', '-name', 'c2sp.bench.test', '-dir', dir], { encoding: 'utf8' }));
  const serve = await startServer(['c2sp-serve', '-dir', dir]);
  try {
    result.c2sp = await compare('c2sp', () => goVerify(['-layout', 'c2sp', '-url', serve.url, '-vkey', written.vkey, '-entries']), () => provwbSync('tiles', serve.url, written.vkey));
  } finally {
    serve.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
result.machine.loadavgAtEnd = loadavg();
result.seconds = round((performance.now() - started) / 1000, 1);
const file = path.join(root, 'bench/results/remotes.json');
mkdirSync(path.dirname(file), { recursive: true });
const merged = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
merged.mirror = result;
writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
