#!/usr/bin/env node
// `npm run bench:entries`: typed-entry figures beside references measured in the same run, written
// to bench/results/entries.json.
//   1. hashedrekord 0.0.1 `addEntry` throughput with full signature verification (sequential,
//      concurrent with group commit, and provwb serve's path: verify workers + group commit), beside
//      node:crypto and @noble/curves ECDSA P-256 verify rates for the same signatures.
//   2. `provwb sign` of a 1 GiB file (wall time, MB/s, peak RSS) beside `sha256sum` of the same file.
//   3. searchEntries p50/p99 at 1 M indexed entries, five query shapes.
// Knobs: BENCH_ADD_ENTRIES (default 20000), BENCH_ADD_BUDGET_SEC (default 60 per add run: the run
// stops early and reports how many it added), BENCH_SIGN_MIB (default 1024), BENCH_SEARCH_ENTRIES
// (default 1000000), BENCH_SEARCH_SAMPLES (default 1000), BENCH_SEARCH_SHAPE_BUDGET_SEC (default 45
// per query shape: fewer samples are timed, and reported as such, when a shape is slow).
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, hash as oneShotHash, randomBytes, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { p256 } from '@noble/curves/nist.js';
import { databaseBytes } from './database-bytes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initWorkbench, openWorkbench } = await import(path.join(root, 'dist/electron/engine/open-workbench.js'));
const { addEntry, createAppendQueue, searchEntries } = await import(path.join(root, 'dist/electron/engine/entries/index.js'));
const { nodeHasher } = await import(path.join(root, 'dist/electron/engine/crypto/index.js'));
const { createServeContext } = await import(path.join(root, 'dist/electron/engine/server/serve-context.js'));

const ADD_ENTRIES = Number(process.env.BENCH_ADD_ENTRIES ?? 20_000);
const ADD_BUDGET_SEC = Number(process.env.BENCH_ADD_BUDGET_SEC ?? 60);
const SIGN_MIB = Number(process.env.BENCH_SIGN_MIB ?? 1024);
const SEARCH_ENTRIES = Number(process.env.BENCH_SEARCH_ENTRIES ?? 1_000_000);
const SEARCH_SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 1000);
const SEARCH_SHAPE_BUDGET_SEC = Number(process.env.BENCH_SEARCH_SHAPE_BUDGET_SEC ?? 45);
const CONCURRENCY = 64;
/** provwb serve's default: one verify worker per core, up to 4. */
const SERVE_VERIFY_WORKERS = Math.min(4, os.availableParallelism());
const TARGETS = { addEntriesPerSec: 3000, signVsSha256sum: 0.8, searchP50Ms: 5 };

const started = performance.now();
const elapsedSec = () => (performance.now() - started) / 1000;
const log = (...args) => console.error(`[entries-bench ${elapsedSec().toFixed(0).padStart(4)}s]`, ...args);
const round = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? null : +x.toFixed(digits));
const loadavg = () => os.loadavg().map((x) => round(x));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function freshWorkbench(label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `provwb-entries-bench-${label}-`));
  initWorkbench({ dataDir: dir, origin: `bench.provwb.local/${label}` });
  return { dir, wb: openWorkbench({ dataDir: dir }) };
}

// ---------------------------------------------------------------------------------------------
// 1. hashedrekord add throughput
// ---------------------------------------------------------------------------------------------

