import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../shared/api/index.js';
import { localTrustedRoot } from '../../../../electron/engine/sigstore/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';

function ed25519Raw(): Uint8Array {
  const der = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
  return new Uint8Array(der.subarray(12));
}

function logIdHex(origin: string, raw: Uint8Array): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from(origin), Buffer.from([0x0a, 0x01]), raw])).digest('hex');
}

describe('localTrustedRoot', () => {
  describe('given the local log\'s origin, key, log ID and creation time', () => {
    it('returns a trusted root with exactly one Ed25519 tlog and empty CA, CT and TSA lists', () => {
      const raw = ed25519Raw();
      const root = localTrustedRoot({ origin: 'provwb.local/host-1', publicKeyRaw32: raw, logIdHex: logIdHex('provwb.local/host-1', raw), validFromMs: 1_767_225_600_750 });
      expect(root).toEqual({
        mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
        tlogs: [
          {
            baseUrl: 'https://provwb.local/host-1',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
              rawBytes: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]).toString('base64'),
              keyDetails: 'PKIX_ED25519',
              // Rounded down to the second: an entry of the log's first second is integrated at …:00.
              validFor: { start: '2026-01-01T00:00:00.000Z' },
            },
            logId: { keyId: Buffer.from(logIdHex('provwb.local/host-1', raw), 'hex').toString('base64') },
          },
        ],
        certificateAuthorities: [],
        ctlogs: [],
        timestampAuthorities: [],
      });
    });
  });

  describe('given inconsistent or unusable input', () => {
    const raw = ed25519Raw();
    it('throws log_id_mismatch for a log ID of another origin or an SPKI hash', () => {
      expectWorkbenchError(() => localTrustedRoot({ origin: 'a.example/log', publicKeyRaw32: raw, logIdHex: logIdHex('b.example/log', raw), validFromMs: 0 }), InputError, 'log_id_mismatch');
      const spkiHash = createHash('sha256').update(Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw])).digest('hex');
      expectWorkbenchError(() => localTrustedRoot({ origin: 'a.example/log', publicKeyRaw32: raw, logIdHex: spkiHash, validFromMs: 0 }), InputError, 'log_id_mismatch');
    });

    it('throws origin_invalid for an origin sigstore-js would read as a pattern', () => {
      for (const origin of ['', 'a b', 'log(1)', 'log|x', 'a*']) {
        expectWorkbenchError(() => localTrustedRoot({ origin, publicKeyRaw32: raw, logIdHex: logIdHex(origin, raw), validFromMs: 0 }), InputError, 'origin_invalid');
      }
    });

    it('throws key_invalid for a key that is not 32 bytes and time_invalid for a bad time', () => {
      expectWorkbenchError(() => localTrustedRoot({ origin: 'a.example', publicKeyRaw32: raw.subarray(1), logIdHex: '00', validFromMs: 0 }), InputError, 'key_invalid');
      expectWorkbenchError(() => localTrustedRoot({ origin: 'a.example', publicKeyRaw32: raw, logIdHex: logIdHex('a.example', raw), validFromMs: -1 }), InputError, 'time_invalid');
    });
  });
});
