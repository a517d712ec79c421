#!/usr/bin/env node
// `npm run bench:serve`: `provwb serve` under load with keep-alive, merged under the key "serve" of
// bench/results/remotes.json (read-modify-write: other benches write other keys).
//   1. POST /api/v1/log/entries, hashedrekord 0.0.1, N clients in flight over kept-alive connections;
//      ECDSA P-256 (what sigstore clients send; verified with @noble/curves over the digest) and RSA-2048
//      (verified by node:crypto), each beside the verify rate of the same signatures measured here.
//   2. GET /api/v1/log/entries?logIndex=I (LogEntry with inclusion proof, checkpoint and SET) at random
//      indexes of a log of BENCH_SERVE_LOG_ENTRIES typed entries.
// The server is the built CLI (`node bin/provwb.js serve`), a separate process. The load generators
// run on the same 2 cores, so the figures include their cost: autocannon (the usual Node HTTP
// benchmarking tool, in this process) for POSTs and GETs, and for GETs also wrk (C, one thread, a Lua
// script for the random index; Debian package `wrk`), which costs the machine less than half of
// autocannon's CPU per request and so measures the server more nearly. Each run also reports the CPU
// the server and the load generator spent per request (server from /proc/PID/stat), the measure
// that load on the shared machine disturbs least.
// Knobs: BENCH_SERVE_POSTS (default 10000 per key type), BENCH_SERVE_POST_BUDGET_SEC (default 30),
// BENCH_SERVE_CLIENTS (default 64), BENCH_SERVE_LOG_ENTRIES (default 100000), BENCH_SERVE_GET_SEC (default 15). BENCH_SERVE_VERIFY_WORKERS (serve --verify-workers; default: the server's own).
// BENCH_SERVE_RUNS: which runs, comma-separated (default postEcdsaP256,postRsa2048,getInclusionProofs); runs left out keep
// their figures from the last full run (each run's object has its own date and load average).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { p256 } from '@noble/curves/nist.js';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initWorkbench, openWorkbench } = await import(path.join(root, 'dist/electron/engine/open-workbench.js'));
const { canonicalJsonBytes } = await import(path.join(root, 'dist/shared/canonical/index.js'));

const POSTS = Number(process.env.BENCH_SERVE_POSTS ?? 10000);
const POST_BUDGET_SEC = Number(process.env.BENCH_SERVE_POST_BUDGET_SEC ?? 30);
const CLIENTS = Number(process.env.BENCH_SERVE_CLIENTS ?? 64);
const LOG_ENTRIES = Number(process.env.BENCH_SERVE_LOG_ENTRIES ?? 100_000);
const GET_SEC = Number(process.env.BENCH_SERVE_GET_SEC ?? 15);
const TARGETS = { postEntriesPerSec: 2000, getProofsPerSec: 10_000 };
const RUNS = (process.env.BENCH_SERVE_RUNS ?? 'postEcdsaP256,postRsa2048,getInclusionProofs').split(',');

const started = performance.now();
const elapsedSec = () => (performance.now() - started) / 1000;
const log = (...args) => console.error(`[serve-bench ${elapsedSec().toFixed(0).padStart(4)}s]`, ...args);
const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(digits));
const loadavg = () => os.loadavg().map((x) => round(x));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function freshWorkbench(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `provwb-serve-bench-${label}-`));
  initWorkbench({ dataDir: dir, origin: `bench.provwb.local/serve-${label}` });
  return dir;
}

/** Spawns `provwb serve` on a free port; resolves with its URL and a stop() that returns its result line. */
function startServe(dir) {
  const child = spawn(process.execPath, [path.join(root, 'bin/provwb.js'), '--data-dir', dir, 'serve', '--addr', '127.0.0.1:0', '--json', ...(process.env.BENCH_SERVE_VERIFY_WORKERS ? ['--verify-workers', process.env.BENCH_SERVE_VERIFY_WORKERS] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (!out.includes('\n')) return;
      clearInterval(timer);
      const { url } = JSON.parse(out.split('\n')[0]);
      resolve({
        url,
        pid: child.pid,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
          return JSON.parse(out.slice(out.indexOf('\n') + 1));
        },
      });
    }, 20);
    exited.then((code) => reject(new Error(`provwb serve exited ${code} before printing its URL`)));
  });
}

/** Returns the CPU seconds (user + system) a process has used, from /proc (Linux). */
function processCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Drives `clients` keep-alive connections with autocannon: `next()` gives each request's method,
 * path and body; stops after `amount` requests or `seconds`. Returns rate, latency, statuses and
 * the CPU per request of the server (`serverPid`) and of this process (the load generator).
 */
