/**
 * The subject alternative names of an X.509 certificate, in the order sigstore's
 * `cryptoutils.GetSubjectAlternateNames` lists them (Rekor's `Subjects()`): DNS names, email
 * addresses, IP addresses, URIs, then the Fulcio OtherName (1.3.6.1.4.1.57264.1.7) when there is
 * exactly one.
 */

import { DerError, oidText, readDer, readDerChildren, type DerElement } from './der-reader.js';
import { byteString } from './go-pem.js';

/** SANs of one certificate, grouped by kind. */
export interface SubjectAltNames {
  readonly dnsNames: readonly string[];
  readonly emails: readonly string[];
  readonly ips: readonly string[];
  readonly uris: readonly string[];
  readonly otherName: string | undefined;
}

const SAN_OID = '2.5.29.17';
const FULCIO_OTHER_NAME_OID = '1.3.6.1.4.1.57264.1.7';
const EMPTY: SubjectAltNames = { dnsNames: [], emails: [], ips: [], uris: [], otherName: undefined };

/** Returns Go's `net.IP.String()` of a 4- or 16-byte address. */
export function formatIp(bytes: Uint8Array): string {
  const isV4Mapped = bytes.length === 16 && bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (bytes.length === 4 || isV4Mapped) return Array.from(bytes.subarray(bytes.length - 4)).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function extensionsOf(certificateDer: Uint8Array): DerElement[] {
  const certificate = readDer(certificateDer).element;
  const tbs = readDerChildren(certificate.contents)[0];
  if (!tbs) throw new DerError('certificate without tbsCertificate');
  const explicit = readDerChildren(tbs.contents).find((e) => e.tag === 0xa3);
  if (!explicit) return [];
  return readDerChildren(readDer(explicit.contents).element.contents);
}

function parseOtherName(element: DerElement): string | undefined {
  const [oid, value] = readDerChildren(element.contents);
  if (!oid || oid.tag !== 0x06 || !value || value.tag !== 0xa0) return undefined;
  if (oidText(oid.contents) !== FULCIO_OTHER_NAME_OID) return undefined;
  const inner = readDer(value.contents).element;
  return inner.tag === 0x0c ? Buffer.from(inner.contents).toString('utf8') : undefined;
}

/**
 * Returns the SANs of a DER certificate; an unreadable or absent extension gives none (the
 * certificate itself was already parsed by node:crypto, so this only reads names).
 */
export function subjectAltNames(certificateDer: Uint8Array): SubjectAltNames {
  try {
    const extension = extensionsOf(certificateDer).find((ext) => {
      const oid = readDerChildren(ext.contents)[0];
      return oid !== undefined && oid.tag === 0x06 && oidText(oid.contents) === SAN_OID;
    });
    if (!extension) return EMPTY;
    const parts = readDerChildren(extension.contents);
    const value = parts[parts.length - 1];
    if (!value || value.tag !== 0x04) return EMPTY;
    const names = readDerChildren(readDer(value.contents).element.contents);
    const dnsNames: string[] = [];
    const emails: string[] = [];
    const ips: string[] = [];
    const uris: string[] = [];
    const otherNames: (string | undefined)[] = [];
    for (const name of names) {
      switch (name.tag) {
        case 0x81:
          emails.push(byteString(name.contents));
          break;
        case 0x82:
          dnsNames.push(byteString(name.contents));
          break;
        case 0x86:
          uris.push(byteString(name.contents));
          break;
        case 0x87:
          if (name.contents.length === 4 || name.contents.length === 16) ips.push(formatIp(name.contents));
          break;
        case 0xa0:
          otherNames.push(parseOtherName(name));
          break;
        default:
          break;
      }
    }
    // sigstore returns no OtherName unless there is exactly one, with the Fulcio OID.
    const otherName = otherNames.length === 1 ? otherNames[0] : undefined;
    return { dnsNames, emails, ips, uris, otherName };
  } catch (error) {
    if (error instanceof DerError) return EMPTY;
    throw error;
  }
}

/** Returns the SANs in Rekor's `Subjects()` order. */
export function subjectsInRekorOrder(names: SubjectAltNames): string[] {
  return [...names.dnsNames, ...names.emails, ...names.ips, ...names.uris, ...(names.otherName === undefined ? [] : [names.otherName])];
}
