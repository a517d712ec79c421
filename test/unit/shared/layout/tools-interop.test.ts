// Cross-checks with the reference tools: what minisign and OpenSSL sign, our verifier accepts, and
// what our examples carry, they verify. A test whose tool is missing is skipped, saying so.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VerificationError } from '../../../../shared/api/index.js';
import { fromBase64, fromHex, toBase64 } from '../../../../shared/encoding/index.js';
import { messageToSign, verifyEntrySignature, type Layout } from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, readExample } from './layout-test-helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'provwb-layout-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string, args: readonly string[]): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}
const hasMinisign = spawnSync('minisign', ['-v']).status === 0;
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const file = (name: string) => path.join(dir, name);

type Entry = { apiVersion: string; kind: string; spec: Record<string, any> };

describe('minisign interop', () => {
  const layout = readExample<Layout>('release-record-0.0.1.layout.json');

  it.for([
    ['prehashed (default)', []],
    ['legacy (-l)', ['-l']],
  ] as const)('a release record signed by the minisign binary, %s, verifies', ([, flags], ctx) => {
    if (!hasMinisign) ctx.skip('minisign is not installed');
    expect(run('minisign', ['-G', '-f', '-W', '-p', file('m.pub'), '-s', file('m.key')]).ok).toBe(true);
    const digest = createHash('sha256').update(randomBytes(100)).digest();
    writeFileSync(file('digest.bin'), digest);
    expect(run('minisign', ['-S', ...flags, '-s', file('m.key'), '-m', file('digest.bin'), '-x', file('d.minisig'), '-t', 'interop']).ok).toBe(true);
    const entry: Entry = {
      apiVersion: '0.0.1',
      kind: 'release-record',
      spec: { URL: 'https://example.org/r.tgz', SHA: digest.toString('hex'), PublicKey: readFileSync(file('m.pub'), 'utf8'), Signature: readFileSync(file('d.minisig'), 'utf8') },
    };
    expect(verifyEntrySignature(layout, entry).format).toBe('minisign');
    const other = cloneJson(entry);
    other.spec['SHA'] = createHash('sha256').update('other').digest('hex');
    expectWorkbenchError(() => verifyEntrySignature(layout, other), VerificationError, 'signature_invalid');
  });

  it('the example release record verifies with minisign -V over its raw digest bytes', (ctx) => {
    if (!hasMinisign) ctx.skip('minisign is not installed');
    const entry = readExample<Entry>('release-record-0.0.1.entry.json');
    writeFileSync(file('example.bin'), fromHex(entry.spec['SHA']));
    writeFileSync(file('example.minisig'), entry.spec['Signature']);
    writeFileSync(file('example.pub'), entry.spec['PublicKey']);
    const result = run('minisign', ['-V', '-p', file('example.pub'), '-m', file('example.bin'), '-x', file('example.minisig')]);
    expect(result.out).toContain('Signature and comment signature verified');
  });
});

describe('OpenSSL interop', () => {
  it('a build-provenance statement signed by openssl dgst -sha256 (ECDSA P-256, DER) verifies', (ctx) => {
    if (!hasOpenssl) ctx.skip('openssl is not installed');
    const layout = readExample<Layout>('build-provenance-0.0.1.layout.json');
    expect(run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file('ec.key')]).ok).toBe(true);
    expect(run('openssl', ['pkey', '-in', file('ec.key'), '-pubout', '-out', file('ec.pub')]).ok).toBe(true);
    const entry = cloneJson(readExample<Entry>('build-provenance-0.0.1.entry.json'));
    entry.spec['publicKey'] = readFileSync(file('ec.pub'), 'utf8');
    writeFileSync(file('statement'), messageToSign(layout, entry));
    expect(run('openssl', ['dgst', '-sha256', '-sign', file('ec.key'), '-out', file('ec.sig'), file('statement')]).ok).toBe(true);
    entry.spec['signature'] = toBase64(readFileSync(file('ec.sig')));
    expect(verifyEntrySignature(layout, entry).format).toBe('ecdsa-p256-sha256');
  });

  it('an SBOM statement signed by openssl pkeyutl (Ed25519) verifies with the raw key', (ctx) => {
    if (!hasOpenssl) ctx.skip('openssl is not installed');
    const layout = readExample<Layout>('sbom-attestation-0.0.1.layout.json');
    expect(run('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', file('ed.key')]).ok).toBe(true);
    expect(run('openssl', ['pkey', '-in', file('ed.key'), '-pubout', '-outform', 'DER', '-out', file('ed.der')]).ok).toBe(true);
    const entry = cloneJson(readExample<Entry>('sbom-attestation-0.0.1.entry.json'));
    entry.spec['publicKey'] = toBase64(readFileSync(file('ed.der')).subarray(12));
    writeFileSync(file('sbom-statement'), messageToSign(layout, entry));
    const signed = run('openssl', ['pkeyutl', '-sign', '-rawin', '-inkey', file('ed.key'), '-in', file('sbom-statement'), '-out', file('ed.sig')]);
    if (!signed.ok) ctx.skip(`this openssl cannot sign Ed25519 with pkeyutl -rawin: ${signed.out.trim()}`);
    entry.spec['signature'] = toBase64(readFileSync(file('ed.sig')));
    expect(verifyEntrySignature(layout, entry).format).toBe('ed25519');
  });

  it('the example build-provenance signature verifies with openssl dgst -verify', (ctx) => {
    if (!hasOpenssl) ctx.skip('openssl is not installed');
    const layout = readExample<Layout>('build-provenance-0.0.1.layout.json');
    const entry = readExample<Entry>('build-provenance-0.0.1.entry.json');
    writeFileSync(file('example-statement'), messageToSign(layout, entry));
    writeFileSync(file('example.sig'), fromBase64(entry.spec['signature']));
    writeFileSync(file('example-ec.pub'), entry.spec['publicKey']);
    expect(run('openssl', ['dgst', '-sha256', '-verify', file('example-ec.pub'), '-signature', file('example.sig'), file('example-statement')]).out).toContain('Verified OK');
  });
});
