/**
 * Interop with the Go reference (golang.org/x/mod/sumdb/note via ../shared/tools/gotlog): Go
 * accepts the notes, checkpoints and cosignatures we make, we accept Go's, and both reject the same
 * tampered notes with the same error strings.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { isWorkbenchError } from '../../shared/api/index.js';
import {
  addNoteSignatures,
  cosignCheckpoint,
  formatCheckpoint,
  formatKeyId,
  formatVerifierKey,
  generateSignerKey,
  openCheckpoint,
  openNote,
  parseCosignerKey,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  type NoteSignature,
} from '../../shared/note/index.js';
import { repoRoot } from '../helpers/testdata.js';

const sharedRoot = path.resolve(repoRoot, '../shared');
const buildScript = path.join(sharedRoot, 'tools/gotlog/build.sh');

let gotlog: string | undefined;
let skipReason = '';
let workDir = '';

beforeAll(() => {
  try {
    const out = execFileSync(buildScript, [], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
    gotlog = out.trim().split('\n').at(-1);
    if (!gotlog) throw new Error('build.sh printed no binary path');
  } catch (error) {
    skipReason = `Go reference tool gotlog could not be built with ${buildScript}: ${(error as Error).message.split('\n')[0]}`;
  }
  workDir = mkdtempSync(path.join(tmpdir(), 'note-go-'));
}, 300_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface GoResult {
  status: number;
  stdout: string;
  json: Record<string, unknown>;
}

/** Runs gotlog (skipping the test when it could not be built). */
function go(ctx: TestContext, args: string[], input = ''): GoResult {
  if (!gotlog) ctx.skip(skipReason);
  const r = spawnSync(gotlog!, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    // note-sign prints the note itself, not JSON.
  }
  return { status: r.status ?? -1, stdout: r.stdout, json };
}

const goSigs = (sigs: readonly NoteSignature[]) => sigs.map((s) => ({ name: s.name, keyHash: formatKeyId(s.keyId), base64: s.base64 }));
const ours = generateSignerKey('workbench.example/log', Uint8Array.from({ length: 32 }, (_, i) => 200 - i));
const ROOT = Uint8Array.from({ length: 32 }, (_, i) => i * 3);

