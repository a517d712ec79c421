import { describe, expect, it } from 'vitest';
import { generateSignerKey, parseSignerKey } from '../../../../shared/note/index.js';
import { withNodeEd25519 } from '../../../../electron/engine/crypto/node-note-signer.js';

describe('withNodeEd25519', () => {
  const { skey } = generateSignerKey('provwb.test/fast', new Uint8Array(32).fill(7));
  const noble = parseSignerKey(skey);
  const message = new TextEncoder().encode('{"body":"…","integratedTime":1,"logID":"ab","logIndex":0}');

  it('given the signer\'s own key text, signs exactly as the @noble signer does, with node:crypto', () => {
    const fast = withNodeEd25519(noble, skey);
    expect(fast.sign).not.toBe(noble.sign);
    expect(fast.sign(message)).toEqual(noble.sign(message));
    expect(fast.verifier).toBe(noble.verifier);
  });

  it('uses node:crypto also when the base64 key holds "+" (a split on the last "+" once fell back to @noble for half of all keys)', () => {
    // Seeds until one whose key text has a '+' inside the base64 part (after PRIVATE+KEY+name+hash+).
    const withPlus = Array.from({ length: 64 }, (_, i) => generateSignerKey('provwb.test/fast', new Uint8Array(32).fill(i + 10))).find((k) => k.skey.split('+').length > 5)!;
    expect(withPlus).toBeDefined();
    const signer = parseSignerKey(withPlus.skey);
    const fast = withNodeEd25519(signer, withPlus.skey);
    expect(fast.sign).not.toBe(signer.sign);
    expect(fast.sign(message)).toEqual(signer.sign(message));
  });

  it.each([
    ['another key\'s text', generateSignerKey('provwb.test/fast', new Uint8Array(32).fill(8)).skey],
    ['no key text', undefined],
    ['text that is no key', 'PRIVATE+KEY+x+y+!!!'],
  ])('given %s, keeps the original signer', (_name, text) => {
    expect(withNodeEd25519(noble, text)).toBe(noble);
  });
});
