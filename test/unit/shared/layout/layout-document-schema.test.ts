import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { LAYOUT_DOCUMENT_SCHEMA, validateLayout } from '../../../../shared/layout/index.js';
import { loadLayoutVectors, readExample } from './layout-test-helpers.js';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(LAYOUT_DOCUMENT_SCHEMA);
const vectors = loadLayoutVectors();
const EXAMPLES = ['release-record-0.0.1', 'release-record-0.0.2', 'build-provenance-0.0.1', 'sbom-attestation-0.0.1', 'identity-record-0.0.1'];

// Problems the JSON Schema can see (structure); pointer resolution and compiling are validateLayout's alone.
const STRUCTURAL = new Set(['not_object', 'missing_member', 'unknown_member', 'wrong_type', 'unsupported_layout_version', 'kind_invalid', 'kind_reserved', 'version_invalid', 'algorithm_unknown', 'format_unknown', 'index_name_invalid']);

describe('LAYOUT_DOCUMENT_SCHEMA', () => {
  it('compiles in Ajv strict mode', () => {
    expect(typeof validate).toBe('function');
  });
  it('accepts every example layout and every layout validateLayout accepts in the vectors', () => {
    const valid = [...EXAMPLES.map((n) => readExample(`${n}.layout.json`)), ...vectors.filter((v) => v.layout && validateLayout(v.layout).length === 0).map((v) => v.layout)];
    expect(valid.length).toBeGreaterThan(20);
    for (const layout of valid) expect(validate(layout), JSON.stringify(validate.errors)).toBe(true);
  });
  it.each(vectors.filter((v) => v.wantLayoutProblems?.some((p) => STRUCTURAL.has(p.code))).map((v) => [v.file, v] as const))('rejects %s as validateLayout does', (_, v) => {
    expect(validate(v.layout)).toBe(false);
  });
});
