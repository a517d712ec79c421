/**
 * The Rekor v2 protobuf messages (sigstore/rekor-tiles `api/proto/rekor/v2/*.proto`, sigstore
 * protobuf-specs `sigstore_common.proto` and `envelope.proto`) as protojson descriptors, and the
 * normalised shapes `parseProtoMessage` returns for them.
 */

import type { ProtoMessage } from './protojson.js';

/** `dev.sigstore.common.v1.PublicKeyDetails`. */
export const PUBLIC_KEY_DETAILS: Readonly<Record<string, number>> = {
  PUBLIC_KEY_DETAILS_UNSPECIFIED: 0,
  PKCS1_RSA_PKCS1V5: 1,
  PKCS1_RSA_PSS: 2,
  PKIX_RSA_PKCS1V5: 3,
  PKIX_RSA_PSS: 4,
  PKIX_RSA_PKCS1V15_2048_SHA256: 9,
  PKIX_RSA_PKCS1V15_3072_SHA256: 10,
  PKIX_RSA_PKCS1V15_4096_SHA256: 11,
  PKIX_RSA_PSS_2048_SHA256: 16,
  PKIX_RSA_PSS_3072_SHA256: 17,
  PKIX_RSA_PSS_4096_SHA256: 18,
  PKIX_ECDSA_P256_HMAC_SHA_256: 6,
  PKIX_ECDSA_P256_SHA_256: 5,
  PKIX_ECDSA_P384_SHA_384: 12,
  PKIX_ECDSA_P521_SHA_512: 13,
  PKIX_ED25519: 7,
  PKIX_ED25519_PH: 8,
  PKIX_ECDSA_P384_SHA_256: 19,
  PKIX_ECDSA_P521_SHA_256: 20,
  LMS_SHA256: 14,
  LMOTS_SHA256: 15,
  ML_DSA_44: 23,
  ML_DSA_65: 21,
  ML_DSA_87: 22,
};

/** `dev.sigstore.common.v1.HashAlgorithm`. */
export const HASH_ALGORITHMS: Readonly<Record<string, number>> = {
  HASH_ALGORITHM_UNSPECIFIED: 0,
  SHA2_256: 1,
  SHA2_384: 2,
  SHA2_512: 3,
  SHA3_256: 4,
  SHA3_384: 5,
};

const RAW_BYTES = [{ json: 'rawBytes', proto: 'raw_bytes', type: { kind: 'bytes' } }] as const;

const PUBLIC_KEY: ProtoMessage = { name: 'PublicKey', fields: RAW_BYTES };
const X509_CERTIFICATE: ProtoMessage = { name: 'X509Certificate', fields: RAW_BYTES };

/** `dev.sigstore.rekor.v2.Verifier`. */
export const VERIFIER: ProtoMessage = {
  name: 'Verifier',
  fields: [
    { json: 'publicKey', proto: 'public_key', type: { kind: 'message', message: PUBLIC_KEY }, oneof: 'verifier' },
    { json: 'x509Certificate', proto: 'x509_certificate', type: { kind: 'message', message: X509_CERTIFICATE }, oneof: 'verifier' },
    { json: 'keyDetails', proto: 'key_details', type: { kind: 'enum', values: PUBLIC_KEY_DETAILS } },
  ],
};

const SIGNATURE: ProtoMessage = {
  name: 'Signature',
  fields: [
    { json: 'content', proto: 'content', type: { kind: 'bytes' } },
    { json: 'verifier', proto: 'verifier', type: { kind: 'message', message: VERIFIER } },
  ],
};

const HASH_OUTPUT: ProtoMessage = {
  name: 'HashOutput',
  fields: [
    { json: 'algorithm', proto: 'algorithm', type: { kind: 'enum', values: HASH_ALGORITHMS } },
    { json: 'digest', proto: 'digest', type: { kind: 'bytes' } },
  ],
};