async function drive({ url, serverPid, clients, amount, seconds, next }) {
  const statuses = {};
  const serverCpu0 = processCpuSeconds(serverPid);
  const ownCpu0 = process.cpuUsage();
  const instance = autocannon({
    url,
    connections: clients,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  let lastResponseAt = performance.now();
  instance.on('response', (_client, status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    lastResponseAt = performance.now();
  });
  // A budget for fixed amounts too: a server that slows down must not hold the bench forever.
  const budget = amount ? setTimeout(() => instance.stop(), seconds * 1000) : undefined;
  const started = performance.now();
  const result = await instance;
  // autocannon notices the end on its 1 s sampler tick: the run lasts until the last response.
  const wallSeconds = (lastResponseAt - started) / 1000;
  clearTimeout(budget);
  const ownCpu = process.cpuUsage(ownCpu0);
  const done = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    done,
    seconds: round(wallSeconds, 2),
    perSec: Math.round(done / wallSeconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMicrosPerRequest: Math.round(((processCpuSeconds(serverPid) - serverCpu0) * 1e6) / Math.max(1, done)),
    loadGeneratorCpuMicrosPerRequest: Math.round((ownCpu.user + ownCpu.system) / Math.max(1, done)),
  };
}

/** wrk's Lua script: GET a random logIndex of a log of `entries` entries. */
function wrkScript(entries) {
  return `math.randomseed(os.time())\nrequest = function()\n  return wrk.format("GET", "/api/v1/log/entries?logIndex=" .. math.random(0, ${entries - 1}))\nend\n`;
}

/** Returns whether wrk is installed. */
function hasWrk() {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

/**
 * Drives `clients` keep-alive connections with wrk (one thread) for `seconds`, each request a GET
 * of a random entry. Returns rate, latency, non-2xx count and the CPU per request of the server and
 * of wrk (bash's `times` after wrk exits gives its children's user and system time).
 */
function driveWrk({ url, serverPid, clients, seconds, entries, dir }) {
  const script = path.join(dir, 'random-entry.lua');
  writeFileSync(script, wrkScript(entries));
  const serverCpu0 = processCpuSeconds(serverPid);
  const out = spawnSync('bash', ['-c', 'wrk "$@" && times', 'wrk', '-t1', `-c${clients}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr || out.stdout}`);
  const serverCpu = processCpuSeconds(serverPid) - serverCpu0;
  const text = out.stdout;
  const done = Number(/(\d+) requests in ([\d.]+)s/.exec(text)?.[1]);
  const wallSeconds = Number(/(\d+) requests in ([\d.]+)s/.exec(text)?.[2]);
  const ms = (label) => {
    const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)\\b`).exec(text);
    return m ? round(Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]], 2) : null;
  };
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
  const childTimes = text.trim().split('\n').at(-1).match(/(\d+)m([\d.]+)s/g).map((t) => { const [, m, sec] = /(\d+)m([\d.]+)s/.exec(t); return Number(m) * 60 + Number(sec); });
  const nonSuccess = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socketErrors = /Socket errors: (.*)/.exec(text)?.[1] ?? null;
  return {
    loadGenerator: 'wrk -t1 (C), Lua script for the random index',
    done,
    seconds: wallSeconds,
    perSec: Math.round(done / wallSeconds),
    p50Ms: ms(50),
    p99Ms: ms(99),
    non2xx: nonSuccess,
    socketErrors,
    serverCpuMicrosPerRequest: Math.round((serverCpu * 1e6) / Math.max(1, done)),
    loadGeneratorCpuMicrosPerRequest: Math.round(((childTimes[0] + childTimes[1]) * 1e6) / Math.max(1, done)),
  };
}

/** Distinct hashedrekord 0.0.1 proposals for 32-byte artefacts, signed by a few keys of `type`. */
function proposals(count, type) {
  const keys = Array.from({ length: 8 }, () => (type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' })));
  const pems = keys.map((k) => Buffer.from(k.publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'));
  const salt = createHash('sha256').update(`${type} ${Date.now()} ${Math.random()}`).digest();
  const items = [];
  for (let i = 0; i < count; i++) {
    const artifact = Buffer.concat([Buffer.alloc(4), salt.subarray(4)]);
    artifact.writeUInt32BE(i, 0);
    const k = i % keys.length;
    const signature = cryptoSign('sha256', artifact, keys[k].privateKey);
    items.push({
      artifact,
      signature,
      publicKey: keys[k].publicKey,
      json: Buffer.from(JSON.stringify({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(artifact).digest('hex') } }, signature: { content: signature.toString('base64'), publicKey: { content: pems[k] } } } })),
    });
  }
  return items;
}

/** The verify rate of the same signatures outside the server (the ceiling a single core sets). */
function verifyReference(items, type) {
  const sample = items.slice(0, Math.min(items.length, type === 'rsa' ? 4000 : 600));
  const t0 = performance.now();
  let ok = 0;
  for (const it of sample) {
    if (type === 'rsa') ok += cryptoVerify('sha256', it.artifact, it.publicKey, it.signature) ? 1 : 0;
    else {
      const spki = it.publicKey.export({ type: 'spki', format: 'der' });
      ok += p256.verify(it.signature, createHash('sha256').update(it.artifact).digest(), spki.subarray(spki.length - 65), { prehash: false, format: 'der', lowS: false }) ? 1 : 0;
    }
  }
  return { library: type === 'rsa' ? 'node:crypto verify (RSA PKCS#1 v1.5)' : '@noble/curves p256.verify over the digest', perSec: Math.round(sample.length / ((performance.now() - t0) / 1000)), samples: sample.length, allValid: ok === sample.length };
}

/** Untimed POSTs before each timed run: a server in service has its workers started and its code compiled. */
const POST_WARMUP = 500;

async function benchPost(type) {
  log(`POST ${type}: signing ${POSTS} proposals (+ ${POST_WARMUP} to warm up)`);
  const all = proposals(POSTS + POST_WARMUP, type);
  const [warmup, items] = [all.slice(0, POST_WARMUP), all.slice(POST_WARMUP)];
  const reference = verifyReference(items, type);
  const dir = freshWorkbench(`post-${type}`);
  const serve = await startServe(dir);
  try {
    const postOf = (list) => {
      let next = 0;
      // Each proposal once; past the end (requests in flight when the amount is reached) repeats are 409s.
      return () => ({ method: 'POST', path: '/api/v1/log/entries', headers: { 'content-type': 'application/json' }, body: list[next++ % list.length].json });
    };
    await drive({ url: serve.url, serverPid: serve.pid, clients: CLIENTS, amount: warmup.length, seconds: POST_BUDGET_SEC, next: postOf(warmup) });
    const run = await drive({
      url: serve.url,
      serverPid: serve.pid,
      clients: CLIENTS,
      amount: items.length,
      seconds: POST_BUDGET_SEC,
      next: postOf(items),
    });
    const stopped = await serve.stop();
    log(`POST ${type}: ${run.perSec}/s (${run.done} in ${run.seconds} s), ${stopped.batches} transactions, server ${run.serverCpuMicrosPerRequest} µs CPU per request`);
    return {
      kind: 'hashedrekord 0.0.1',
      signer: type === 'rsa' ? 'RSA-2048 PKCS#1 v1.5 over SHA-256' : 'ECDSA P-256 over SHA-256 (DER)',
      clients: CLIENTS,
      requested: items.length,
      ...run,
      stoppedByBudget: run.done < items.length ? `stopped after ${POST_BUDGET_SEC} s` : null,
      warmupRequests: warmup.length,
      transactionsWithWarmup: stopped.batches,
      entriesPerTransactionWithWarmup: round(stopped.entries / Math.max(1, stopped.batches), 1),
      referenceVerify: reference,
      loadavgAfter: loadavg(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A log of `count` typed hashedrekord entries with real signatures, appended directly (the read bench needs no verification). */
function buildReadLog(count) {
  const dir = freshWorkbench('get');
  const wb = openWorkbench({ dataDir: dir });
  try {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');
    const now = Math.floor(Date.now() / 1000);
    for (let start = 0; start < count; start += 10_000) {
      const batch = [];
      for (let i = start; i < Math.min(count, start + 10_000); i++) {
        const artifact = Buffer.from(`read bench artefact ${i}`);
        const value = { apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: createHash('sha256').update(artifact).digest('hex') } }, signature: { content: cryptoSign('sha256', artifact, privateKey).toString('base64'), publicKey: { content: pem } } } };
        batch.push({ body: canonicalJsonBytes(value), kind: 'hashedrekord', apiVersion: '0.0.1', integratedTime: now });
      }
      wb.localLog().append(batch);
    }
  } finally {
    wb.close();
  }
  return dir;
}

async function benchGet() {
  log(`GET: building a log of ${LOG_ENTRIES} typed entries`);
  const t0 = performance.now();
  const dir = buildReadLog(LOG_ENTRIES);
  const buildSeconds = round((performance.now() - t0) / 1000, 1);
  const serve = await startServe(dir);
  try {
    const check = await fetch(`${serve.url}/api/v1/log/entries?logIndex=${LOG_ENTRIES - 1}`);
    const sample = await check.json();
    const proofLength = Object.values(sample)[0].verification.inclusionProof.hashes.length;
    const randomEntry = () => ({ method: 'GET', path: `/api/v1/log/entries?logIndex=${Math.floor(Math.random() * LOG_ENTRIES)}` });
    // Warm-up, then a timed run at random indexes with each load generator.
    await drive({ url: serve.url, serverPid: serve.pid, clients: CLIENTS, seconds: 5, next: randomEntry });
    const ac = await drive({ url: serve.url, serverPid: serve.pid, clients: CLIENTS, seconds: GET_SEC, next: randomEntry });
    const autocannonRun = { loadGenerator: 'autocannon (Node, in the bench process)', ...ac, non200: ac.done - (ac.statuses[200] ?? 0) };
    log(`GET (autocannon): ${ac.perSec}/s, p50 ${ac.p50Ms} ms, p99 ${ac.p99Ms} ms, server ${ac.serverCpuMicrosPerRequest} µs, autocannon ${ac.loadGeneratorCpuMicrosPerRequest} µs CPU per request`);
    const wrkRun = hasWrk() ? driveWrk({ url: serve.url, serverPid: serve.pid, clients: CLIENTS, seconds: GET_SEC, entries: LOG_ENTRIES, dir }) : null;
    if (wrkRun) log(`GET (wrk): ${wrkRun.perSec}/s, p50 ${wrkRun.p50Ms} ms, p99 ${wrkRun.p99Ms} ms, server ${wrkRun.serverCpuMicrosPerRequest} µs, wrk ${wrkRun.loadGeneratorCpuMicrosPerRequest} µs CPU per request`);
    else log('GET (wrk): wrk is not installed (apt-get install wrk); only autocannon measured');
    await serve.stop();
    // The figure against the target: wrk's where installed (the lighter load generator leaves the server more of the 2 cores).
    const primary = wrkRun ?? autocannonRun;
    return {
      endpoint: 'GET /api/v1/log/entries?logIndex=I (LogEntry + inclusion proof + checkpoint + SET)',
      logEntries: LOG_ENTRIES,
      buildSeconds,
      proofHashes: proofLength,
      clients: CLIENTS,
      perSec: primary.perSec,
      measuredWith: primary.loadGenerator,
      wrk: wrkRun ?? { skipped: 'wrk is not installed (apt-get install wrk)' },
      autocannon: autocannonRun,
      loadavgAfter: loadavg(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function gitHead() {
  const out = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

const result = {
  date: new Date().toISOString(),
  gitHead: gitHead(),
  built: 'dist/ as built before the run (the working tree may hold uncommitted changes)',
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemBytes: os.totalmem(), loadavgAtStart: loadavg() },
  setup: 'server = built CLI in its own process; load generators on the same 2 cores, keep-alive connections: autocannon in the bench process (POST, GET) and wrk -t1 (GET)',
  targets: { postEntriesPerSec: `≥ ${TARGETS.postEntriesPerSec} hashedrekord entries/s`, getProofsPerSec: `≥ ${TARGETS.getProofsPerSec} inclusion proofs/s` },
};
let failed = false;
for (const [name, run] of [['postEcdsaP256', () => benchPost('ecdsa')], ['postRsa2048', () => benchPost('rsa')], ['getInclusionProofs', benchGet]]) {
  if (!RUNS.includes(name)) continue;
  try {
    result[name] = { measuredAt: new Date().toISOString(), gitHead: result.gitHead, loadavgBefore: loadavg(), ...(await run()) };
  } catch (error) {
    log(`${name} FAILED: ${error.stack ?? error}`);
    result[name] = { failed: String(error.message ?? error) };
    failed = true;
  }
}
result.machine.loadavgAtEnd = loadavg();
result.seconds = round(elapsedSec(), 1);
const file = path.join(root, 'bench/results/remotes.json');
mkdirSync(path.dirname(file), { recursive: true });
// Other benches write other keys of this file: read it just before writing, change only "serve".
const merged = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
const serveResult = { ...(merged.serve ?? {}), ...result };
serveResult.summary = {
  postEcdsaEntriesPerSec: serveResult.postEcdsaP256?.perSec ?? null,
  postRsaEntriesPerSec: serveResult.postRsa2048?.perSec ?? null,
  postMeetsTarget: { ecdsaP256: (serveResult.postEcdsaP256?.perSec ?? 0) >= TARGETS.postEntriesPerSec, rsa2048: (serveResult.postRsa2048?.perSec ?? 0) >= TARGETS.postEntriesPerSec },
  getProofsPerSec: serveResult.getInclusionProofs?.perSec ?? null,
  getProofsMeasuredWith: serveResult.getInclusionProofs?.measuredWith ?? null,
  getProofsPerSecAutocannon: serveResult.getInclusionProofs?.autocannon?.perSec ?? null,
  getMeetsTarget: (serveResult.getInclusionProofs?.perSec ?? 0) >= TARGETS.getProofsPerSec,
};
merged.serve = serveResult;
writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
console.log(JSON.stringify(serveResult, null, 2));
if (failed) process.exitCode = 1;
