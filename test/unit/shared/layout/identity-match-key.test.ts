import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityMatchKey, saltedEmailHash } from '../../../../shared/layout/index.js';

const SALT = 'a1'.repeat(16);

describe('saltedEmailHash', () => {
  it('is hex SHA-256(salt bytes ‖ UTF-8 email), checked with node:crypto', () => {
    const want = createHash('sha256').update(Buffer.from(SALT, 'hex')).update('alice@example.org').digest('hex');
    expect(saltedEmailHash('alice@example.org', SALT)).toBe(want);
    expect(saltedEmailHash('alice@example.org', Buffer.from(SALT, 'hex'))).toBe(want);
  });
  it('normalises case, surrounding space and Unicode composition', () => {
    const composed = saltedEmailHash('jos\u00e9@example.org', SALT);
    expect(saltedEmailHash(' JOSE\u0301@Example.org\n', SALT)).toBe(composed);
  });
  it('differs per salt', () => {
    expect(saltedEmailHash('alice@example.org', SALT)).not.toBe(saltedEmailHash('alice@example.org', 'b2'.repeat(16)));
  });
  it('refuses salts under 16 bytes and salts that are not lowercase hex', () => {
    expect(() => saltedEmailHash('a@b', 'a1'.repeat(15))).toThrow(/bug: salt/);
    expect(() => saltedEmailHash('a@b', 'A1'.repeat(16))).toThrow(/bug: salt/);
  });
});

describe('identityMatchKey', () => {
  it('is the field key email-hash=<salted hash>', () => {
    expect(identityMatchKey('alice@example.org', SALT)).toEqual({ type: 'field', value: `email-hash=${saltedEmailHash('alice@example.org', SALT)}` });
  });
});
