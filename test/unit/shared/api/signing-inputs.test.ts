import { describe, expect, it } from 'vitest';
import { parseApiInput, validateApiInput } from '../../../../shared/api/index.js';

const ARTIFACT = 'ab'.repeat(16);

describe('signing and keys input schemas', () => {
  describe('given valid inputs', () => {
    it('passes them through unchanged', () => {
      expect(parseApiInput('keys.generate', { type: 'pgp', name: 'maintainer', passphrase: 'p', email: 'm@example.org' })).toEqual({ type: 'pgp', name: 'maintainer', passphrase: 'p', email: 'm@example.org' });
      expect(parseApiInput('keys.import', { name: 'upstream', keyBase64: 'AAAA' })).toEqual({ name: 'upstream', keyBase64: 'AAAA' });
      expect(parseApiInput('signing.sign', { artifact: ARTIFACT, keyName: 'release', passphrase: 'p', kind: 'dsse' })).toMatchObject({ kind: 'dsse' });
      expect(validateApiInput('keys.list', {})).toEqual([]);
    });
  });

  describe('given bad inputs', () => {
    it('reports every problem with its pointer', () => {
      expect(validateApiInput('keys.generate', { type: 'rsa', name: '-x', passphrase: '' }).map((p) => p.pointer).sort()).toEqual(['/name', '/passphrase', '/type']);
      expect(validateApiInput('keys.generate', { type: 'pgp', name: 'm', passphrase: 'p' })).toEqual([{ pointer: '/email', message: 'is required for pgp keys (it goes into the user ID)' }]);
      expect(validateApiInput('keys.import', { name: 'k', keyBase64: 'not base64!' }).map((p) => p.pointer)).toEqual(['/keyBase64']);
      expect(validateApiInput('keys.exportPublic', { name: 'k', path: '/etc/passwd' }).map((p) => p.pointer)).toEqual(['/path']);
      // A staged artefact is named by its id only: never by a path.
      expect(validateApiInput('signing.sign', { artifact: '../../etc/passwd', keyName: 'k', passphrase: 'p' }).map((p) => p.pointer)).toEqual(['/artifact']);
      expect(validateApiInput('signing.sign', { artifact: ARTIFACT, keyName: 'k', passphrase: 'p', kind: 'intoto' }).map((p) => p.pointer)).toEqual(['/kind']);
      expect(validateApiInput('signing.sign', { artifact: ARTIFACT, keyName: 'k', passphrase: 'x'.repeat(1025) }).map((p) => p.pointer)).toEqual(['/passphrase']);
      expect(() => parseApiInput('signing.sign', { artifact: ARTIFACT, keyName: 'k' })).toThrow(expect.objectContaining({ code: 'input_invalid' }));
    });
  });
});
