/**
 * PEM as Go's `encoding/pem` reads and writes it. Rekor re-encodes every PEM it stores with
 * `pem.EncodeToMemory`, so the canonical bodies depend on these exact bytes (64-column base64,
 * a final newline); decoding mirrors `pem.Decode`'s tolerance (text before the block, headers,
 * spaces and tabs inside the base64).
 */

import { toBase64 } from '../../../../shared/encoding/index.js';
import { decodeGoBase64 } from './go-base64.js';

/** One decoded PEM block. */
export interface PemBlock {
  readonly type: string;
  readonly headers: ReadonlyMap<string, string>;
  readonly bytes: Uint8Array;
}

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const PEM_END_OF_LINE = '-----';

/** Converts bytes to a string of one char per byte (Go strings are bytes). */
export function byteString(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Converts a string of one char per byte back to bytes. */
export function bytesOfByteString(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function getLine(data: string): [line: string, rest: string] {
  const i = data.indexOf('\n');
  const line = i < 0 ? data : data.slice(0, i);
  const rest = i < 0 ? '' : data.slice(i + 1);
  return [line.replace(/[ \t\r]+$/, ''), rest];
}

/**
 * Returns the first PEM block in `data` and the bytes after it, or undefined when there is none.
 * Follows Go's `pem.Decode`: malformed candidate blocks are skipped, not fatal.
 */
export function decodePem(data: Uint8Array): { block: PemBlock; rest: Uint8Array } | undefined {
  const text = byteString(data);
  let rest = text;
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) rest = rest.slice(PEM_START.length - 1);
    else {
      const at = rest.indexOf(PEM_START);
      if (at < 0) return undefined;
      rest = rest.slice(at + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(PEM_END_OF_LINE)) continue;
    const type = typeLine.slice(0, -PEM_END_OF_LINE.length);
    const headers = new Map<string, string>();
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const colon = line.indexOf(':');
      if (colon < 0) break;
      headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      rest = next;
    }
    if (truncated) return undefined;
    let endIndex: number;
    let endTrailerIndex: number;
    if (headers.size === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;
    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLength = type.length + PEM_END_OF_LINE.length;
    if (endTrailer.length < endTrailerLength) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLength);
    endTrailer = endTrailer.slice(0, endTrailerLength);
    if (!endTrailer.startsWith(type) || !endTrailer.endsWith(PEM_END_OF_LINE)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;
    const bytes = decodeGoBase64(rest.slice(0, endIndex).replace(/[ \t]/g, ''));
    if (bytes === undefined) continue;
    const after = getLine(rest.slice(endIndex + PEM_END.length - 1))[1];
    return { block: { type, headers, bytes }, rest: bytesOfByteString(after) };
  }
}

/** Returns `pem.EncodeToMemory(&pem.Block{Type: type, Bytes: bytes})`: 64-column base64 and a final newline. */
export function encodePem(type: string, bytes: Uint8Array): Uint8Array {
  const b64 = toBase64(bytes);
  let text = `-----BEGIN ${type}-----\n`;
  for (let i = 0; i < b64.length; i += 64) text += `${b64.slice(i, i + 64)}\n`;
  text += `-----END ${type}-----\n`;
  return bytesOfByteString(text);
}

/** Returns `data` without leading and trailing ASCII white space, as Go's `bytes.TrimSpace` for ASCII input. */
export function trimSpace(data: Uint8Array): Uint8Array {
  const isSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);
  let start = 0;
  let end = data.length;
  while (start < end && isSpace(data[start]!)) start++;
  while (end > start && isSpace(data[end - 1]!)) end--;
  return data.subarray(start, end);
}
