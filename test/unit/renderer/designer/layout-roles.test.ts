import { describe, expect, it } from 'vitest';
import { assignRole, indexNameFor, roleOptionValue, rolesOfPointer, setRoleOption } from '../../../../renderer/src/views/designer/layout-roles.js';

const base = { layoutVersion: 1, kind: 'k', version: '0.0.1', schema: {}, roles: { signature: { pointer: '/sig', format: 'minisign', signs: 'digest' } } };

describe('assignRole', () => {
  it('given a new main role, adds it with defaults; given an existing one, keeps its format', () => {
    const withDigest = assignRole(base, { role: 'digest', pointer: '/sha' }) as typeof base & { roles: Record<string, unknown> };
    expect(withDigest.roles['digest']).toEqual({ algorithm: 'sha256', pointer: '/sha' });
    const moved = assignRole(withDigest, { role: 'signature', pointer: '/other' }) as typeof withDigest;
    expect(moved.roles['signature']).toEqual({ pointer: '/other', format: 'minisign', signs: 'digest' });
    expect(base.roles.signature.pointer).toBe('/sig');
  });

  it('adds an extra-data pointer once and sets index fields by name', () => {
    let doc = assignRole(base, { role: 'extraData', pointer: '/extra' });
    doc = assignRole(doc, { role: 'extraData', pointer: '/extra' });
    doc = assignRole(doc, { role: 'index', name: 'url', pointer: '/URL' });
    expect(doc).toMatchObject({ roles: { extraData: ['/extra'] }, index: { url: '/URL' } });
    expect(rolesOfPointer(doc, '/extra')).toEqual(['extra data']);
    expect(rolesOfPointer(doc, '/URL')).toEqual(['index url']);
    expect(rolesOfPointer(doc, '/sig')).toEqual(['signature']);
  });

  it('given a document that is not an object, returns it unchanged', () => {
    expect(assignRole([1], { role: 'digest', pointer: '/a' })).toEqual([1]);
  });
});

describe('indexNameFor', () => {
  it.each([
    ['/URL', 'url'],
    ['/ExtraData/build-system', 'build-system'],
    ['/a~1b Name', 'a-b-name'],
    ['/2fa', 'fa'],
    ['/', 'field'],
  ])('names %s as %s', (pointer, name) => {
    expect(indexNameFor(pointer)).toBe(name);
    expect(name).toMatch(/^[a-z][a-z0-9._-]{0,63}$/);
  });
});

describe('setRoleOption / roleOptionValue', () => {
  it('changes one setting of a role and keeps the rest; creates an absent role with its defaults', () => {
    const doc = setRoleOption(base, { role: 'signature', member: 'signs' }, 'statement');
    expect(doc).toMatchObject({ roles: { signature: { pointer: '/sig', format: 'minisign', signs: 'statement' } } });
    expect(roleOptionValue(doc, { role: 'signature', member: 'signs' })).toBe('statement');
    expect(roleOptionValue(base, { role: 'publicKey', member: 'format' })).toBe('');
    const withKey = setRoleOption(base, { role: 'publicKey', member: 'format' }, 'minisign');
    expect(withKey).toMatchObject({ roles: { publicKey: { format: 'minisign', pointer: '' } } });
  });
});
