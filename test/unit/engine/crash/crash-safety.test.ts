/**
 * Crash safety of LocalLog.append: a child process (append-child.mjs, on the built engine) appends
 * batches of 1..5000 entries in a loop, acknowledging each committed append on stdout, and is
 * SIGKILLed at a random moment. Reopened, the workbench must hold every acknowledged append, and
 * its tree head, tiles, entries and latest checkpoint must agree; appending must carry on.
 *
 * Random choices come from one seed per run of this file, printed in every failure message;
 * set CRASH_SEED=<n> to replay a run.
 */
import { spawn } from 'node:child_process';
import { hash, randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, toHex } from '../../../../shared/encoding/index.js';
import { verifyConsistency } from '../../../../shared/merkle/index.js';
import { openCheckpoint, parseVerifierKey } from '../../../../shared/note/index.js';
import { tempDir } from '../../../helpers/temp-dir.js';
import { loadBuiltEngine, type BuiltEngine } from '../../../helpers/cli.js';
import { referenceHasher } from '../../../helpers/hashers.js';
import { seededRandom } from '../../../helpers/seeded-random.js';

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'append-child.mjs');

/** The child appends with the built engine (dist/); the parent opens the workbench with the same build. */
let engine: BuiltEngine;
beforeAll(async () => {
  engine = await loadBuiltEngine();
});

const SEED = Number(process.env['CRASH_SEED'] ?? randomInt(1, 2 ** 31));
/** Runs (fresh workbenches) × crashes per workbench: 5 × 2 = 10 SIGKILLs, the second on a recovered log. */
const RUNS = 5;
const CRASHES_PER_RUN = 2;

/** Entry i's body; must equal crashEntryBody in append-child.mjs. */
function crashEntryBody(i: number): Uint8Array {
  return new TextEncoder().encode(`crash entry ${i} ${'.'.repeat(i % 37)}`);
}

/**
 * Returns the RFC 6962 root of `bodies`, computed here from the definition with node:crypto
 * one-shot hashes over flat buffers: independent of shared/merkle, and fast enough for the
 * several hundred thousand entries a run appends.
 */
function independentRoot(bodies: readonly Uint8Array[]): string {
  if (bodies.length === 0) return hash('sha256', '', 'hex');
  const scratch = Buffer.alloc(1 + 0xffff);
  let level = Buffer.alloc(bodies.length * 32);
  bodies.forEach((body, i) => {
    scratch[0] = 0x00;
    scratch.set(body, 1);
    hash('sha256', scratch.subarray(0, 1 + body.length), 'buffer').copy(level, i * 32);
  });
  // Pair left to right; an odd last node moves up unchanged (RFC 6962's split at the largest power of two).
  const pair = Buffer.alloc(65);
  pair[0] = 0x01;
  for (let count = bodies.length; count > 1; count = Math.ceil(count / 2)) {
    const next = Buffer.alloc(Math.ceil(count / 2) * 32);
    for (let i = 0; i + 1 < count; i += 2) {
      level.copy(pair, 1, i * 32, i * 32 + 64);
      hash('sha256', pair, 'buffer').copy(next, (i / 2) * 32);
    }
    if (count % 2 === 1) level.copy(next, ((count - 1) / 2) * 32, (count - 1) * 32, count * 32);
    level = next;
  }
  return level.subarray(0, 32).toString('hex');
}

interface Ack {
  readonly size: number;
  readonly rootHex: string;
}

interface ChildRun {
  readonly acks: readonly Ack[];
  readonly readySize: number;
  readonly signal: NodeJS.Signals | null;
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Spawns the appender, SIGKILLs it `delayMs` after it has opened the workbench, and collects its acks. */
function runAndKill(dataDir: string, childSeed: number, delayMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, String(childSeed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let readySize = -1;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // A child that never gets ready (for example a missing build) must not hang the test.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, a, b] = line.split(' ');
        if (word === 'ready') {
          readySize = Number(a);
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (word === 'ack') {
          acks.push({ size: Number(a), rootHex: b! });
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      // A line cut by the kill is not an ack: only complete lines count.
      resolve({ acks, readySize, signal, exitCode, stderr });
    });
  });
}

