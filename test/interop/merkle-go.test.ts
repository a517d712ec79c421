/**
 * Interop with the Go reference (golang.org/x/mod/sumdb/tlog via ../shared/tools/gotlog): the
 * roots, inclusion proofs and consistency proofs our LocalLog serves from its stored tiles equal
 * Go's, hash for hash. gotlog `oracle` gives the leaves and the (size), (index, size) and
 * (first, second) pairs to ask for; we answer them in the oracle format and `gotlog check`
 * recomputes everything with Go.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { toHex } from '../../shared/encoding/index.js';
import type { LocalLog } from '../../electron/engine/log/index.js';
import { describeGotlog, requireGotlog, runGotlog } from '../helpers/gotlog.js';
import { tempWorkbench } from '../helpers/temp-workbench.js';

interface OracleInclusion {
  index: number;
  size: number;
  leafHash: string;
  proof: string[];
  root: string;
}

interface OracleConsistency {
  first: number;
  second: number;
  proof: string[];
  firstRoot: string;
  secondRoot: string;
}

interface OracleDoc {
  n: number;
  seed: string;
  leaves: string[];
  roots: Record<string, string>;
  inclusion: OracleInclusion[];
  consistency: OracleConsistency[];
}

interface CheckReport {
  ok: boolean;
  leaves: number;
  rootsChecked: number;
  inclusionChecked: number;
  consistencyChecked: number;
  mismatchCount: number;
  mismatches: Array<{ kind: string; index?: number; size?: number; first?: number; second?: number; field?: string }>;
}

/** A run-specific seed next to the fixed ones, so each run also tries trees nobody has seen; failures print it. */
const RUN_SEED = `run-${randomBytes(6).toString('hex')}`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function oracle(ctx: TestContext, n: number, seed: string): Promise<OracleDoc> {
  const gotlog = requireGotlog(ctx);
  const r = await runGotlog(gotlog, ['oracle', '-n', String(n), '-seed', seed]);
  expect(r.status, describeGotlog(r)).toBe(0);
  const doc = r.json as unknown as OracleDoc;
  expect(doc.leaves).toHaveLength(n);
  return doc;
}

/** Appends the oracle's leaves in batches of varying size (the tiles must not depend on how they arrived). */
function appendLeaves(log: LocalLog, leaves: readonly string[], seedText: string): void {
  let state = [...seedText].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  let size = 0;
  while (size < leaves.length) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const batch = Math.min(leaves.length - size, 1 + (state % 700));
    log.append(leaves.slice(size, size + batch).map((hex) => ({ body: Buffer.from(hex, 'hex') })));
    size += batch;
  }
}

/** Returns our answers to the oracle's questions, in the oracle format that `gotlog check` reads. */
function ourAnswers(log: LocalLog, doc: OracleDoc): OracleDoc {
  const roots: Record<string, string> = { '0': toHex(log.rootAt(0)) };
  for (const size of Object.keys(doc.roots)) roots[size] = toHex(log.rootAt(Number(size)));
  const inclusion = doc.inclusion.map(({ index, size }) => {
    const p = log.proveInclusion(index, size);
    return { index, size, leafHash: toHex(p.leafHash), proof: p.hashes.map(toHex), root: toHex(p.rootHash) };
  });
  const consistency = doc.consistency.map(({ first, second }) => {
    const p = log.proveConsistency(first, second);
    return { first, second, proof: p.hashes.map(toHex), firstRoot: toHex(p.firstRoot), secondRoot: toHex(p.secondRoot) };
  });
  return { n: doc.n, seed: doc.seed, leaves: doc.leaves, roots, inclusion, consistency };
}

async function check(ctx: TestContext, answers: OracleDoc) {
  const gotlog = requireGotlog(ctx);
  const r = await runGotlog(gotlog, ['check', '-file', '-'], JSON.stringify(answers));
  return { r, report: r.json as unknown as CheckReport | undefined };
}

function logWith(doc: OracleDoc): LocalLog {
  const { workbench, cleanup } = tempWorkbench('merkle-go.test/log');
  cleanups.push(cleanup);
  const log = workbench.localLog();
  appendLeaves(log, doc.leaves, doc.seed);
  return log;
}

/** Returns the hex with its first digit changed. */
function flipHex(hex: string): string {
  return (hex[0] === '0' ? '1' : '0') + hex.slice(1);
}

describe('LocalLog against Go tlog (gotlog oracle/check)', () => {
  describe.each([1, 2, 7, 64, 255, 256, 257, 1000, 3000])('given a seeded tree of %i leaves', (n) => {
    it.for([`provwb-${n}`, RUN_SEED])('with seed %s, Go check accepts every root, inclusion and consistency proof we serve', async (seed, ctx) => {
      const doc = await oracle(ctx, n, seed);
      const answers = ourAnswers(logWith(doc), doc);
      const { r, report } = await check(ctx, answers);
      expect(r.status, `seed ${seed}: ${describeGotlog(r)}`).toBe(0);
      expect(report).toMatchObject({ ok: true, leaves: n, mismatchCount: 0 });
      // Size 0 plus each oracle size; every pair the oracle listed.
      expect(report!.rootsChecked).toBe(Object.keys(doc.roots).length + 1);
      expect(report!.inclusionChecked).toBe(doc.inclusion.length);
      expect(report!.consistencyChecked).toBe(doc.consistency.length);
      expect(report!.inclusionChecked).toBeGreaterThan(0);
      expect(report!.consistencyChecked).toBeGreaterThan(0);
    });
  });

  describe('given our answers with one hash corrupted', () => {
    it.for(['root', 'inclusion proof', 'inclusion leafHash', 'consistency proof', 'consistency firstRoot'] as const)(
      'Go check rejects a corrupted %s (exit 1, one mismatch)',
      async (what, ctx) => {
        const doc = await oracle(ctx, 300, 'provwb-corrupt');
        const answers = ourAnswers(logWith(doc), doc);
        const clean = await check(ctx, answers);
        expect(clean.r.status, describeGotlog(clean.r)).toBe(0);

        // Pick an entry deep in the list whose proof is non-empty.
        const inc = answers.inclusion.filter((p) => p.proof.length > 2).at(-1)!;
        const con = answers.consistency.filter((p) => p.proof.length > 2).at(-1)!;
        switch (what) {
          case 'root':
            answers.roots['257'] = flipHex(answers.roots['257']!);
            break;
          case 'inclusion proof':
            inc.proof[1] = flipHex(inc.proof[1]!);
            break;
          case 'inclusion leafHash':
            inc.leafHash = flipHex(inc.leafHash);
            break;
          case 'consistency proof':
            con.proof[2] = flipHex(con.proof[2]!);
            break;
          case 'consistency firstRoot':
            con.firstRoot = flipHex(con.firstRoot);
            break;
        }
        const { r, report } = await check(ctx, answers);
        expect(r.status, describeGotlog(r)).toBe(1);
        expect(report).toMatchObject({ ok: false, mismatchCount: 1 });
        const kind = what.split(' ')[0];
        expect(report!.mismatches[0]!.kind).toBe(kind);
      },
    );
  });
});
