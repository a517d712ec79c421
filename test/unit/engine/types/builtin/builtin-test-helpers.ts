import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProposedEntry } from '../../../../../electron/engine/types/entry-kind.js';
import { readTestdataJson, repoRoot, testdataPath } from '../../../../helpers/testdata.js';

/** A golden case of test/fixtures/kinds (written by generate.mjs from Rekor's Go code). */
export interface OracleCase {
  readonly file: string;
  readonly desc: string;
  readonly proposed: ProposedEntry;
  readonly want?: { readonly bodies: readonly unknown[] };
  readonly wantError?: { readonly code: string; readonly go: string };
}

/** Returns the golden cases of one kind's fixture folder. */
export function oracleCases(kind: 'rekord' | 'hashedrekord'): OracleCase[] {
  const dir = path.join(repoRoot, 'test/fixtures/kinds', kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<OracleCase, 'file'>) }));
}

/** A case of ../shared/testdata/sigstore/cases.json. */
export interface SigstoreCase {
  readonly name: string;
  readonly bundle: string;
  readonly tlogEntryKinds: readonly { kind: string; version: string }[];
}

/** The subset of a Sigstore bundle these tests read. */
export interface Bundle {
  readonly verificationMaterial: {
    readonly certificate?: { readonly rawBytes: string };
    readonly x509CertificateChain?: { readonly certificates: readonly { readonly rawBytes: string }[] };
    readonly publicKey?: { readonly hint: string };
    readonly tlogEntries: readonly {
      readonly logIndex: string;
      readonly integratedTime?: string;
      readonly canonicalizedBody: string;
      readonly kindVersion: { readonly kind: string; readonly version: string };
      readonly inclusionProof: { readonly logIndex: string; readonly treeSize: string; readonly rootHash: string; readonly hashes: readonly string[] };
    }[];
  };
  readonly messageSignature?: { readonly messageDigest: { readonly algorithm: string; readonly digest: string }; readonly signature: string };
  readonly dsseEnvelope?: { readonly payload: string; readonly payloadType: string; readonly signatures: readonly { readonly sig: string; readonly keyid?: string }[] };
}

/** Returns the cases of the Sigstore conformance bundles and each parsed bundle. */
export function sigstoreCases(): { c: SigstoreCase; bundle: Bundle }[] {
  const { cases } = readTestdataJson<{ cases: SigstoreCase[] }>('sigstore/cases.json');
  return cases.map((c) => ({ c, bundle: JSON.parse(readFileSync(testdataPath(`sigstore/${c.bundle}`), 'utf8')) as Bundle }));
}

/** Returns a file of ../shared/testdata/signatures. */
export function signatureVector(relativePath: string): Buffer {
  return readFileSync(testdataPath(`signatures/${relativePath}`));
}

/** Returns the bytes with bit 0 of byte `index` flipped (negative index counts from the end). */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const at = index < 0 ? out.length + index : index;
  out[at]! ^= 1;
  return out;
}

/** Returns a PEM certificate of DER given as base64. */
export function certificatePem(rawBytesBase64: string): string {
  return `-----BEGIN CERTIFICATE-----\n${rawBytesBase64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}