describe('Go reference interop (gotlog)', () => {
  describe('given notes we sign', () => {
    it('Go note-verify accepts them and reports the same text and signatures', (ctx) => {
      const signer = parseSignerKey(ours.skey);
      for (const text of ['hello\nworld\n', 'caf\u00e9 \u2603\n\nsecond paragraph\n', '\uFEFFwith a BOM\n']) {
        const note = signNote(text, [signer]);
        const r = go(ctx, ['note-verify', '-vkey', ours.vkey], note);
        expect(r.status, r.stdout).toBe(0);
        expect(r.json['text']).toBe(text);
        expect(r.json['verifiedSigs']).toEqual(goSigs(openNote(note, [signer.verifier]).signatures));
      }
    });

    it('Go note-sign with our generated skey writes byte-identical notes', (ctx) => {
      const text = 'deterministic\nEd25519\n';
      const r = go(ctx, ['note-sign', '-skey', ours.skey], text);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(signNote(text, [parseSignerKey(ours.skey)]));
    });

    it('Go checkpoint-verify accepts our checkpoints, with extension lines and as go.sum database trees', (ctx) => {
      const signer = parseSignerKey(ours.skey);
      const cases = [
        { origin: 'workbench.example/log', size: 0, rootHash: ROOT, extensions: [] },
        { origin: 'workbench.example/log', size: 9007199254740991, rootHash: ROOT, extensions: ['ext one', 'ext two'] },
        { origin: 'go.sum database tree', size: 31543497, rootHash: ROOT, extensions: [] },
      ];
      for (const checkpoint of cases) {
        const note = signNote(formatCheckpoint(checkpoint), [signer]);
        const r = go(ctx, ['checkpoint-verify', '-vkey', ours.vkey, '-file', '-', '-origin', checkpoint.origin], note);
        expect(r.status, r.stdout).toBe(0);
        expect(r.json).toMatchObject({ ok: true, origin: checkpoint.origin, size: checkpoint.size, rootHash: Buffer.from(ROOT).toString('base64'), extensions: checkpoint.extensions });
        expect(openCheckpoint(note, [signer.verifier]).checkpoint).toEqual(checkpoint);
      }
    });

    it('Go accepts our cosigned checkpoints with the log key, listing the cosignature as unverified', (ctx) => {
      const log = parseSignerKey(ours.skey);
      const cosigner = parseCosignerKey(generateSignerKey('witness.example', new Uint8Array(32).fill(42)).skey);
      const note = cosignCheckpoint(signNote(formatCheckpoint({ origin: 'workbench.example/log', size: 5, rootHash: ROOT, extensions: [] }), [log]), cosigner, 1767139200);
      const opened = openNote(note, [log.verifier, cosigner.verifier]);
      for (const command of [['note-verify', '-vkey', ours.vkey], ['checkpoint-verify', '-vkey', ours.vkey, '-file', '-']]) {
        const r = go(ctx, command, note);
        expect(r.status, r.stdout).toBe(0);
        expect(r.json['verifiedSigs']).toEqual(goSigs([opened.signatures[0]!]));
        expect(r.json['unverifiedSigs']).toEqual(goSigs([opened.signatures[1]!]));
      }
    });

    it('Go verify-tiles checks our cosignature/v1 on the Tessera log checkpoint', (ctx) => {
      if (!gotlog) ctx.skip(skipReason);
      const dir = path.join(workDir, 'tessera-cosigned');
      cpSync(path.join(sharedRoot, 'testdata/tlog-tiles/tessera-log'), dir, { recursive: true });
      const cosigner = parseCosignerKey(generateSignerKey('witness.example', new Uint8Array(32).fill(7)).skey);
      const original = readFileSync(path.join(dir, 'checkpoint'), 'utf8');
      writeFileSync(path.join(dir, 'checkpoint'), cosignCheckpoint(original, cosigner, 1767139260));
      const r = go(ctx, ['verify-tiles', '-layout', 'c2sp', '-dir', dir, '-entries', '-vkey', formatVerifierKey(cosigner.verifier)]);
      expect(r.status, r.stdout).toBe(0);
      expect(r.json['signatures']).toEqual([{ name: 'witness.example', keyHash: formatKeyId(cosigner.keyId), type: 'cosignature/v1', timestamp: 1767139260 }]);
      expect(r.json['size']).toBe(15);
    });
  });

  describe('given notes Go signs', () => {
    it('we open note-sign output made with keygen keys, and our keys agree with keygen\'s', (ctx) => {
      const a = go(ctx, ['keygen', '-name', 'go.example/a']).json as { skey: string; vkey: string; keyHash: string };
      const b = go(ctx, ['keygen', '-name', 'go.example/b', '-seed', 'interop']).json as { skey: string; vkey: string; keyHash: string };
      for (const k of [a, b]) {
        expect(formatVerifierKey(parseSignerKey(k.skey).verifier)).toBe(k.vkey);
        expect(formatKeyId(parseVerifierKey(k.vkey).keyId)).toBe(k.keyHash);
      }
      const text = 'signed by Go\n';
      const signed = go(ctx, ['note-sign', '-skey', a.skey], text).stdout;
      expect(openNote(signed, [parseVerifierKey(a.vkey)]).text).toBe(text);

      const cosigned = go(ctx, ['note-sign', '-add', '-skey', b.skey], signed).stdout;
      const opened = openNote(cosigned, [parseVerifierKey(a.vkey), parseVerifierKey(b.vkey)]);
      expect(opened.signatures.map((s) => s.name)).toEqual(['go.example/a', 'go.example/b']);
      expect(addNoteSignatures(signed, [parseSignerKey(b.skey)])).toBe(cosigned);
    });
  });

  describe('given tampered notes', () => {
    it('Go and we reject each with the same error string', (ctx) => {
      const signer = parseSignerKey(ours.skey);
      const other = generateSignerKey('other.example', new Uint8Array(32).fill(1));
      const good = signNote('origin.example\n1\nAAAA\n', [signer, parseSignerKey(other.skey)]);
      const mutations = [
        good,
        good.replace('origin', 'Origin'),
        good.replace('\n\n', '\n'),
        good.slice(0, -1),
        good.replace('1\n', '1\r\n'),
        good.replace('\u2014 other.example', '\u2014 other example'),
        signNote('origin.example\n1\nAAAA\n', [parseSignerKey(other.skey)]),
        good + good.slice(good.indexOf('\u2014')),
      ];
      for (const note of mutations) {
        const r = go(ctx, ['note-verify', '-vkey', ours.vkey], note);
        let ourError = '';
        try {
          openNote(note, [signer.verifier]);
        } catch (error) {
          if (!isWorkbenchError(error)) throw error;
          ourError = error.message;
        }
        expect(ourError, JSON.stringify(note)).toBe(r.json['ok'] ? '' : r.json['error']);
      }
    });
  });
});
