import { describe, expect, it } from 'vitest';
import { InputError, VerificationError, WorkbenchError } from '../../../../../shared/api/index.js';
import { canonicalJson } from '../../../../../shared/canonical/index.js';
import { hashedRekordV001, rekordV001 } from '../../../../../electron/engine/types/builtin/index.js';
import { oracleCases } from './builtin-test-helpers.js';

const ctx = { integratedTimeSec: 1_790_000_000 };

describe.each([
  ['rekord', rekordV001],
  ['hashedrekord', hashedRekordV001],
] as const)('%s 0.0.1 against Rekor\'s own Go canonicalization (test/fixtures/kinds)', (folder, kind) => {
  for (const c of oracleCases(folder)) {
    describe(`given ${c.file}: ${c.desc}`, () => {
      if (c.want) {
        it('accepts it with a body Rekor\'s Go code also produces, byte for byte after RFC 8785', async () => {
          const accepted = await kind.accept(c.proposed, ctx);
          const wanted = c.want!.bodies.map((b) => canonicalJson(b));
          expect(wanted).toContain(canonicalJson(accepted.body));
          await kind.verifyStored(accepted.body, ctx);
          expect(kind.indexKeys(accepted.body)).toEqual(accepted.indexKeys);
        });
      } else {
        it(`rejects it with ${c.wantError!.code} (Go: ${c.wantError!.go})`, async () => {
          const error = await kind.accept(c.proposed, ctx).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(WorkbenchError);
          expect(error instanceof InputError || error instanceof VerificationError).toBe(true);
          expect((error as WorkbenchError).code).toBe(c.wantError!.code);
        });
      }
    });
  }
});
