import { describe, expect, it } from 'vitest';
import { InputError, parseApiInput, validateApiInput } from '../../../../shared/api/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';

const VKEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ada3TYrRAQJP6TBi';
const pointers = (method: Parameters<typeof validateApiInput>[0], input: unknown) => validateApiInput(method, input).map((p) => p.pointer);

describe('remotes.add input', () => {
  it('accepts a sumdb remote, a file:// tiles remote and a Rekor v1 remote with a PEM key and origin', () => {
    expect(validateApiInput('remotes.add', { name: 'gosum', type: 'sumdb', url: 'https://sum.golang.org', key: VKEY })).toEqual([]);
    expect(validateApiInput('remotes.add', { name: 'team.log_1', type: 'tiles', url: 'file:///media/usb/team-log', key: VKEY })).toEqual([]);
    expect(validateApiInput('remotes.add', { name: 'rekor', type: 'rekor', url: 'http://127.0.0.1:8080', key: '-----BEGIN PUBLIC KEY-----\nMFk…\n-----END PUBLIC KEY-----', origin: 'rekor.example' })).toEqual([]);
  });

  it('given every field wrong, reports each at its pointer', () => {
    expect(pointers('remotes.add', { name: '-bad name', type: 'git', url: 'ftp://x', key: '   ', origin: 'two\nlines', extra: 1 }).sort()).toEqual(['/extra', '/key', '/name', '/origin', '/type', '/url']);
  });

  it('given a file:// URL for a Rekor v1 API, reports /url', () => {
    expect(pointers('remotes.add', { name: 'r', type: 'rekor', url: 'file:///tmp/x', key: VKEY })).toEqual(['/url']);
  });

  it('given missing fields, says they are required; parseApiInput throws input_invalid with all of them', () => {
    expect(pointers('remotes.add', { name: 'x' }).sort()).toEqual(['/key', '/type', '/url']);
    const error = expectWorkbenchError(() => parseApiInput('remotes.add', {}), InputError, 'input_invalid');
    expect((error.details!.problems as unknown[]).length).toBe(4);
  });
});

describe('sync, checkpoints, forks, audit and tasks inputs', () => {
  it.each([
    ['remotes.sync', { name: 'gosum' }],
    ['remotes.sync', { name: 'gosum', toSize: 0 }],
    ['remotes.checkpoints', { name: 'gosum', limit: 50 }],
    ['remotes.cosign', { name: 'gosum' }],
    ['forks.get', { id: 1 }],
    ['audit.run', { log: 'local' }],
    ['tasks.get', { id: 'sync-0123456789abcdef' }],
    ['tasks.cancel', { id: 'audit-0123456789abcdef' }],
    ['remotes.list', {}],
    ['forks.list', {}],
    ['tasks.list', {}],
  ] as const)('accepts %s %j', (method, input) => {
    expect(validateApiInput(method, input)).toEqual([]);
  });

  it.each([
    ['remotes.sync', { name: 'gosum', toSize: -1 }, '/toSize'],
    ['remotes.sync', { name: 'gosum', toSize: 1.5 }, '/toSize'],
    ['remotes.checkpoints', { name: 'gosum', limit: 0 }, '/limit'],
    ['forks.get', { id: 0 }, '/id'],
    ['forks.get', { id: '1' }, '/id'],
    ['audit.run', { log: '../etc' }, '/log'],
    ['tasks.get', { id: 'sync-xyz' }, '/id'],
    ['tasks.cancel', { id: '__proto__' }, '/id'],
    ['remotes.list', { all: true }, '/all'],
  ] as const)('refuses %s %j at %s', (method, input, pointer) => {
    expect(pointers(method, input)).toEqual([pointer]);
  });
});
