import { InputError } from '../../../shared/api/index.js';
import { canonicalJson } from '../../../shared/canonical/index.js';
import { tryDecodeUtf8, tryFromBase64, tryFromHex } from '../../../shared/encoding/index.js';
import { arrayAt, asRecord, recordAt, stringAt } from './json-fields.js';
import { decodePem } from './pem.js';

/** Digest algorithms a tlog body may name, as node:crypto spells them. */
export type DigestAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The signer a tlog body names: a DER X.509 certificate or a DER SubjectPublicKeyInfo. */
export type BodyVerifier = { readonly type: 'certificate'; readonly der: Uint8Array } | { readonly type: 'public_key'; readonly der: Uint8Array };

/** What a Rekor entry body (canonicalizedBody) says about the signature it records. */
export interface TlogBody {
  readonly kind: string;
  readonly apiVersion: string;
  /** True when the bytes are exactly the RFC 8785 canonical JSON of what they parse to. */
  readonly canonical: boolean;
  /** The recorded signatures, raw bytes, in body order. */
  readonly signatures: readonly Uint8Array[];
  /** The recorded digest: of the artefact (hashedrekord) or of the DSSE payload (dsse, intoto). */
  readonly digest: { readonly algorithm: DigestAlgorithm; readonly value: Uint8Array };
  readonly digestOf: 'artifact' | 'dsse_payload';
  /** The signers the body names, one per signature. */
  readonly verifiers: readonly BodyVerifier[];
}

