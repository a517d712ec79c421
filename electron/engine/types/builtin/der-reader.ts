/** A minimal DER reader: enough to walk a certificate to its extensions and a SubjectPublicKeyInfo. */

/** One DER element: class/constructed/tag number from the identifier octet, and its contents. */
export interface DerElement {
  /** The identifier octet (e.g. 0x30 SEQUENCE, 0xa3 [3] constructed, 0x82 [2] primitive). */
  readonly tag: number;
  readonly contents: Uint8Array;
  /** The whole element, header included. */
  readonly raw: Uint8Array;
}

/** Thrown (and caught by callers) when DER is malformed; never escapes a public function. */
export class DerError extends Error {}

/** Returns the element at the start of `data` and the bytes after it. Throws DerError when malformed. */
export function readDer(data: Uint8Array): { element: DerElement; rest: Uint8Array } {
  if (data.length < 2) throw new DerError('truncated DER header');
  const tag = data[0]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte DER tags are not supported');
  let length = data[1]!;
  let offset = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length');
    if (data.length < 2 + count) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + data[2 + i]!;
    offset += count;
  }
  if (data.length < offset + length) throw new DerError('truncated DER contents');
  return {
    element: { tag, contents: data.subarray(offset, offset + length), raw: data.subarray(0, offset + length) },
    rest: data.subarray(offset + length),
  };
}

/** Returns every element inside a constructed element's contents, in order. Throws DerError when malformed. */
export function readDerChildren(contents: Uint8Array): DerElement[] {
  const out: DerElement[] = [];
  let rest = contents;
  while (rest.length > 0) {
    const read = readDer(rest);
    out.push(read.element);
    rest = read.rest;
  }
  return out;
}

/** Returns the dotted text of a DER OBJECT IDENTIFIER's contents. */
export function oidText(contents: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < contents.length; i++) {
    value = value * 128 + (contents[i]! & 0x7f);
    if ((contents[i]! & 0x80) === 0) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
