import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../renderer/src/search/parse-search.js';

const HEX64 = 'ab'.repeat(32);

describe('parseSearchQuery', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  42 ', { kind: 'index', logIndex: 42 }],
    ['#7', { kind: 'index', logIndex: 7 }],
    ['index: 9', { kind: 'index', logIndex: 9 }],
    [HEX64, { kind: 'search', queries: [{ sha256: HEX64 }, { uuid: HEX64 }] }],
    [HEX64.toUpperCase(), { kind: 'search', queries: [{ sha256: HEX64 }, { uuid: HEX64 }] }],
    [`sha256:${HEX64}`, { kind: 'search', queries: [{ sha256: HEX64 }] }],
    [`uuid:${HEX64}`, { kind: 'search', queries: [{ uuid: HEX64 }] }],
    [`24296fb24b8ad77a${HEX64}`, { kind: 'search', queries: [{ uuid: `24296fb24b8ad77a${HEX64}` }] }],
    ['SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s', { kind: 'search', queries: [{ keyFingerprint: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' }] }],
    ['4F2A 1C9E 0011 2233', { kind: 'search', queries: [{ keyFingerprint: '4F2A 1C9E 0011 2233' }] }],
    ['alice@example.com', { kind: 'search', queries: [{ email: 'alice@example.com' }] }],
    ['*@example.org', { kind: 'search', queries: [{ email: '*@example.org' }] }],
    ['project=provwb', { kind: 'search', queries: [{ fields: ['project=provwb'] }] }],
    ['field:url=https://example.com/a=b', { kind: 'search', queries: [{ fields: ['url=https://example.com/a=b'] }] }],
  ])('reads %j', (text, want) => {
    expect(parseSearchQuery(text)).toMatchObject(want);
  });

  it.each(['hello world', 'sha256:abc', 'uuid:xyz', '#x', 'field:noequals'])('refuses %j with a message', (text) => {
    const intent = parseSearchQuery(text);
    expect(intent.kind).toBe('invalid');
  });
});
