import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { canonicalJson } from '../../../../shared/canonical/index.js';
import { deriveCanonicalBody, validateEntry, verifyEntrySignature, type Layout } from '../../../../shared/layout/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { cloneJson, readExample } from './layout-test-helpers.js';

const layout = readExample<Layout>('sbom-attestation-0.0.1.layout.json');
const entry = readExample<{ apiVersion: string; kind: string; spec: Record<string, any> }>('sbom-attestation-0.0.1.entry.json');

describe('validateEntry', () => {
  it('reports a member beside apiVersion, kind and spec', () => {
    expect(validateEntry(layout, { ...entry, logIndex: 3 })).toEqual([expect.objectContaining({ pointer: '/logIndex', code: 'schema_violation' })]);
  });
  it('reports a missing spec', () => {
    expect(validateEntry(layout, { apiVersion: '0.0.1', kind: 'sbom-attestation' })).toEqual([expect.objectContaining({ pointer: '/spec', code: 'schema_violation' })]);
  });
  it('reports a value outside an enum at its pointer', () => {
    const e = cloneJson(entry);
    e.spec.sbom.format = 'cyclonedx';
    expect(validateEntry(layout, e)).toEqual([expect.objectContaining({ pointer: '/spec/sbom/format', code: 'schema_violation' })]);
  });
  it('escapes member names in pointers (RFC 6901)', () => {
    const e = cloneJson(entry);
    e.spec['odd/name~x'] = 1;
    expect(validateEntry(layout, e)).toEqual([expect.objectContaining({ pointer: '/spec/odd~1name~0x' })]);
  });
  it('refuses an invalid layout with layout_invalid before looking at the entry', () => {
    expectWorkbenchError(() => validateEntry({ ...layout, kind: 'rekord' }, entry), InputError, 'layout_invalid');
  });
});

describe('deriveCanonicalBody', () => {
  it('keeps the whole spec and fills in nothing (a schema default is not applied)', () => {
    const withDefault = cloneJson(layout) as Layout & { schema: any };
    withDefault.schema.properties.sbom.properties.uri.default = 'https://default.example';
    const e = cloneJson(entry);
    delete e.spec.sbom.uri;
    const body = deriveCanonicalBody(withDefault, e);
    expect(body.spec).toEqual(e.spec);
    expect(canonicalJson(body)).toBe(canonicalJson({ apiVersion: '0.0.1', kind: 'sbom-attestation', spec: e.spec }));
  });
  it('does not coerce types: "42" stays a problem for an integer', () => {
    const l = cloneJson(layout) as Layout & { schema: any };
    l.schema.properties.sbom.properties.count = { type: 'integer' };
    const e = cloneJson(entry);
    e.spec.sbom.count = '42';
    expect(validateEntry(l, e)).toEqual([expect.objectContaining({ pointer: '/spec/sbom/count', code: 'schema_violation' })]);
  });
  it('gives the same canonical bytes whatever the member order of the input', () => {
    const reordered = { spec: Object.fromEntries(Object.entries(entry.spec).reverse()), kind: entry.kind, apiVersion: entry.apiVersion };
    expect(canonicalJson(deriveCanonicalBody(layout, reordered))).toBe(canonicalJson(deriveCanonicalBody(layout, entry)));
    verifyEntrySignature(layout, reordered);
  });
});