/** Distinct hashedrekord 0.0.1 proposed entries signed by a few P-256 keys with node:crypto. */
function hashedRekordEntries(count, keyCount = 16) {
  const keys = Array.from({ length: keyCount }, () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    // An uncompressed P-256 SPKI ends with the 65-byte point 04‖X‖Y.
    return { publicKey, privateKey, pem, pemB64: Buffer.from(pem).toString('base64'), point: new Uint8Array(spki.subarray(spki.length - 65)) };
  });
  const salt = randomBytes(28);
  const items = [];
  for (let i = 0; i < count; i++) {
    const key = keys[i % keyCount];
    const artifact = Buffer.concat([Buffer.alloc(4), salt]);
    artifact.writeUInt32BE(i, 0);
    const digest = oneShotHash('sha256', artifact, 'buffer');
    const signature = cryptoSign('sha256', artifact, key.privateKey); // DER, over SHA-256(artifact)
    items.push({
      key,
      artifact,
      digest,
      signature,
      proposed: {
        apiVersion: '0.0.1',
        kind: 'hashedrekord',
        spec: {
          data: { hash: { algorithm: 'sha256', value: digest.toString('hex') } },
          signature: { content: signature.toString('base64'), publicKey: { content: key.pemB64 } },
        },
      },
    });
  }
  return { keys, items };
}

function rate(count, ms) {
  return Math.round(count / (ms / 1000));
}

function verifyReferences(items) {
  let t = performance.now();
  let ok = 0;
  for (const it of items) ok += cryptoVerify('sha256', it.artifact, it.key.publicKey, it.signature) ? 1 : 0;
  const nodeMs = performance.now() - t;
  if (ok !== items.length) throw new Error(`reference verify failed for ${items.length - ok} signatures`);

  t = performance.now();
  for (const it of items) cryptoVerify('sha256', it.artifact, createPublicKey(it.key.pem), it.signature);
  const nodeParseMs = performance.now() - t;

  // The library the engine verifies P-256 with (pure JS), on the same DER signatures and digests.
  const nobleItems = items.slice(0, Math.min(items.length, 2000));
  t = performance.now();
  let nobleOk = 0;
  for (const it of nobleItems) nobleOk += p256.verify(it.signature, it.digest, it.key.point, { prehash: false, lowS: false, format: 'der' }) ? 1 : 0;
  const nobleMs = performance.now() - t;
  return {
    nodeCryptoVerifyPerSec: rate(items.length, nodeMs),
    nodeCryptoVerifyWithPemParsePerSec: rate(items.length, nodeParseMs),
    nobleP256VerifyPerSec: rate(nobleItems.length, nobleMs),
    nobleSamples: nobleItems.length,
    nobleAllValid: nobleOk === nobleItems.length,
    signatures: items.length,
  };
}