/** Checks the reopened workbench after a crash; returns its tree size. */
function checkAfterCrash(dataDir: string, vkey: string, run: ChildRun, context: string): number {
  const wb = engine.openWorkbench({ dataDir });
  try {
    const log = wb.localLog();
    const record = log.record();
    const size = record.treeSize;

    // Every acknowledged append is stored: acks rise, and none is beyond the stored size.
    const ackSizes = run.acks.map((a) => a.size);
    expect(ackSizes, context).toEqual([...ackSizes].sort((x, y) => x - y));
    for (const ack of run.acks) expect(ack.size, context).toBeLessThanOrEqual(size);
    expect(size, context).toBeGreaterThanOrEqual(run.readySize);

    // The tree head equals the root rebuilt from the stored tiles.
    expect(() => log.assertTreeHeadMatchesTiles(), context).not.toThrow();

    // The latest checkpoint is signed, and names the stored size and root.
    const opened = openCheckpoint(log.latestCheckpoint(), [parseVerifierKey(vkey)]);
    expect(opened.checkpoint.size, context).toBe(size);
    expect(toHex(opened.checkpoint.rootHash), context).toBe(toHex(record.rootHash));

    // Each acknowledged root is reachable from the stored tiles, with its checkpoint.
    for (const ack of run.acks) {
      expect(toHex(log.rootAt(ack.size)), `${context}, ack ${ack.size}`).toBe(ack.rootHex);
      const checkpoint = wb.store.checkpointAtSize(record.id, ack.size);
      expect(checkpoint && toHex(checkpoint.rootHash), `${context}, checkpoint at ack ${ack.size}`).toBe(ack.rootHex);
    }

    // All entries 0..size-1 are there, in order, with the bytes that were appended, and they hash to the root.
    // (Asking for one past the end: a stray entry beyond the tree size would show up as a longer list.)
    const bodies = wb.store.entryBodies(record.id, 0, size + 1);
    expect(bodies.length, context).toBe(size);
    bodies.forEach((body, i) => {
      if (!bytesEqual(body, crashEntryBody(i))) throw new Error(`${context}: entry ${i} holds ${JSON.stringify(new TextDecoder().decode(body))}`);
    });
    expect(independentRoot(bodies), context).toBe(toHex(record.rootHash));

    // Appending carries on, consistently with the recovered tree.
    const more = Array.from({ length: 3 }, (_, k) => ({ body: crashEntryBody(size + k) }));
    const appended = log.append(more);
    expect(appended.first, context).toBe(size);
    expect(appended.treeSize, context).toBe(size + 3);
    expect(() => log.assertTreeHeadMatchesTiles(), context).not.toThrow();
    if (size > 0) {
      const proof = log.proveConsistency(size, size + 3);
      expect(toHex(proof.firstRoot), context).toBe(toHex(record.rootHash));
      verifyConsistency(size, size + 3, proof.hashes, record.rootHash, appended.rootHash, referenceHasher);
    }
    return size + 3;
  } finally {
    wb.close();
  }
}

describe('LocalLog.append under SIGKILL', () => {
  describe(`given an appender killed at random moments (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const plans = Array.from({ length: RUNS }, (_, run) => ({
      run,
      label: `run ${run + 1} of ${RUNS}`,
      crashes: Array.from({ length: CRASHES_PER_RUN }, () => ({ childSeed: 1 + Math.floor(random() * 2 ** 31), delayMs: 50 + Math.floor(random() * 1451) })),
    }));
    let runsWithAcks = 0;

    it.each(plans)('$label: every acknowledged append survives, and the reopened log is whole and keeps growing', async ({ run, crashes }) => {
      const { dir, cleanup } = tempDir('provwb-crash-');
      try {
        const { verifierKey } = engine.initWorkbench({ dataDir: dir, origin: 'crash.test/log' });
        let expectedMinimum = 0;
        for (const [i, { childSeed, delayMs }] of crashes.entries()) {
          const context = `seed ${SEED}, run ${run + 1}, crash ${i + 1} (child seed ${childSeed}, kill ${delayMs} ms after ready)`;
          const result = await runAndKill(dir, childSeed, delayMs);
          expect(result.signal, `${context}: the child ended by itself (exit ${result.exitCode}): ${result.stderr}`).toBe('SIGKILL');
          expect(result.readySize, `${context}: the child never opened the workbench: ${result.stderr}`).toBe(expectedMinimum);
          if (result.acks.length > 0) runsWithAcks++;
          expectedMinimum = checkAfterCrash(dir, verifierKey, result, context);
        }
      } finally {
        cleanup();
      }
    });

    it('most kills happened after some appends were acknowledged (the test exercised something)', () => {
      expect(runsWithAcks, `seed ${SEED}`).toBeGreaterThanOrEqual(Math.ceil((RUNS * CRASHES_PER_RUN) / 2));
    });
  });
});
