import { describe, expect, it } from 'vitest';
import { parseSumdbDataTile } from '../../../../electron/engine/remote/tile-source.js';
import { addRemote } from '../../../../electron/engine/remote/remotes.js';
import { nodeHasher } from '../../../../electron/engine/crypto/index.js';
import { buildForkEvidence, parseForkEvidence, verifyForkEvidence } from '../../../../electron/engine/sync/index.js';
import { generateSignerKey, parseSignerKey, signNote } from '../../../../shared/note/index.js';
import { toBase64 } from '../../../../shared/encoding/index.js';
import { consistencyPlan, rehash, rootOfLeafHashes, treeRoot } from '../../../../shared/merkle/index.js';
import { tempWorkbench } from '../../../helpers/temp-workbench.js';

const text = (bytes: Uint8Array[]) => bytes.map((b) => new TextDecoder().decode(b));

describe('Go checksum-database data tiles', () => {
  it('reads sum.golang.org tiles (records joined by a blank line) and x/mod tiles (id lines)', () => {
    const a = 'example.com/a v1.0.0 h1:AAA=\nexample.com/a v1.0.0/go.mod h1:BBB=\n';
    const b = 'example.com/b v1.0.0 h1:CCC=\nexample.com/b v1.0.0/go.mod h1:DDD=\n';
    expect(text(parseSumdbDataTile(new TextEncoder().encode(`${a}\n${b}`), 0))).toEqual([a, b]);
    expect(text(parseSumdbDataTile(new TextEncoder().encode(`512\n${a}\n513\n${b}\n`), 2))).toEqual([a, b]);
  });
  it('refuses x/mod ids that are not the record index, and trailing blank lines', () => {
    const a = 'example.com/a v1.0.0 h1:AAA=\n';
    expect(() => parseSumdbDataTile(new TextEncoder().encode(`7\n${a}\n`), 0)).toThrow(/id 7, expected 0/);
    expect(() => parseSumdbDataTile(new TextEncoder().encode(`${a}\n`), 0)).toThrow(/exactly one newline/);
  });
});

describe('remote add', () => {
  it('validates name, type, URL and key, and stores nothing on error', () => {
    const { workbench, cleanup } = tempWorkbench();
    try {
      const { vkey } = generateSignerKey('log.example', new Uint8Array(32).fill(1));
      const add = (over: Record<string, string>) => () => addRemote(workbench.store, nodeHasher, { name: 'r', type: 'tiles', url: 'https://log.example', key: vkey, ...over }, 0);
      expect(add({ name: 'local' })).toThrow(/remote name/);
      expect(add({ type: 'git' })).toThrow(/remote type/);
      expect(add({ url: 'ftp://x' })).toThrow(/URL must use/);
      expect(add({ url: 'https://user:pw@log.example' })).toThrow(/credentials/);
      expect(add({ key: 'not a key' })).toThrow(/neither a C2SP verifier key/);
      expect(add({ type: 'rekor', url: 'file:///tmp/x' })).toThrow(/URL must use/);
      expect(workbench.store.logs().map((l) => l.name)).toEqual(['local']);
      expect(add({})()).toMatchObject({ name: 'r', origin: 'log.example', treeSize: 0 });
      expect(add({ type: 'sumdb', name: 'g' })()).toMatchObject({ origin: 'go.sum database tree' });
      expect(add({})).toThrow(/already exists/);
    } finally {
      cleanup();
    }
  });
});

describe('fork evidence', () => {
  const signer = parseSignerKey(generateSignerKey('fork.example', new Uint8Array(32).fill(7)).skey);
  const vkey = generateSignerKey('fork.example', new Uint8Array(32).fill(7)).vkey;
  const leaves = (tag: string, n: number) => Array.from({ length: n }, (_, i) => nodeHasher.hashLeaf(new TextEncoder().encode(`${tag} ${i}`)));
  const note = (size: number, root: Uint8Array) => signNote(`fork.example\n${size}\n${toBase64(root)}\n`, [signer]);
  const log = { name: 'r', origin: 'fork.example', url: 'https://x', remoteType: 'tiles', verifierKeys: [vkey] };
  const honest = leaves('honest', 20);
  const forked = [...honest.slice(0, 9), ...leaves('forked', 11)];
  const reader = (hashes: Uint8Array[]) => ({ readHashes: (nodes: ReadonlyArray<{ level: number; index: number }>) => nodes.map((n) => rootOfLeafHashes(hashes.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level), nodeHasher)) });
  const proofFrom = (first: number, hashes: Uint8Array[]) => rehash(consistencyPlan(first, hashes.length), reader(hashes).readHashes(consistencyPlan(first, hashes.length).nodes), nodeHasher);

  it('two roots for one size prove a fork', () => {
    const evidence = buildForkEvidence({ log, olderNote: note(20, rootOfLeafHashes(honest, nodeHasher)), newerNote: note(20, rootOfLeafHashes(forked, nodeHasher)), detectedAtMs: 0 });
    expect(verifyForkEvidence(parseForkEvidence(JSON.stringify(evidence)), [vkey], nodeHasher)).toMatchObject({ ok: true, size: 20 });
  });

  it('an older checkpoint and a larger tree with another root at its size prove a fork; a consistent pair does not', () => {
    const older = note(13, treeRoot(13, reader(honest), nodeHasher));
    const newer = forked;
    const implied = treeRoot(13, reader(newer), nodeHasher);
    const evidence = buildForkEvidence({ log, olderNote: older, newerNote: note(20, rootOfLeafHashes(newer, nodeHasher)), proof: { first: 13, second: 20, olderRootPerNewer: implied, hashes: proofFrom(13, newer) }, detectedAtMs: 0 });
    expect(verifyForkEvidence(evidence, [vkey], nodeHasher)).toMatchObject({ ok: true, size: 13 });
    // The honest pair: the proof ties the newer root to the older root, so nothing is proven.
    const fair = buildForkEvidence({ log, olderNote: older, newerNote: note(20, rootOfLeafHashes(honest, nodeHasher)), proof: { first: 13, second: 20, olderRootPerNewer: treeRoot(13, reader(honest), nodeHasher), hashes: proofFrom(13, honest) }, detectedAtMs: 0 });
    expect(verifyForkEvidence(fair, [vkey], nodeHasher)).toMatchObject({ ok: false });
    // A proof that does not lead to the newer signed root proves nothing either.
    const broken = { ...evidence, proof: { ...evidence.proof!, hashes: [...evidence.proof!.hashes.slice(1), evidence.proof!.hashes[0]!] } };
    expect(verifyForkEvidence(broken, [vkey], nodeHasher).ok).toBe(false);
    // Without a proof, different sizes prove nothing.
    expect(verifyForkEvidence({ ...evidence, proof: undefined } as never, [vkey], nodeHasher).ok).toBe(false);
  });

  it('refuses malformed documents and notes not signed by the key', () => {
    expect(() => parseForkEvidence('{')).toThrow(/invalid JSON/);
    expect(() => parseForkEvidence('{"type":"other"}')).toThrow(/"type" must be/);
    const other = generateSignerKey('fork.example', new Uint8Array(32).fill(9)).vkey;
    const evidence = buildForkEvidence({ log, olderNote: note(20, rootOfLeafHashes(honest, nodeHasher)), newerNote: note(20, rootOfLeafHashes(forked, nodeHasher)), detectedAtMs: 0 });
    expect(() => verifyForkEvidence(evidence, [other], nodeHasher)).toThrow(/not signed by the given key/);
  });
});
