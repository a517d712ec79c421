import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toHex } from '../../../../shared/encoding/index.js';
import { verifyConsistency, verifyInclusion } from '../../../../shared/merkle/index.js';
import { nobleHasher } from '../../../helpers/hashers.js';
import { readTestdataJson } from '../../../helpers/testdata.js';

interface InclusionCase { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean; source: string }
interface ConsistencyCase { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean; source: string }

const b64 = (s: string) => Uint8Array.from(Buffer.from(s, 'base64'));

describe('transparency-dev/merkle inclusion vectors', () => {
  const { cases } = readTestdataJson<{ cases: InclusionCase[] }>('merkle/inclusion.json');
  it.each(cases.map((c) => [c.source, c] as const))('%s', (_, c) => {
    const run = () => verifyInclusion(c.leafIdx, c.treeSize, b64(c.leafHash), (c.proof ?? []).map(b64), b64(c.root), nobleHasher);
    if (c.wantErr) expect(run).toThrow();
    else expect(run).not.toThrow();
  });
});

describe('transparency-dev/merkle consistency vectors', () => {
  const { cases } = readTestdataJson<{ cases: ConsistencyCase[] }>('merkle/consistency.json');
  it.each(cases.map((c) => [c.source, c] as const))('%s', (_, c) => {
    const run = () => verifyConsistency(c.size1, c.size2, (c.proof ?? []).map(b64), b64(c.root1), b64(c.root2), nobleHasher);
    if (c.wantErr) expect(run).toThrow();
    else expect(run).not.toThrow();
  });
});

describe('reference tree', () => {
  const tree = readTestdataJson<{
    leaves: Array<{ index: number; inputHex: string; leafHashHex: string }>;
    rootsBySize: Array<{ treeSize: number; rootHex: string }>;
  }>('merkle/reference-tree.json');
  it('hashes every leaf as RFC 6962 says', () => {
    for (const leaf of tree.leaves) expect(toHex(nobleHasher.hashLeaf(fromHex(leaf.inputHex)))).toBe(leaf.leafHashHex);
  });
  it('has the empty-tree root SHA-256("")', () => {
    expect(toHex(nobleHasher.emptyRoot())).toBe(tree.rootsBySize.find((r) => r.treeSize === 0)!.rootHex);
    expect(fromBase64('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=')).toEqual(nobleHasher.emptyRoot());
  });
});
