import { describe, expect, it } from 'vitest';
import { isReservedKind, isValidIndexName, isValidKind, isValidVersion, RESERVED_KINDS } from '../../../../shared/layout/index.js';

describe('isValidKind', () => {
  it.each(['release-record', 'a', 'x1', 'sbom-v2-attestation', 'a'.repeat(64)])('accepts %j', (kind) => expect(isValidKind(kind)).toBe(true));
  it.each(['', 'Release', 'release_record', '1abc', '-abc', 'abc-', 'a b', 'é', 'a'.repeat(65), 'release.record'])('rejects %j', (kind) => expect(isValidKind(kind)).toBe(false));
});

describe('isReservedKind', () => {
  it.each(['hashedrekord', 'rekord', 'dsse', 'intoto', 'layout'])('reserves the built-in kind %s', (kind) => expect(isReservedKind(kind)).toBe(true));
  it.each(['alpine', 'cose', 'helm', 'jar', 'rfc3161', 'rpm', 'tuf'])('reserves Rekor\'s kind %s', (kind) => expect(isReservedKind(kind)).toBe(true));
  it('reserves nothing else', () => {
    expect(RESERVED_KINDS).toHaveLength(12);
    expect(isReservedKind('release-record')).toBe(false);
  });
});

describe('isValidVersion', () => {
  it.each(['0.0.1', '1.2.3', '10.20.30', '1.0.0-rc.1', '1.0.0-alpha-1', '0.0.1-0'])('accepts %j', (v) => expect(isValidVersion(v)).toBe(true));
  it.each(['1.0', '1', 'v1.0.0', '01.0.0', '1.0.0+build', '1.0.0-', '1.0.0-01', '1.0.0-a..b', '1.0.0 '])('rejects %j', (v) => expect(isValidVersion(v)).toBe(false));
});

describe('isValidIndexName', () => {
  it.each(['builder', 'email-hash', 'sbom.format', 'a_b', 'x9'])('accepts %j', (n) => expect(isValidIndexName(n)).toBe(true));
  it.each(['', 'Builder', '9x', 'a=b', 'a b', '-a'])('rejects %j', (n) => expect(isValidIndexName(n)).toBe(false));
});