/** `HashedRekordRequestV002`. */
export const HASHED_REKORD_REQUEST_V002: ProtoMessage = {
  name: 'HashedRekordRequestV002',
  fields: [
    { json: 'digest', proto: 'digest', type: { kind: 'bytes' } },
    { json: 'signature', proto: 'signature', type: { kind: 'message', message: SIGNATURE } },
  ],
};

/** `HashedRekordLogEntryV002`. */
export const HASHED_REKORD_LOG_ENTRY_V002: ProtoMessage = {
  name: 'HashedRekordLogEntryV002',
  fields: [
    { json: 'data', proto: 'data', type: { kind: 'message', message: HASH_OUTPUT } },
    { json: 'signature', proto: 'signature', type: { kind: 'message', message: SIGNATURE } },
  ],
};

const DSSE_SIGNATURE: ProtoMessage = {
  name: 'io.intoto.Signature',
  fields: [
    { json: 'sig', proto: 'sig', type: { kind: 'bytes' } },
    { json: 'keyid', proto: 'keyid', type: { kind: 'string' } },
  ],
};

const ENVELOPE: ProtoMessage = {
  name: 'io.intoto.Envelope',
  fields: [
    { json: 'payload', proto: 'payload', type: { kind: 'bytes' } },
    { json: 'payloadType', proto: 'payloadType', type: { kind: 'string' } },
    { json: 'signatures', proto: 'signatures', type: { kind: 'repeated', message: DSSE_SIGNATURE } },
  ],
};

/** `DSSERequestV002` (deprecated upstream, see dsse-v002.ts). */
export const DSSE_REQUEST_V002: ProtoMessage = {
  name: 'DSSERequestV002',
  fields: [
    { json: 'envelope', proto: 'envelope', type: { kind: 'message', message: ENVELOPE } },
    { json: 'verifiers', proto: 'verifiers', type: { kind: 'repeated', message: VERIFIER } },
  ],
};

/** `DSSELogEntryV002`. */
export const DSSE_LOG_ENTRY_V002: ProtoMessage = {
  name: 'DSSELogEntryV002',
  fields: [
    { json: 'payloadHash', proto: 'payload_hash', type: { kind: 'message', message: HASH_OUTPUT } },
    { json: 'signatures', proto: 'signatures', type: { kind: 'repeated', message: SIGNATURE } },
  ],
};

/** `Spec` of a stored v2 entry: the log-entry form of a v0.0.2 spec. */
export const ENTRY_SPEC_V002: ProtoMessage = {
  name: 'Spec',
  fields: [
    { json: 'hashedRekordV002', proto: 'hashed_rekord_v002', type: { kind: 'message', message: HASHED_REKORD_LOG_ENTRY_V002 }, oneof: 'spec' },
    { json: 'dsseV002', proto: 'dsse_v002', type: { kind: 'message', message: DSSE_LOG_ENTRY_V002 }, oneof: 'spec' },
  ],
};

/** `CreateEntryRequest`, the body of `POST /api/v2/log/entries`. */
export const CREATE_ENTRY_REQUEST: ProtoMessage = {
  name: 'CreateEntryRequest',
  fields: [
    { json: 'hashedRekordRequestV002', proto: 'hashed_rekord_request_v002', type: { kind: 'message', message: HASHED_REKORD_REQUEST_V002 }, oneof: 'spec' },
    { json: 'dsseRequestV002', proto: 'dsse_request_v002', type: { kind: 'message', message: DSSE_REQUEST_V002 }, oneof: 'spec' },
  ],
};

/** A normalised Verifier: bytes as padded standard base64, keyDetails as a name (or an unknown number). */
export interface VerifierJson {
  readonly publicKey?: { readonly rawBytes?: string };
  readonly x509Certificate?: { readonly rawBytes?: string };
  readonly keyDetails?: string | number;
}

/** A normalised Signature. */
export interface SignatureJson {
  readonly content?: string;
  readonly verifier?: VerifierJson;
}
