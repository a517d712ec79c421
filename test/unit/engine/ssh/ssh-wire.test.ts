import { describe, expect, it } from 'vitest';
import { concatBytes, utf8 } from '../../../../shared/encoding/index.js';
import { marshalSshPublicKey, marshalSshSignature, marshalSshsig, SshReader, SshWireError, sshMpint, sshString, sshUint32, sshsigSignedData, type SshWireProblem } from '../../../../electron/engine/ssh/index.js';

function problemOf(fn: () => unknown): SshWireProblem {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SshWireError);
    return (error as SshWireError).problem;
  }
  throw new Error('expected an SshWireError');
}

describe('SshReader', () => {
  describe('given a uint32, a string and an mpint', () => {
    const bytes = concatBytes(sshUint32(0xdeadbeef), sshString('héllo'), sshMpint(Uint8Array.of(0x80, 1)));
    it('reads them back', () => {
      const r = new SshReader(bytes);
      expect(r.uint32()).toBe(0xdeadbeef);
      expect(r.text()).toBe('héllo');
      expect(r.mpintMagnitude()).toEqual(Uint8Array.of(0x80, 1));
      r.assertEnd();
    });
  });
  it('reads mpints as x/crypto does: two\'s complement, zero as the empty string', () => {
    const r = new SshReader(concatBytes(sshString(Uint8Array.of(0xff)), sshString(new Uint8Array(0)), sshMpint(255n)));
    expect(r.mpint()).toBe(-1n);
    expect(r.mpint()).toBe(0n);
    expect(r.mpint()).toBe(255n);
  });
  describe('given bad data', () => {
    it.each([
      ['a short uint32', Uint8Array.of(0, 0, 1), (r: SshReader) => r.uint32(), { kind: 'truncated', offset: 0 }],
      ['a string longer than the data', concatBytes(sshUint32(5), utf8('abc')), (r: SshReader) => r.bytes(), { kind: 'truncated', offset: 4 }],
      ['text that is not UTF-8', sshString(Uint8Array.of(0xc3)), (r: SshReader) => r.text(), { kind: 'not_utf8', offset: 5 }],
      ['a negative mpint read as a magnitude', sshString(Uint8Array.of(0x80)), (r: SshReader) => r.mpintMagnitude(), { kind: 'negative_mpint' }],
      ['trailing bytes', Uint8Array.of(1, 2), (r: SshReader) => r.assertEnd(), { kind: 'trailing', count: 2 }],
    ] as const)('throws SshWireError for %s', (_, bytes, read, want) => {
      expect(problemOf(() => read(new SshReader(bytes)))).toEqual(want);
    });
    it('throws what the caller makes of the problem', () => {
      const r = new SshReader(new Uint8Array(0), (problem) => new RangeError(problem.kind));
      expect(() => r.uint32()).toThrow(RangeError);
    });
  });
});

describe('sshMpint', () => {
  it('writes a minimal mpint from a magnitude or a bigint, a 0x00 before a set top bit', () => {
    expect(sshMpint(Uint8Array.of(0, 0, 0x7f))).toEqual(sshString(Uint8Array.of(0x7f)));
    expect(sshMpint(0x80n)).toEqual(sshString(Uint8Array.of(0, 0x80)));
    expect(sshMpint(0n)).toEqual(sshString(new Uint8Array(0)));
    expect(() => sshMpint(-1n)).toThrow(/^bug: /);
  });
});

describe('marshalSshPublicKey', () => {
  it('writes the type, then the fields in wire order', () => {
    const key = new Uint8Array(32).fill(9);
    expect(marshalSshPublicKey({ type: 'ssh-ed25519', key })).toEqual(concatBytes(sshString('ssh-ed25519'), sshString(key)));
    const point = Uint8Array.of(4, 1, 2);
    expect(marshalSshPublicKey({ type: 'ecdsa-sha2-nistp384', point })).toEqual(concatBytes(sshString('ecdsa-sha2-nistp384'), sshString('nistp384'), sshString(point)));
    expect(marshalSshPublicKey({ type: 'ssh-rsa', e: 65537n, n: Uint8Array.of(0xc0, 1) })).toEqual(concatBytes(sshString('ssh-rsa'), sshMpint(65537n), sshString(Uint8Array.of(0, 0xc0, 1))));
  });
});

describe('marshalSshsig', () => {
  it('lays out PROTOCOL.sshsig\'s blob and signed data', () => {
    const signature = marshalSshSignature({ format: 'ssh-ed25519', blob: Uint8Array.of(1) });
    expect(signature).toEqual(concatBytes(sshString('ssh-ed25519'), sshString(Uint8Array.of(1))));
    const blob = marshalSshsig({ publicKey: Uint8Array.of(2), namespace: 'file', hashAlgorithm: 'sha512', signature });
    expect(blob).toEqual(concatBytes(utf8('SSHSIG'), sshUint32(1), sshString(Uint8Array.of(2)), sshString('file'), sshString(''), sshString('sha512'), sshString(signature)));
    expect(sshsigSignedData({ namespace: 'file', hashAlgorithm: 'sha512', messageHash: Uint8Array.of(3) })).toEqual(
      concatBytes(utf8('SSHSIG'), sshString('file'), sshString(''), sshString('sha512'), sshString(Uint8Array.of(3))),
    );
  });
});