const V1_ALGORITHMS: Readonly<Record<string, DigestAlgorithm>> = { sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const V2_ALGORITHMS: Readonly<Record<string, DigestAlgorithm>> = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512' };

function malformed(kind: string, reason: string): InputError {
  return new InputError('tlog_body_malformed', `the ${kind} tlog body is malformed: ${reason}`, { kind, reason });
}

/** Returns the signer of a Rekor v1 `b64(PEM)` field (certificate or public key). */
function pemVerifier(kind: string, base64Pem: string | undefined): BodyVerifier {
  const pemBytes = base64Pem === undefined ? undefined : tryFromBase64(base64Pem);
  const pem = pemBytes && decodePem(tryDecodeUtf8(pemBytes) ?? '');
  if (!pem) throw malformed(kind, 'the verifier is not base64 of a PEM block');
  if (pem.label === 'CERTIFICATE') return { type: 'certificate', der: pem.der };
  if (pem.label === 'PUBLIC KEY') return { type: 'public_key', der: pem.der };
  throw malformed(kind, `the verifier is a PEM ${pem.label}, not a CERTIFICATE or PUBLIC KEY`);
}

/** Returns the signer of a Rekor v2 `Verifier` message (protobuf JSON). */
function protoVerifier(kind: string, verifier: unknown): BodyVerifier {
  const cert = stringAt(recordAt(verifier, 'x509Certificate'), 'rawBytes');
  const key = stringAt(recordAt(verifier, 'publicKey'), 'rawBytes');
  const der = tryFromBase64(cert ?? key ?? '');
  if (!der || der.length === 0) throw malformed(kind, 'the verifier has neither x509Certificate.rawBytes nor publicKey.rawBytes');
  return { type: cert === undefined ? 'public_key' : 'certificate', der };
}

function bytesField(kind: string, value: string | undefined, what: string, encoding: 'hex' | 'base64'): Uint8Array {
  const bytes = value === undefined ? undefined : encoding === 'hex' ? tryFromHex(value) : tryFromBase64(value);
  if (!bytes || bytes.length === 0) throw malformed(kind, `${what} is missing or not ${encoding}`);
  return bytes;
}

function algorithm(kind: string, table: Readonly<Record<string, DigestAlgorithm>>, name: string | undefined): DigestAlgorithm {
  const found = name === undefined ? undefined : table[name];
  if (!found) throw malformed(kind, `digest algorithm ${JSON.stringify(name)} is not supported`);
  return found;
}

type SpecParts = Omit<TlogBody, 'kind' | 'apiVersion' | 'canonical'>;

function hashedrekord001(spec: unknown): SpecParts {
  const kind = 'hashedrekord 0.0.1';
  const hash = recordAt(spec, 'data', 'hash');
  const signature = recordAt(spec, 'signature');
  return {
    signatures: [bytesField(kind, stringAt(signature, 'content'), 'signature.content', 'base64')],
    digest: { algorithm: algorithm(kind, V1_ALGORITHMS, stringAt(hash, 'algorithm')), value: bytesField(kind, stringAt(hash, 'value'), 'data.hash.value', 'hex') },
    digestOf: 'artifact',
    verifiers: [pemVerifier(kind, stringAt(recordAt(signature, 'publicKey'), 'content'))],
  };
}

function hashedrekord002(spec: unknown): SpecParts {
  const kind = 'hashedrekord 0.0.2';
  const inner = recordAt(spec, 'hashedRekordV002');
  const data = recordAt(inner, 'data');
  const signature = recordAt(inner, 'signature');
  return {
    signatures: [bytesField(kind, stringAt(signature, 'content'), 'signature.content', 'base64')],
    digest: { algorithm: algorithm(kind, V2_ALGORITHMS, stringAt(data, 'algorithm')), value: bytesField(kind, stringAt(data, 'digest'), 'data.digest', 'base64') },
    digestOf: 'artifact',
    verifiers: [protoVerifier(kind, signature?.verifier)],
  };
}

function dsse001(spec: unknown): SpecParts {
  const kind = 'dsse 0.0.1';
  const hash = recordAt(spec, 'payloadHash');
  const signatures = (arrayAt(spec, 'signatures') ?? []).map(asRecord);
  if (signatures.length === 0) throw malformed(kind, 'there are no signatures');
  return {
    signatures: signatures.map((s) => bytesField(kind, stringAt(s, 'signature'), 'signatures[].signature', 'base64')),
    digest: { algorithm: algorithm(kind, V1_ALGORITHMS, stringAt(hash, 'algorithm')), value: bytesField(kind, stringAt(hash, 'value'), 'payloadHash.value', 'hex') },
    digestOf: 'dsse_payload',
    verifiers: signatures.map((s) => pemVerifier(kind, stringAt(s, 'verifier'))),
  };
}

function dsse002(spec: unknown): SpecParts {
  const kind = 'dsse 0.0.2';
  const inner = recordAt(spec, 'dsseV002');
  const hash = recordAt(inner, 'payloadHash');
  const signatures = (arrayAt(inner, 'signatures') ?? []).map(asRecord);
  if (signatures.length === 0) throw malformed(kind, 'there are no signatures');
  return {
    signatures: signatures.map((s) => bytesField(kind, stringAt(s, 'content'), 'signatures[].content', 'base64')),
    digest: { algorithm: algorithm(kind, V2_ALGORITHMS, stringAt(hash, 'algorithm')), value: bytesField(kind, stringAt(hash, 'digest'), 'payloadHash.digest', 'base64') },
    digestOf: 'dsse_payload',
    verifiers: signatures.map((s) => protoVerifier(kind, s?.verifier)),
  };
}

function intoto002(spec: unknown): SpecParts {
  const kind = 'intoto 0.0.2';
  const content = recordAt(spec, 'content');
  const hash = recordAt(content, 'payloadHash');
  const signatures = (arrayAt(recordAt(content, 'envelope'), 'signatures') ?? []).map(asRecord);
  if (signatures.length === 0) throw malformed(kind, 'there are no signatures');
  return {
    // intoto 0.0.2 stores each signature base64-encoded twice.
    signatures: signatures.map((s) => {
      const once = bytesField(kind, stringAt(s, 'sig'), 'envelope.signatures[].sig', 'base64');
      return bytesField(kind, tryDecodeUtf8(once), 'envelope.signatures[].sig (inner)', 'base64');
    }),
    digest: { algorithm: algorithm(kind, V1_ALGORITHMS, stringAt(hash, 'algorithm')), value: bytesField(kind, stringAt(hash, 'value'), 'payloadHash.value', 'hex') },
    digestOf: 'dsse_payload',
    verifiers: signatures.map((s) => pemVerifier(kind, stringAt(s, 'publicKey'))),
  };
}

const PARSERS: Readonly<Record<string, (spec: unknown) => SpecParts>> = {
  'hashedrekord/0.0.1': hashedrekord001,
  'hashedrekord/0.0.2': hashedrekord002,
  'dsse/0.0.1': dsse001,
  'dsse/0.0.2': dsse002,
  'intoto/0.0.2': intoto002,
};

/** Returns the `{kind, apiVersion}` of a body without reading its spec; undefined unless it is a JSON object with both. */
export function tlogBodyKind(body: Uint8Array): { kind: string; apiVersion: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(tryDecodeUtf8(body) ?? '');
  } catch {
    return undefined;
  }
  const kind = stringAt(parsed, 'kind');
  const apiVersion = stringAt(parsed, 'apiVersion');
  return kind === undefined || apiVersion === undefined ? undefined : { kind, apiVersion };
}

/**
 * Returns what a Rekor entry body records: signatures, digest, signers, and whether the bytes are
 * canonical JSON. Kinds: hashedrekord 0.0.1 / 0.0.2, dsse 0.0.1 / 0.0.2, intoto 0.0.2 (the ones
 * Sigstore bundles carry). Throws InputError `tlog_body_malformed` or `tlog_body_unsupported`.
 */
export function parseTlogBody(body: Uint8Array): TlogBody {
  const text = tryDecodeUtf8(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    throw malformed('entry', 'the body is not UTF-8 JSON');
  }
  const kind = stringAt(parsed, 'kind');
  const apiVersion = stringAt(parsed, 'apiVersion');
  if (kind === undefined || apiVersion === undefined) throw malformed('entry', 'kind or apiVersion is missing');
  const parse = PARSERS[`${kind}/${apiVersion}`];
  if (!parse) {
    throw new InputError('tlog_body_unsupported', `tlog body kind ${kind} ${apiVersion} is not one Sigstore bundles carry`, { kind, apiVersion }, {
      hint: 'supported: hashedrekord 0.0.1/0.0.2, dsse 0.0.1/0.0.2, intoto 0.0.2',
    });
  }
  return { kind, apiVersion, canonical: canonicalJson(parsed) === text, ...parse(recordAt(parsed, 'spec')) };
}
