/**
 * Data-driven import cases (test/fixtures/keys/import-cases/*.json): keys made by gpg, ssh-keygen,
 * minisign and openssl (generate.sh records the fingerprints those tools print) and rekor's
 * published test keys (signatures/README.md). Every case imports into a fresh keyring; rejections
 * also check that nothing was stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, NotFoundError, VerificationError, type WorkbenchError } from '../../../../shared/api/index.js';
import { repoRoot, testdataPath } from '../../../helpers/testdata.js';
import { expectRejection } from '../../../helpers/assertions.js';
import { PASSPHRASE, tempKeyring } from './keys-test-helpers.js';

interface ImportCase {
  desc: string;
  file?: string;
  testdataFile?: string;
  sourcePassphrase?: string;
  want?: { type: string; fingerprint: string; userId?: string | null; hasPrivateKey: boolean };
  wantError?: { family: 'input' | 'verification'; code: string };
}

const casesDir = path.join(repoRoot, 'test/fixtures/keys/import-cases');
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(path.join(casesDir, f), 'utf8')) as ImportCase) }));

function bytesOf(c: ImportCase): Uint8Array {
  const file = c.file !== undefined ? path.join(repoRoot, 'test', c.file) : testdataPath(c.testdataFile!);
  return new Uint8Array(readFileSync(file));
}

const ERROR_CLASSES = { input: InputError, verification: VerificationError } as const;

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('Keyring.import', () => {
  it('has cases for every source', () => {
    expect(cases.filter((c) => c.name.startsWith('published-')).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.name.startsWith('fixture-')).length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    describe(`given ${c.name}: ${c.desc}`, () => {
      if (c.want) {
        const want = c.want;
        it(`stores a ${want.type} key with fingerprint ${want.fingerprint}`, async () => {
          const { keyring, cleanup } = tempKeyring();
          cleanups.push(cleanup);
          const info = await keyring.import(bytesOf(c), { name: 'imported', passphrase: PASSPHRASE, sourcePassphrase: c.sourcePassphrase });
          expect(info.type).toBe(want.type);
          expect(info.fingerprint).toBe(want.fingerprint);
          expect(info.hasPrivateKey).toBe(want.hasPrivateKey);
          if (want.userId !== undefined) expect(info.userId).toBe(want.userId);
          expect(keyring.get('imported')).toEqual(info);
          // The exported public key imports again as the same public key.
          const exported = keyring.exportPublic('imported');
          const again = await keyring.import(new TextEncoder().encode(exported.text), { name: 'reimported' });
          expect(again.fingerprint).toBe(want.fingerprint);
          expect(again.type).toBe(want.type);
          expect(again.hasPrivateKey).toBe(false);
        });
      } else {
        const wantError = c.wantError!;
        it(`throws ${wantError.code} and stores nothing`, async () => {
          const { keyring, cleanup } = tempKeyring();
          cleanups.push(cleanup);
          await expectRejection<WorkbenchError>(
            keyring.import(bytesOf(c), { name: 'imported', passphrase: PASSPHRASE, sourcePassphrase: c.sourcePassphrase }),
            ERROR_CLASSES[wantError.family],
            wantError.code,
          );
          expect(keyring.list()).toEqual([]);
          await expectRejection(() => keyring.get('imported'), NotFoundError, 'not_found');
        });
      }
    });
  }
});
