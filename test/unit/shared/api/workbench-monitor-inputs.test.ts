import { describe, expect, it } from 'vitest';
import { InputError, parseApiInput, validateApiInput, watchValueProblems } from '../../../../shared/api/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';

const DIGEST = 'a'.repeat(64);
const pointers = (method: Parameters<typeof validateApiInput>[0], input: unknown) => validateApiInput(method, input).map((p) => p.pointer);

describe('monitor.addWatch input', () => {
  it.each([
    [{ type: 'sha256', value: DIGEST }],
    [{ type: 'sha256', value: `sha256:${DIGEST.toUpperCase()}`, remote: 'rekor.v1' }],
    [{ type: 'key_fingerprint', value: 'ab:cd:ef:01:23:45:67:89:ab:cd' }],
    [{ type: 'key_fingerprint', value: 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s' }],
    [{ type: 'email', value: '*@example.org' }],
    [{ type: 'email', value: 'https://github.com/acme/app/.github/workflows/release.yml' }],
    [{ type: 'field', value: 'package=left-pad' }],
  ])('accepts %j', (input) => {
    expect(validateApiInput('monitor.addWatch', input)).toEqual([]);
  });

  it.each([
    ['sha256', 'abc'],
    ['sha256', `${DIGEST}0`],
    ['key_fingerprint', 'not-hex-at-all'],
    ['key_fingerprint', '0123'],
    ['email', 'release example.org'],
    ['field', 'no-equals-sign'],
    ['field', '=value'],
  ])('given a %s watch with value %j, reports /value', (type, value) => {
    expect(pointers('monitor.addWatch', { type, value })).toEqual(['/value']);
  });

  it('given an unknown type, a bad remote name and an extra field, reports each at its pointer', () => {
    expect(pointers('monitor.addWatch', { type: 'uuid', value: 'x', remote: '-no', extra: true }).sort()).toEqual(['/extra', '/remote', '/type']);
  });

  it('checks the value the way the form shows it (watchValueProblems)', () => {
    expect(watchValueProblems({ type: 'sha256', value: ` ${DIGEST} ` })).toEqual([]);
    expect(watchValueProblems({ type: 'email', value: 'no body' })[0]!.pointer).toBe('/value');
  });
});

describe('alerts, signers, webhook and witness inputs', () => {
  it.each([
    ['monitor.alerts', {}],
    ['monitor.alerts', { state: 'new', limit: 10 }],
    ['monitor.check', {}],
    ['monitor.check', { offline: true }],
    ['monitor.ack', { id: 1 }],
    ['monitor.suppress', { id: 42 }],
    ['monitor.allowSigner', { fingerprint: DIGEST }],
    ['monitor.setWebhook', { url: 'http://127.0.0.1:9000/hook' }],
    ['monitor.clearWebhook', {}],
    ['monitor.webhook', {}],
    ['monitor.signers', {}],
    ['monitor.watches', {}],
    ['witness.key', {}],
  ] as const)('accepts %s %j', (method, input) => {
    expect(validateApiInput(method, input)).toEqual([]);
  });

  it.each([
    ['monitor.alerts', { state: 'open' }, '/state'],
    ['monitor.alerts', { limit: 0 }, '/limit'],
    ['monitor.check', { offline: 'yes' }, '/offline'],
    ['monitor.ack', { id: 0 }, '/id'],
    ['monitor.suppress', { id: 1.5 }, '/id'],
    ['monitor.allowSigner', { fingerprint: 'zz' }, '/fingerprint'],
    ['monitor.setWebhook', { url: 'ftp://example.org/hook' }, '/url'],
    ['monitor.setWebhook', { url: 'javascript:alert(1)' }, '/url'],
    ['witness.key', { name: 'x' }, '/name'],
  ] as const)('refuses %s %j at %s', (method, input, pointer) => {
    expect(pointers(method, input)).toEqual([pointer]);
  });

  it('parseApiInput throws input_invalid with every problem', () => {
    const error = expectWorkbenchError(() => parseApiInput('monitor.addWatch', { type: 'sha256' }), InputError, 'input_invalid');
    expect((error.details!.problems as Array<{ pointer: string }>).map((p) => p.pointer)).toEqual(['/value']);
  });
});
