import { describe, expect, it } from 'vitest';
import { InputError, VerificationError } from '../../../../../shared/api/index.js';
import { canonicalJson } from '../../../../../shared/canonical/index.js';
import { deriveCanonicalBody, deriveIndexKeys, deriveLayoutEntryBody } from '../../../../../shared/layout/index.js';
import { createLayoutKind, layoutEntryKind } from '../../../../../electron/engine/types/custom/index.js';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { expectRejection, expectWorkbenchError } from '../../../../helpers/assertions.js';
import { leafHashHex, loadLayoutVectors, problemKeys, type LayoutVector } from '../../../shared/layout/layout-test-helpers.js';

const ctx = { integratedTimeSec: 1_750_000_000 };
const vectors = loadLayoutVectors();

async function runCustom(v: LayoutVector): Promise<void> {
  if (v.wantLayoutProblems) {
    const error = expectWorkbenchError(() => createLayoutKind(v.layout), InputError, 'layout_invalid');
    expect(problemKeys(error.details?.['problems'] as [])).toEqual(problemKeys(v.wantLayoutProblems));
    return;
  }
  const kind = createLayoutKind(v.layout);
  expect(kind.kind).toBe(v.layout!.kind);
  expect(kind.apiVersion).toBe(v.layout!.version);
  expect(kind.specSchema).toEqual(v.layout!.schema);
  const proposed = v.proposed as ProposedEntry;
  if (v.wantEntryProblems) {
    const error = await expectRejection(kind.accept(proposed, ctx), InputError, 'entry_invalid');
    expect(problemKeys(error.details?.['problems'] as [])).toEqual(problemKeys(v.wantEntryProblems));
    return;
  }
  if (v.wantError) {
    await expectRejection(kind.accept(proposed, ctx), VerificationError, v.wantError.code);
    // A stored body holding the same bad signature fails the offline audit the same way.
    await expectRejection(kind.verifyStored(deriveCanonicalBody(v.layout!, proposed), ctx), VerificationError, v.wantError.code);
    return;
  }
  const accepted = await kind.accept(proposed, ctx);
  const bodyJson = canonicalJson(accepted.body);
  expect(bodyJson).toBe(v.want!.canonicalBodyJson);
  // Byte-identical to what shared/layout (the renderer's code) derives on its own.
  expect(bodyJson).toBe(canonicalJson(deriveCanonicalBody(v.layout!, proposed)));
  expect(leafHashHex(bodyJson)).toBe(v.want!.leafHashHex);
  expect(accepted.indexKeys).toEqual(v.want!.indexKeys);
  expect(accepted.indexKeys).toEqual(deriveIndexKeys(v.layout!, accepted.body));
  // The stored body, read back from its bytes, re-verifies and re-indexes identically.
  const stored = JSON.parse(bodyJson) as Record<string, unknown>;
  await expect(kind.verifyStored(stored, ctx)).resolves.toBeUndefined();
  expect(kind.indexKeys(stored)).toEqual(v.want!.indexKeys);
}

async function runLayoutKind(v: LayoutVector): Promise<void> {
  const proposed = v.proposed as ProposedEntry;
  if (v.wantEntryProblems) {
    const error = await expectRejection(layoutEntryKind.accept(proposed, ctx), InputError, 'layout_invalid');
    expect(problemKeys(error.details?.['problems'] as [])).toEqual(problemKeys(v.wantEntryProblems));
    return;
  }
  const accepted = await layoutEntryKind.accept(proposed, ctx);
  const bodyJson = canonicalJson(accepted.body);
  expect(bodyJson).toBe(v.want!.canonicalBodyJson);
  expect(bodyJson).toBe(canonicalJson(deriveLayoutEntryBody(proposed)));
  expect(leafHashHex(bodyJson)).toBe(v.want!.leafHashHex);
  expect(accepted.indexKeys).toEqual(v.want!.indexKeys);
  const stored = JSON.parse(bodyJson) as Record<string, unknown>;
  await expect(layoutEntryKind.verifyStored(stored, ctx)).resolves.toBeUndefined();
  expect(layoutEntryKind.indexKeys(stored)).toEqual(v.want!.indexKeys);
}

describe('layout vectors through the engine adapter (createLayoutKind, layoutEntryKind)', () => {
  describe.each(vectors.map((v) => [v.file, v] as const))('given %s', (_, v) => {
    const outcome = v.want ? 'accepts it with the same body bytes, leaf hash and index keys as shared/layout' : v.wantError ? `rejects it with ${v.wantError.code}` : 'rejects it with exactly the listed problems';
    it(outcome, async () => {
      if (v.layout === null) await runLayoutKind(v);
      else await runCustom(v);
    });
  });
});
