import { tryFromBase64 } from '../../../shared/encoding/index.js';

/** One PEM block: its label (`CERTIFICATE`, `PUBLIC KEY`, …) and DER bytes. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+?)-----END \1-----/;

/** Returns the first PEM block of `text`, or undefined when there is none or its base64 is invalid. */
export function decodePem(text: string): PemBlock | undefined {
  const match = PEM_BLOCK.exec(text);
  if (!match) return undefined;
  const der = tryFromBase64(match[2]!.replace(/\s/g, ''));
  return der === undefined || der.length === 0 ? undefined : { label: match[1]!, der };
}

/** Returns the PEM text of DER bytes under `label`, 64 base64 characters a line. */
export function encodePem(label: string, der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
