/**
 * JSON Schemas (2020-12) of the v0.0.2 specs, written from rekor-tiles' protos for `types show` and
 * the designer. protojson also accepts proto field names (`raw_bytes`) and URL-safe or unpadded
 * base64; the kinds' own parser (protojson.ts) is what enforces the rules, these only describe them.
 */

const BYTES = { type: 'string', contentEncoding: 'base64' } as const;

const VERIFIER = {
  type: 'object',
  description: 'A DER public key or a DER X.509 certificate, with the signing algorithm (PublicKeyDetails)',
  properties: {
    publicKey: { type: 'object', properties: { rawBytes: { ...BYTES, description: 'DER SubjectPublicKeyInfo' } }, required: ['rawBytes'] },
    x509Certificate: { type: 'object', properties: { rawBytes: { ...BYTES, description: 'DER certificate' } }, required: ['rawBytes'] },
    keyDetails: { type: 'string', examples: ['PKIX_ECDSA_P256_SHA_256', 'PKIX_ED25519_PH', 'PKIX_RSA_PKCS1V15_2048_SHA256'] },
  },
  oneOf: [{ required: ['publicKey'] }, { required: ['x509Certificate'] }],
  required: ['keyDetails'],
  additionalProperties: false,
} as const;

const SIGNATURE = {
  type: 'object',
  properties: { content: { ...BYTES, description: 'the signature' }, verifier: { $ref: '#/$defs/verifier' } },
  required: ['content', 'verifier'],
  additionalProperties: false,
} as const;

const HASH_OUTPUT = {
  type: 'object',
  properties: { algorithm: { enum: ['SHA2_256', 'SHA2_384', 'SHA2_512'] }, digest: BYTES },
  required: ['algorithm', 'digest'],
  additionalProperties: false,
} as const;

/** hashedrekord 0.0.2: a `HashedRekordRequestV002`, or a stored `{hashedRekordV002}` spec. */
export const HASHED_REKORD_V002_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'hashedrekord v0.0.2 (Rekor v2)',
  $defs: { verifier: VERIFIER, signature: SIGNATURE, hashOutput: HASH_OUTPUT },
  oneOf: [
    {
      title: 'HashedRekordRequestV002',
      type: 'object',
      properties: { digest: { ...BYTES, description: 'the artefact digest' }, signature: { $ref: '#/$defs/signature' } },
      required: ['digest', 'signature'],
      additionalProperties: false,
    },
    {
      title: 'stored spec',
      type: 'object',
      properties: {
        hashedRekordV002: {
          type: 'object',
          properties: { data: { $ref: '#/$defs/hashOutput' }, signature: { $ref: '#/$defs/signature' } },
          required: ['data', 'signature'],
          additionalProperties: false,
        },
      },
      required: ['hashedRekordV002'],
      additionalProperties: false,
    },
  ],
};

/** dsse 0.0.2: a `DSSERequestV002` (envelope with binary payload and signatures, and verifiers). */
export const DSSE_V002_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'dsse v0.0.2 (Rekor v2, deprecated upstream)',
  $defs: { verifier: VERIFIER },
  type: 'object',
  properties: {
    envelope: {
      type: 'object',
      properties: {
        payload: BYTES,
        payloadType: { type: 'string' },
        signatures: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: { type: 'object', properties: { sig: BYTES, keyid: { type: 'string' } }, required: ['sig'], additionalProperties: false },
        },
      },
      required: ['payload', 'payloadType', 'signatures'],
      additionalProperties: false,
    },
    verifiers: { type: 'array', minItems: 1, maxItems: 10, items: { $ref: '#/$defs/verifier' } },
  },
  required: ['envelope', 'verifiers'],
  additionalProperties: false,
};
