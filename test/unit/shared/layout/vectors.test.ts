import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../shared/api/index.js';
import { canonicalJson } from '../../../../shared/canonical/index.js';
import {
  assertValidLayout,
  deriveCanonicalBody,
  deriveIndexKeys,
  deriveLayoutEntryBody,
  deriveLayoutEntryIndexKeys,
  validateEntry,
  validateLayout,
  validateLayoutEntry,
  verifyEntrySignature,
  type Layout,
} from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { leafHashHex, loadLayoutVectors, problemKeys, type LayoutVector } from './layout-test-helpers.js';

const vectors = loadLayoutVectors();

function runCustom(v: LayoutVector & { layout: Layout }): void {
  if (v.wantLayoutProblems) {
    expect(problemKeys(validateLayout(v.layout))).toEqual(problemKeys(v.wantLayoutProblems));
    const error = expectWorkbenchError(() => assertValidLayout(v.layout), InputError, 'layout_invalid');
    expect(error.details?.['problems']).toEqual(validateLayout(v.layout));
    // Entry functions never trust a layout: they refuse it the same way.
    expectWorkbenchError(() => validateEntry(v.layout, v.proposed), InputError, 'layout_invalid');
    return;
  }
  expect(validateLayout(v.layout)).toEqual([]);
  if (v.wantEntryProblems) {
    expect(problemKeys(validateEntry(v.layout, v.proposed))).toEqual(problemKeys(v.wantEntryProblems));
    const error = expectWorkbenchError(() => deriveCanonicalBody(v.layout, v.proposed), InputError, 'entry_invalid');
    expect(problemKeys(error.details?.['problems'] as [])).toEqual(problemKeys(v.wantEntryProblems));
    expectWorkbenchError(() => verifyEntrySignature(v.layout, v.proposed), InputError, 'entry_invalid');
    return;
  }
  expect(validateEntry(v.layout, v.proposed)).toEqual([]);
  const body = deriveCanonicalBody(v.layout, v.proposed);
  if (v.wantError) {
    expectWorkbenchError(() => verifyEntrySignature(v.layout, body), VerificationError, v.wantError.code);
    return;
  }
  const want = v.want!;
  expect(canonicalJson(body)).toBe(want.canonicalBodyJson);
  expect(leafHashHex(canonicalJson(body))).toBe(want.leafHashHex);
  expect(verifyEntrySignature(v.layout, body).keyFingerprint).toBe(want.indexKeys.find((k) => k.type === 'key_fingerprint')?.value);
  expect(deriveIndexKeys(v.layout, body)).toEqual(want.indexKeys);
  // The stored body is itself a valid entry that gives the same body again.
  expect(canonicalJson(deriveCanonicalBody(v.layout, body))).toBe(want.canonicalBodyJson);
}

function runLayoutKind(v: LayoutVector): void {
  if (v.wantEntryProblems) {
    expect(problemKeys(validateLayoutEntry(v.proposed))).toEqual(problemKeys(v.wantEntryProblems));
    const error = expectWorkbenchError(() => deriveLayoutEntryBody(v.proposed), InputError, 'layout_invalid');
    expect(problemKeys(error.details?.['problems'] as [])).toEqual(problemKeys(v.wantEntryProblems));
    return;
  }
  const body = deriveLayoutEntryBody(v.proposed);
  expect(canonicalJson(body)).toBe(v.want!.canonicalBodyJson);
  expect(leafHashHex(canonicalJson(body))).toBe(v.want!.leafHashHex);
  expect(deriveLayoutEntryIndexKeys(body)).toEqual(v.want!.indexKeys);
}

describe('layout vectors through shared/layout', () => {
  it('has positive and negative vectors of every outcome', () => {
    expect(vectors.filter((v) => v.want).length).toBeGreaterThanOrEqual(10);
    expect(vectors.filter((v) => v.wantLayoutProblems).length).toBeGreaterThanOrEqual(10);
    expect(vectors.filter((v) => v.wantEntryProblems).length).toBeGreaterThanOrEqual(10);
    expect(vectors.filter((v) => v.wantError).length).toBeGreaterThanOrEqual(8);
  });

  describe.each(vectors.map((v) => [v.file, v] as const))('given %s', (_, v) => {
    const outcome = v.want ? 'accepts it with the listed body, leaf hash and index keys' : v.wantError ? `throws ${v.wantError.code}` : 'reports exactly the listed problems';
    it(outcome, () => {
      if (v.layout === null) runLayoutKind(v);
      else runCustom(v as LayoutVector & { layout: Layout });
    });
  });
});