/** Times kind.accept alone (schema, key parse, signature verification; no database) on a sample. */
async function acceptOnly(items) {
  const { dir, wb } = freshWorkbench('accept');
  try {
    const kind = wb.entryContext().registry.lookup('hashedrekord', '0.0.1');
    const sample = items.slice(0, Math.min(items.length, 2000));
    const integratedTimeSec = Math.floor(Date.now() / 1000);
    const t = performance.now();
    for (const it of sample) await kind.accept(it.proposed, { integratedTimeSec });
    return { samples: sample.length, acceptsPerSec: rate(sample.length, performance.now() - t) };
  } finally {
    wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function addRun(items, mode) {
  const { dir, wb } = freshWorkbench(`add-${mode}`);
  try {
    const ctx = wb.entryContext();
    // Sanity: verification is really on — a tampered signature must be refused and nothing stored.
    const bad = structuredClone(items[0].proposed);
    const sig = Buffer.from(bad.spec.signature.content, 'base64');
    sig[sig.length - 1] ^= 1;
    bad.spec.signature.content = sig.toString('base64');
    let tamperedRejected;
    try {
      await addEntry(ctx, bad);
      tamperedRejected = false;
    } catch (error) {
      tamperedRejected = error?.code ?? error?.name ?? String(error);
    }
    if (wb.localLog().record().treeSize !== 0) throw new Error('a tampered entry was stored');

    const budgetMs = ADD_BUDGET_SEC * 1000;
    let done = 0;
    const t = performance.now();
    if (mode === 'sequential') {
      for (const it of items) {
        await addEntry(ctx, it.proposed);
        done++;
        if ((done & 255) === 0 && performance.now() - t > budgetMs) break;
      }
    } else if (mode === 'serve') {
      // provwb serve's own context: proposals verified on its worker pool, appended by its queue.
      const serve = createServeContext(wb, { maxBodyBytes: 1 << 20, verifyWorkers: SERVE_VERIFY_WORKERS, report: (error) => log('serve reported', error) });
      // The workers are unref'd (serve's HTTP server keeps the process alive); so does this timer.
      const keepAlive = setInterval(() => {}, 1000);
      try {
        for (let i = 0; i < items.length; i += CONCURRENCY) {
          const chunk = items.slice(i, i + CONCURRENCY);
          await Promise.all(chunk.map(async (it) => serve.queue.append(await serve.prepare(it.proposed, JSON.stringify(it.proposed)))));
          done += chunk.length;
          if (performance.now() - t > budgetMs) break;
        }
      } finally {
        clearInterval(keepAlive);
        await serve.close();
      }
    } else {
      // The group commit `provwb serve` uses: concurrent adds share one transaction (one fsync).
      const queue = createAppendQueue({ registry: ctx.registry, clock: ctx.clock, log: ctx.log, hasher: nodeHasher });
      for (let i = 0; i < items.length; i += CONCURRENCY) {
        const chunk = items.slice(i, i + CONCURRENCY);
        await Promise.all(chunk.map((it) => queue.add(it.proposed)));
        done += chunk.length;
        if (performance.now() - t > budgetMs) break;
      }
    }
    const ms = performance.now() - t;
    const treeSize = wb.localLog().record().treeSize;
    if (treeSize !== done) throw new Error(`log holds ${treeSize} entries after ${done} adds`);
    return {
      mode: {
        sequential: 'sequential addEntry (await each)',
        concurrent: `concurrent, group commit (createAppendQueue, verified on the main thread, chunks of ${CONCURRENCY})`,
        serve: `concurrent, provwb serve's context: ${SERVE_VERIFY_WORKERS} verify workers + group commit (chunks of ${CONCURRENCY})`,
      }[mode],
      requested: items.length,
      added: done,
      stoppedByBudget: done < items.length ? `stopped after ${ADD_BUDGET_SEC} s (BENCH_ADD_BUDGET_SEC)` : false,
      seconds: round(ms / 1000),
      entriesPerSec: rate(done, ms),
      durable: mode === 'sequential' ? 'one transaction per entry; WAL, synchronous=FULL' : 'one transaction per group of waiting entries; WAL, synchronous=FULL',
      tamperedSignatureRejected: tamperedRejected,
      loadavgAfter: loadavg(),
    };
  } finally {
    wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchAdd() {
  log(`add: generating ${ADD_ENTRIES} signed hashedrekord entries (node:crypto ECDSA P-256)`);
  let t = performance.now();
  const { items } = hashedRekordEntries(ADD_ENTRIES);
  const generateSeconds = round((performance.now() - t) / 1000);
  log('add: reference verify rates (node:crypto, @noble/curves)');
  const reference = verifyReferences(items);
  log('add: kind.accept alone (no database)');
  const accept = await acceptOnly(items);
  log(`add: sequential addEntry (budget ${ADD_BUDGET_SEC} s)`);
  const sequential = await addRun(items, 'sequential');
  log(`add: sequential ${sequential.entriesPerSec}/s; concurrent addEntry (chunks of ${CONCURRENCY})`);
  const concurrent = await addRun(items, 'concurrent');
  log(`add: concurrent ${concurrent.entriesPerSec}/s; serve's verify pool (${SERVE_VERIFY_WORKERS} workers)`);
  const serve = await addRun(items, 'serve');
  log(`add: serve path ${serve.entriesPerSec}/s`);
  const best = Math.max(sequential.entriesPerSec, concurrent.entriesPerSec, serve.entriesPerSec);
  return {
    kind: 'hashedrekord 0.0.1',
    signer: 'ECDSA P-256 (node:crypto), DER signature over SHA-256 of a 32-byte artefact, 16 keys rotating, PEM SPKI public keys',
    generateSeconds,
    reference,
    acceptOnly: accept,
    sequential,
    concurrent,
    serveVerifyPool: serve,
    note: 'ECDSA over the digest is verified by OpenSSL (native/ecdsa-digest) when built, else by @noble/curves; the concurrent run batches commits as provwb serve does',
    target: { entriesPerSec: TARGETS.addEntriesPerSec, cores: 2 },
    ratios: {
      bestVsTarget: round(best / TARGETS.addEntriesPerSec),
      sequentialVsNodeCryptoVerify: round(sequential.entriesPerSec / reference.nodeCryptoVerifyPerSec),
      sequentialVsNobleVerify: round(sequential.entriesPerSec / reference.nobleP256VerifyPerSec),
      acceptOnlyVsNodeCryptoVerify: round(accept.acceptsPerSec / reference.nodeCryptoVerifyPerSec),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. sign a 1 GiB file
// ---------------------------------------------------------------------------------------------

const hasGnuTime = existsSync('/usr/bin/time');

/**
 * Runs a command, returning its wall time and peak RSS: GNU `time -v` when present; otherwise, for
 * node children only, a preload that records process.resourceUsage().maxRSS at exit.
 */
function timedRun(command, args, env) {
  let argv = [command, ...args];
  let usageFile;
  if (hasGnuTime) {
    argv = ['/usr/bin/time', '-v', ...argv];
  } else if (command === process.execPath) {
    usageFile = path.join(os.tmpdir(), `provwb-bench-rusage-${process.pid}-${Date.now()}`);
    writeFileSync(`${usageFile}.cjs`, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(`${usageFile}.json`)}, JSON.stringify(process.resourceUsage())));\n`);
    argv = [command, '--require', `${usageFile}.cjs`, ...args];
  }
  const t = performance.now();
  const out = spawnSync(argv[0], argv.slice(1), { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallSec = (performance.now() - t) / 1000;
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${out.status}): ${out.stderr.trim().split('\n').slice(-8).join(' | ')}`);
  let peakRssBytes = null;
  if (hasGnuTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr);
    if (m) peakRssBytes = Number(m[1]) * 1024;
  } else if (usageFile) {
    peakRssBytes = JSON.parse(readFileSync(`${usageFile}.json`, 'utf8')).maxRSS * 1024;
    rmSync(`${usageFile}.json`, { force: true });
    rmSync(`${usageFile}.cjs`, { force: true });
  }
  return { wallSec, peakRssBytes, stdout: out.stdout };
}

async function benchSign() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'provwb-entries-bench-sign-'));
  const file = path.join(dir, 'artifact.bin');
  const small = path.join(dir, 'small.bin');
  const bytes = SIGN_MIB * 1024 * 1024;
  const MiB = 1024 * 1024;
  const mbps = (sec) => round(bytes / 1e6 / sec, 1);
  try {
    log(`sign: writing a ${SIGN_MIB} MiB file in ${dir}`);
    const chunk = randomBytes(16 * MiB);
    const fd = openSync(file, 'w');
    try {
      for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
    } finally {
      closeSync(fd);
    }
    writeFileSync(small, 'x');

    const dataDir = path.join(dir, 'workbench');
    mkdirSync(dataDir);
    const env = { ...process.env, PROVWB_PASSPHRASE: 'entries-bench-passphrase' };
    const cli = path.join(root, 'bin/provwb.js');
    const provwb = (...args) => timedRun(process.execPath, [cli, '--data-dir', dataDir, ...args], env);
    provwb('init', '--origin', 'bench.provwb.local/sign');
    provwb('keys', 'generate', '--type', 'ecdsa-p256', '--name', 'K');

    log('sign: reference sha256sum ×2 (the file is in the page cache for every run)');
    const sha = [timedRun('sha256sum', [file], process.env), timedRun('sha256sum', [file], process.env)];
    const expectedDigest = sha[0].stdout.split(/\s+/)[0];

    log('sign: provwb sign of a 1-byte file (fixed cost: node start-up, key unsealing, addEntry, bundle)');
    const smallRun = provwb('sign', small, '--key', 'K', '--kind', 'hashedrekord', '--bundle', path.join(dir, 'small.sigstore.json'));

    log(`sign: provwb sign of the ${SIGN_MIB} MiB file`);
    const bundlePath = path.join(dir, 'artifact.sigstore.json');
    const run = provwb('sign', file, '--key', 'K', '--kind', 'hashedrekord', '--bundle', bundlePath);
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    const bundleDigest = Buffer.from(bundle?.messageSignature?.messageDigest?.digest ?? '', 'base64').toString('hex');
    log('sign: sha256sum once more after signing');
    sha.push(timedRun('sha256sum', [file], process.env));
    const shaBest = sha.reduce((a, b) => (a.wallSec <= b.wallSec ? a : b));
    const shaMedian = [...sha].sort((a, b) => a.wallSec - b.wallSec)[1];
    return {
      fileBytes: bytes,
      command: `node bin/provwb.js --data-dir DIR sign FILE --key K --kind hashedrekord --bundle OUT (PROVWB_PASSPHRASE)`,
      peakRssMeasuredWith: hasGnuTime ? '/usr/bin/time -v (Maximum resident set size)' : 'wrapper process.resourceUsage().maxRSS',
      sha256sum: {
        runs: sha.map((r) => ({ wallSec: round(r.wallSec, 3), mbPerSec: mbps(r.wallSec), peakRssBytes: r.peakRssBytes })),
        bestWallSec: round(shaBest.wallSec, 3),
        bestMbPerSec: mbps(shaBest.wallSec),
        medianWallSec: round(shaMedian.wallSec, 3),
      },
      sign: {
        wallSec: round(run.wallSec, 3),
        mbPerSec: mbps(run.wallSec),
        peakRssBytes: run.peakRssBytes,
        peakRssMiB: run.peakRssBytes === null ? null : round(run.peakRssBytes / MiB, 1),
        bundleDigestMatchesSha256sum: bundleDigest === expectedDigest,
      },
      signOneByteFile: { wallSec: round(smallRun.wallSec, 3), peakRssBytes: smallRun.peakRssBytes, peakRssMiB: smallRun.peakRssBytes === null ? null : round(smallRun.peakRssBytes / MiB, 1) },
      memoryBounded: run.peakRssBytes === null ? null : run.peakRssBytes < bytes / 4,
      note:
        run.peakRssBytes === null
          ? 'peak RSS not measured (no GNU time)'
          : run.peakRssBytes > bytes / 2
            ? 'peak RSS exceeds half the file size: the CLI holds the file in memory'
            : `peak RSS stays far below the file size (${round(run.peakRssBytes / MiB, 1)} MiB for ${SIGN_MIB} MiB; ${round((run.peakRssBytes - (smallRun.peakRssBytes ?? 0)) / MiB, 1)} MiB above signing a 1-byte file): the file is streamed`,
      target: { ratioVsSha256sum: TARGETS.signVsSha256sum },
      // Speed ratio = reference time / sign time; against the fastest and the median of three sha256sum runs.
      ratios: { signSpeedVsSha256sum: round(shaBest.wallSec / run.wallSec), signSpeedVsSha256sumMedian: round(shaMedian.wallSec / run.wallSec) },
      loadavgAfter: loadavg(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. search at 1 M indexed entries
// ---------------------------------------------------------------------------------------------

const sha256Of = (i) => oneShotHash('sha256', `entries-bench-artifact-${i}`, 'hex');
const emailOf = (i) => `user${i % 50_000}@example${i % 100}.com`;

async function benchSearch() {
  const { dir, wb } = freshWorkbench('search');
  try {
    const localLog = wb.localLog();
    const fingerprints = Array.from({ length: 1000 }, () => randomBytes(32).toString('hex'));
    const fingerprintOf = (i) => fingerprints[i % 1000];
    const batch = 10_000;
    const baseTime = Math.floor(Date.now() / 1000) - SEARCH_ENTRIES;
    log(`search: appending ${SEARCH_ENTRIES} typed entries (3 index keys each) in batches of ${batch}`);
    let appendMs = 0;
    for (let done = 0; done < SEARCH_ENTRIES; done += batch) {
      const n = Math.min(batch, SEARCH_ENTRIES - done);
      const entries = new Array(n);
      for (let j = 0; j < n; j++) {
        const i = done + j;
        const hex = sha256Of(i);
        entries[j] = {
          body: Buffer.from(JSON.stringify({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: { data: { hash: { algorithm: 'sha256', value: hex } } } })),
          kind: 'hashedrekord',
          apiVersion: '0.0.1',
          integratedTime: baseTime + i,
          indexKeys: [
            { type: 'sha256', value: hex },
            { type: 'key_fingerprint', value: fingerprintOf(i) },
            { type: 'email', value: emailOf(i) },
          ],
        };
      }
      const t = performance.now();
      localLog.append(entries, {});
      appendMs += performance.now() - t;
      if ((done / batch) % 20 === 19) log(`search: ${done + n} appended`);
    }
    wb.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = databaseBytes(dir);
    const leafHashOf = (logId, indexes) => wb.leafHashes(logId, indexes);
    const randomIndex = () => Math.floor(Math.random() * SEARCH_ENTRIES);
    const shapes = {
      sha256Exact: { describe: 'sha256 exact (1 match)', query: () => ({ sha256: sha256Of(randomIndex()) }) },
      keyFingerprint: { describe: 'key fingerprint (1 of 1000), default limit 1000', query: () => ({ keyFingerprint: fingerprintOf(randomIndex()) }) },
      emailExact: { describe: 'email exact (1 of 50 000)', query: () => ({ email: emailOf(randomIndex()) }) },
      emailPrefixWildcard: {
        describe: 'email wildcard prefix user10* … user99* (random two-digit prefix, e.g. user12*: 1 111 emails), default limit 1000',
        query: () => ({ email: `user${10 + Math.floor(Math.random() * 90)}*` }),
      },
      // The shape above mixes two populations (p50 lands in the sparse one); each is also timed alone.
      emailPrefixWildcardDense: { describe: 'email wildcard prefix user10* … user49* (1 111 emails, 22 220 entries), default limit 1000', query: () => ({ email: `user${10 + Math.floor(Math.random() * 40)}*` }) },
      emailPrefixWildcardSparse: { describe: 'email wildcard prefix user50* … user99* (111 emails, 2 220 entries), default limit 1000', query: () => ({ email: `user${50 + Math.floor(Math.random() * 50)}*` }) },
      fingerprintAndEmail: { describe: 'AND of the key fingerprint and the email of one random entry', query: () => { const i = randomIndex(); return { keyFingerprint: fingerprintOf(i), email: emailOf(i) }; } },
    };
    const results = {};
    for (const [name, shape] of Object.entries(shapes)) {
      log(`search: ${SEARCH_SAMPLES} × ${name}`);
      for (let w = 0; w < 20; w++) searchEntries(wb.store, leafHashOf, shape.query()); // warm-up, not timed
      const times = [];
      let matches = 0;
      let empty = 0;
      const shapeStart = performance.now();
      for (let s = 0; s < SEARCH_SAMPLES; s++) {
        if (s > 0 && performance.now() - shapeStart > SEARCH_SHAPE_BUDGET_SEC * 1000) break;
        const q = shape.query();
        const t = performance.now();
        const r = searchEntries(wb.store, leafHashOf, q);
        times.push(performance.now() - t);
        matches += r.uuids.length;
        if (r.uuids.length === 0) empty++;
      }
      times.sort((a, b) => a - b);
      results[name] = {
        describe: shape.describe,
        samples: times.length,
        ...(times.length < SEARCH_SAMPLES ? { stoppedByBudget: `${times.length} of ${SEARCH_SAMPLES} samples timed within ${SEARCH_SHAPE_BUDGET_SEC} s (BENCH_SEARCH_SHAPE_BUDGET_SEC)` } : {}),
        p50Ms: round(percentile(times, 50), 3),
        p99Ms: round(percentile(times, 99), 3),
        maxMs: round(times[times.length - 1], 3),
        meanMatches: round(matches / times.length, 1),
        emptyResults: empty,
        p50VsTarget: round(percentile(times, 50) / TARGETS.searchP50Ms),
      };
    }
    return {
      entries: SEARCH_ENTRIES,
      indexKeysPerEntry: 3,
      distinctFingerprints: 1000,
      distinctEmails: 50_000,
      inserted: 'LocalLog.append in batches of 10 000 (typed entries with index keys, no signature verification)',
      append: { seconds: round(appendMs / 1000), entriesPerSec: rate(SEARCH_ENTRIES, appendMs) },
      database: { bytes: dbBytes, mib: round(dbBytes / 1024 / 1024, 1) },
      timing: 'searchEntries(store, leafHashOf, query) wall time, including the uuid (leaf hash) of each match; 20 untimed warm-up queries per shape',
      target: { p50Ms: TARGETS.searchP50Ms },
      shapes: results,
      loadavgAfter: loadavg(),
    };
  } finally {
    wb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function gitHead() {
  const out = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : null;
}

const results = {
  date: new Date().toISOString(),
  gitHead: gitHead(),
  built: 'dist/ as built before the run (the working tree may hold uncommitted changes)',
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemBytes: os.totalmem(), loadavgAtStart: loadavg() },
  targets: {
    addEntriesPerSec: `≥ ${TARGETS.addEntriesPerSec} hashedrekord entries/s with full verification on 2 cores`,
    sign1GiB: `≥ ${TARGETS.signVsSha256sum} × sha256sum speed`,
    searchAt1M: `p50 < ${TARGETS.searchP50Ms} ms`,
  },
};
const errors = {};
for (const [name, run] of [['add', benchAdd], ['sign', benchSign], ['search', benchSearch]]) {
  try {
    results[name] = await run();
  } catch (error) {
    // Reported in the JSON, never skipped silently.
    log(`${name} FAILED: ${error.stack ?? error}`);
    results[name] = { failed: String(error.message ?? error) };
    errors[name] = true;
  }
}
results.summary = {
  addBestEntriesPerSec: results.add?.sequential ? Math.max(results.add.sequential.entriesPerSec, results.add.concurrent.entriesPerSec, results.add.serveVerifyPool.entriesPerSec) : null,
  addEntriesPerSec: results.add?.sequential ? { sequential: results.add.sequential.entriesPerSec, concurrent: results.add.concurrent.entriesPerSec, serveVerifyPool: results.add.serveVerifyPool.entriesPerSec } : null,
  addMeetsTarget: results.add?.ratios ? results.add.ratios.bestVsTarget >= 1 : null,
  signRatioVsSha256sum: results.sign?.ratios?.signSpeedVsSha256sum ?? null,
  signMeetsTarget: results.sign?.ratios ? results.sign.ratios.signSpeedVsSha256sum >= TARGETS.signVsSha256sum : null,
  signPeakRssMiB: results.sign?.sign?.peakRssMiB ?? null,
  searchP50Ms: results.search?.shapes ? Object.fromEntries(Object.entries(results.search.shapes).map(([k, v]) => [k, v.p50Ms])) : null,
  searchMeetsTarget: results.search?.shapes ? Object.fromEntries(Object.entries(results.search.shapes).map(([k, v]) => [k, v.p50Ms < TARGETS.searchP50Ms])) : null,
};
results.machine.loadavgAtEnd = loadavg();
results.seconds = round(elapsedSec(), 1);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/entries.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
if (Object.keys(errors).length > 0) process.exitCode = 1;
