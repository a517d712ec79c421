import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../../../../shared/encoding/index.js';
import { formatIp } from '../../../../../electron/engine/types/builtin/certificate-names.js';
import { decodeDsseBase64, decodeGoBase64, decodeProtoBytes } from '../../../../../electron/engine/types/builtin/go-base64.js';
import { decodePem, encodePem } from '../../../../../electron/engine/types/builtin/go-pem.js';
import { userIdEmail } from '../../../../../electron/engine/types/builtin/pgp-key-index.js';

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : Buffer.from(bytes).toString('latin1'));

describe('decodePem (Go encoding/pem Decode)', () => {
  it.each([
    ['text before the block and headers', 'junk\n-----BEGIN X-----\nProc-Type: 4\n\nAQID\n-----END X-----\nrest', 'X', '010203', 'rest'],
    ['spaces and tabs inside the base64', '-----BEGIN X-----\nAQ ID\t\n-----END X-----\n', 'X', '010203', ''],
    ['a first candidate whose END type differs', '-----BEGIN X-----\nAQID\n-----END Y-----\n-----BEGIN Z-----\nBA==\n-----END Z-----\n', 'Z', '04', ''],
  ])('given %s', (_, input, type, hex, rest) => {
    const decoded = decodePem(utf8(input))!;
    expect(decoded.block.type).toBe(type);
    expect(toHex(decoded.block.bytes)).toBe(hex);
    expect(text(decoded.rest)).toBe(rest);
  });
  it('returns undefined when there is no block', () => {
    expect(decodePem(utf8('-----BEGIN X-----\nAQID\n'))).toBeUndefined();
  });
  it('encodes 64-column lines and a final newline, as pem.EncodeToMemory', () => {
    expect(text(encodePem('T', new Uint8Array(50)))).toBe(`-----BEGIN T-----\n${'A'.repeat(64)}\nAAA=\n-----END T-----\n`);
  });
});

describe('base64 as the Go servers read it', () => {
  it.each([
    ['AQID', '010203'],
    ['AQ\r\nID', '010203'],
    ['AQI', undefined],
  ])('decodeGoBase64(%j) is %s', (input, hex) => expect(decodeGoBase64(input) && toHex(decodeGoBase64(input)!)).toBe(hex));
  it.each([
    ['AQID', '010203'],
    ['AQI', '0102'],
    ['-_8', 'fbff'],
    ['+_8', undefined],
    ['AQI=', '0102'],
    ['AQ=', undefined],
  ])('decodeProtoBytes(%j) is %s', (input, hex) => expect(decodeProtoBytes(input) && toHex(decodeProtoBytes(input)!)).toBe(hex));
  it('decodeDsseBase64 falls back to the padded URL alphabet', () => {
    expect(toHex(decodeDsseBase64('-_8=')!)).toBe('fbff');
    expect(decodeDsseBase64('-_8')).toBeUndefined();
  });
});

describe('formatIp (Go net.IP.String)', () => {
  it.each([
    [[192, 0, 2, 7], '192.0.2.7'],
    [[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4], '1.2.3.4'],
    [[0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], '1:0:0:1::1'],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], '::1'],
  ])('%j is %s', (bytes, want) => expect(formatIp(new Uint8Array(bytes))).toBe(want));
});

describe('userIdEmail (go-crypto parseUserId)', () => {
  it.each([
    ['Name <a@example.com>', 'a@example.com'],
    ['Name (comment) <b@example.com>', 'b@example.com'],
    ['c@example.com', 'c@example.com'],
    ['Just A Name', ''],
    ['Open <unterminated@example.com', 'unterminated@example.com'],
  ])('%j gives %j', (id, email) => expect(userIdEmail(id)).toBe(email));
});
