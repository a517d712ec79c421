// Types of example-signers.mjs for its TypeScript users (test/e2e/support/seed.ts); EXAMPLE keys only.
import type { KeyObject } from 'node:crypto';

interface ExampleKeyInfo {
  readonly pem: string;
  readonly spki: Buffer;
  /** SHA-256 of the DER SPKI, hex: the index-key fingerprint. */
  readonly fingerprint: string;
}

export function sha256(data: string | Uint8Array): Buffer;
export function canonical(value: unknown): string;
export function leafHashHex(canonicalBodyJson: string): string;
export function exampleEd25519(name: string): ExampleKeyInfo & { readonly raw: Buffer; readonly rawBase64: string; sign(message: Uint8Array): Buffer; readonly privateKey: KeyObject };
export function exampleEcdsa(name: string, curveName: 'p256' | 'p384'): ExampleKeyInfo & { sign(message: Uint8Array, encoding: 'der' | 'raw'): Buffer };
export function statementBytes(kind: string, version: string, spec: unknown, signaturePath: readonly string[]): Buffer;
export function exampleMinisign(name: string): ReturnType<typeof exampleEd25519> & {
  readonly keyId: Buffer;
  readonly publicKeyFile: string;
  readonly publicLine: string;
  secretFile(): string;
  sign(message: Uint8Array, options: { algorithm?: 'ED' | 'Ed'; trustedComment: string }): string;
};
