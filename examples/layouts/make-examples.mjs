#!/usr/bin/env node
// Writes the example layouts and one signed example entry per layout into this folder:
//   node examples/layouts/make-examples.mjs
// Deterministic: the keys are EXAMPLE keys derived from public labels (example-signers.mjs), Ed25519
// and minisign signatures are deterministic and ECDSA uses RFC 6979, so a re-run rewrites the same
// bytes. The minisign signature is made by the real `minisign` binary when it is installed (and
// must equal the script's own computation); without it the script's computation is used.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  exampleEcdsa,
  exampleEd25519,
  exampleMinisign,
  hasMinisign,
  minisignBinarySign,
  sha256,
  statementBytes,
} from './example-signers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const HEX64 = '^[0-9a-f]{64}$';

function write(name, value) {
  writeFileSync(path.join(here, name), JSON.stringify(value, null, 2) + '\n');
  console.log(`wrote examples/layouts/${name}`);
}

// ---- (a) release-record: Rekor's original pluggable-type proposal ---------------------------
// The artefact is this text; its SHA-256 is the entry's SHA. minisign signs the 32 raw digest bytes.
const RELEASE_ARTEFACT = 'hello-1.0.0.tar.gz: an example release artefact for Provenance Workbench\n';
const releaseSha = sha256(RELEASE_ARTEFACT);
const releaseKey = exampleMinisign('release-record');

const releaseSchemaProperties = {
  URL: { type: 'string', pattern: '^https://', maxLength: 2048, description: 'where the release is published' },
  SHA: { type: 'string', pattern: HEX64, description: 'SHA-256 of the release file, lowercase hex' },
  PublicKey: { type: 'string', maxLength: 512, description: 'minisign public key (base64 line, optionally with its comment line)' },
  Signature: { type: 'string', maxLength: 2048, description: 'minisign signature file (.minisig text)' },
  ExtraData: {
    type: 'object',
    description: 'free-form facts about the build',
    properties: { 'build-system': { type: 'string', maxLength: 256 }, 'compiler-version': { type: 'string', maxLength: 256 } },
    additionalProperties: { type: 'string', maxLength: 256 },
  },
};

const releaseLayout = {
  layoutVersion: 1,
  kind: 'release-record',
  version: '0.0.1',
  description:
    "A software release as in Rekor's original pluggable-type proposal: the release URL, its SHA, a minisign PublicKey and Signature, and ExtraData such as build-system and compiler-version. The minisign signature covers the 32 raw bytes of the SHA-256 digest.",
  schema: {
    $schema: DIALECT,
    type: 'object',
    additionalProperties: false,
    required: ['URL', 'SHA', 'PublicKey', 'Signature'],
    properties: releaseSchemaProperties,
  },
  roles: {
    digest: { pointer: '/SHA', algorithm: 'sha256' },
    signature: { pointer: '/Signature', format: 'minisign', signs: 'digest' },
    publicKey: { pointer: '/PublicKey', format: 'minisign' },
    extraData: ['/ExtraData'],
  },
  index: { url: '/URL', 'build-system': '/ExtraData/build-system' },
};

function minisignSignature(key, message, trustedComment) {
  const own = key.sign(message, { algorithm: 'ED', trustedComment });
  const real = minisignBinarySign(key, message, { algorithm: 'ED', trustedComment });
  if (real !== undefined && real !== own) throw new Error(`minisign made a different signature:\n${real}\nthan computed:\n${own}`);
  return own;
}

const releaseSpec = {
  URL: 'https://releases.example.org/hello/1.0.0/hello-1.0.0.tar.gz',
  SHA: releaseSha.toString('hex'),
  PublicKey: releaseKey.publicKeyFile,
  Signature: minisignSignature(releaseKey, releaseSha, 'release-record hello 1.0.0 (provwb example)'),
  ExtraData: { 'build-system': 'bazel 7.4.1', 'compiler-version': 'go1.23.4' },
};
write('release-record-0.0.1.layout.json', releaseLayout);
write('release-record-0.0.1.entry.json', { apiVersion: '0.0.1', kind: 'release-record', spec: releaseSpec });

// 0.0.2 changes the rules: ExtraData with both facts is required and the signature covers the
// whole statement (URL and ExtraData too). 0.0.1 entries keep verifying under 0.0.1.
const releaseLayout2 = {
  ...releaseLayout,
  version: '0.0.2',
  description: 'release-record 0.0.2: as 0.0.1, but ExtraData (build-system and compiler-version) is required and the minisign signature covers the statement (the canonical body without the signature), so URL and ExtraData are signed too.',
  schema: {
    ...releaseLayout.schema,
    required: ['URL', 'SHA', 'PublicKey', 'Signature', 'ExtraData'],
    properties: { ...releaseSchemaProperties, ExtraData: { ...releaseSchemaProperties.ExtraData, required: ['build-system', 'compiler-version'] } },
  },
  roles: { ...releaseLayout.roles, signature: { pointer: '/Signature', format: 'minisign', signs: 'statement' } },
};
const releaseSpec2 = { ...releaseSpec, Signature: '' };
releaseSpec2.Signature = minisignSignature(releaseKey, statementBytes('release-record', '0.0.2', releaseSpec2, ['Signature']), 'release-record 0.0.2 hello 1.0.0 (provwb example)');
write('release-record-0.0.2.layout.json', releaseLayout2);
write('release-record-0.0.2.entry.json', { apiVersion: '0.0.2', kind: 'release-record', spec: releaseSpec2 });

// ---- (b) build-provenance: who built what from which source -------------------------------
const builderKey = exampleEcdsa('build-provenance', 'p256');
const provenanceLayout = {
  layoutVersion: 1,
  kind: 'build-provenance',
  version: '0.0.1',
  description: 'Build provenance: the artefact, the builder that made it and the source repository and commit it was built from, signed by the builder (ECDSA P-256, DER) over the whole statement.',
  schema: {
    $schema: DIALECT,
    type: 'object',
    additionalProperties: false,
    required: ['artifact', 'builder', 'source', 'signature', 'publicKey'],
    properties: {
      artifact: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'sha256'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, sha256: { type: 'string', pattern: HEX64 } },
      },
      builder: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: { id: { type: 'string', minLength: 1, maxLength: 512, description: 'URI of the build platform and workflow' } },
      },
      source: {
        type: 'object',
        additionalProperties: false,
        required: ['repository', 'commit'],
        properties: {
          repository: { type: 'string', pattern: '^(https|git\\+https|ssh)://', maxLength: 512 },
          commit: { type: 'string', pattern: '^([0-9a-f]{40}|[0-9a-f]{64})$', description: 'git commit ID (SHA-1 or SHA-256)' },
          ref: { type: 'string', maxLength: 256 },
        },
      },
      buildType: { type: 'string', maxLength: 512 },
      signature: { type: 'string', maxLength: 256 },
      publicKey: { type: 'string', maxLength: 1024 },
    },
  },
  roles: {
    digest: { pointer: '/artifact/sha256', algorithm: 'sha256' },
    signature: { pointer: '/signature', format: 'ecdsa-p256-sha256', signs: 'statement' },
    publicKey: { pointer: '/publicKey', format: 'pem-spki' },
    extraData: ['/buildType', '/source/ref'],
  },
  index: { builder: '/builder/id', repository: '/source/repository', commit: '/source/commit' },
};
const provenanceSpec = {
  artifact: { name: 'hello-linux-amd64', sha256: sha256('hello-linux-amd64: example binary\n').toString('hex') },
  builder: { id: 'https://ci.example.org/builders/hermetic-linux@v3' },
  source: { repository: 'https://git.example.org/hello/hello', commit: '4f1c3a9e8b7d6c5b4a392817f6e5d4c3b2a19080', ref: 'refs/tags/v1.0.0' },
  buildType: 'https://ci.example.org/build-types/make@v1',
  publicKey: builderKey.pem,
};
provenanceSpec.signature = builderKey.sign(statementBytes('build-provenance', '0.0.1', provenanceSpec, ['signature']), 'der').toString('base64');
write('build-provenance-0.0.1.layout.json', provenanceLayout);
write('build-provenance-0.0.1.entry.json', { apiVersion: '0.0.1', kind: 'build-provenance', spec: provenanceSpec });

// ---- (c) sbom-attestation: an SBOM vouched for, indexed by the software it describes -------
const sbomKey = exampleEd25519('sbom-attestation');
const SBOM_DOCUMENT = '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"zlib","version":"1.3.1"}]}\n';
const sbomLayout = {
  layoutVersion: 1,
  kind: 'sbom-attestation',
  version: '0.0.1',
  description: 'An SBOM attestation: the subject (the software described, whose digest is the artefact digest), the SBOM document digest and format, signed with Ed25519 over the whole statement.',
  schema: {
    $schema: DIALECT,
    type: 'object',
    additionalProperties: false,
    required: ['subject', 'sbom', 'signature', 'publicKey'],
    properties: {
      subject: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'sha256'],
        properties: { name: { type: 'string', minLength: 1, maxLength: 256 }, sha256: { type: 'string', pattern: HEX64 } },
      },
      sbom: {
        type: 'object',
        additionalProperties: false,
        required: ['format', 'specVersion', 'sha256'],
        properties: {
          format: { type: 'string', enum: ['CycloneDX', 'SPDX'] },
          specVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+(\\.[0-9]+)?$' },
          sha256: { type: 'string', pattern: HEX64, description: 'SHA-256 of the SBOM document' },
          uri: { type: 'string', maxLength: 2048 },
        },
      },
      signature: { type: 'string', maxLength: 128 },
      publicKey: { type: 'string', maxLength: 64, description: 'raw Ed25519 public key, standard base64' },
    },
  },
  roles: {
    digest: { pointer: '/subject/sha256', algorithm: 'sha256' },
    signature: { pointer: '/signature', format: 'ed25519', signs: 'statement' },
    publicKey: { pointer: '/publicKey', format: 'raw-ed25519-base64' },
    extraData: ['/sbom/uri'],
  },
  index: { 'sbom-digest': '/sbom/sha256', 'sbom-format': '/sbom/format', subject: '/subject/name' },
};
const sbomSpec = {
  subject: { name: 'hello-linux-amd64', sha256: provenanceSpec.artifact.sha256 },
  sbom: { format: 'CycloneDX', specVersion: '1.6', sha256: sha256(SBOM_DOCUMENT).toString('hex'), uri: 'https://releases.example.org/hello/1.0.0/hello.cdx.json' },
  publicKey: sbomKey.rawBase64,
};
sbomSpec.signature = sbomKey.sign(statementBytes('sbom-attestation', '0.0.1', sbomSpec, ['signature'])).toString('base64');
write('sbom-attestation-0.0.1.layout.json', sbomLayout);
write('sbom-attestation-0.0.1.entry.json', { apiVersion: '0.0.1', kind: 'sbom-attestation', spec: sbomSpec });

// ---- (d) identity-record: the signer's email kept private, still findable by its owner -----
// The entry stores SHA-256(salt ‖ email) and the salt; the index key is the salted hash.
const IDENTITY_EMAIL = 'alice@example.org';
const identitySalt = sha256('provwb EXAMPLE salt of alice, chosen once and reused for all her entries');
const identityKey = exampleEcdsa('identity-record', 'p256');
const identityLayout = {
  layoutVersion: 1,
  kind: 'identity-record',
  version: '0.0.1',
  description:
    "A signed artefact record that names its signer privately: only SHA-256(salt ‖ lowercase email) and the salt are stored, never the email. The salted hash is indexed, so the owner's monitor (which knows the email and the salt) finds every entry; ECDSA P-256 raw r‖s signature over the whole statement.",
  schema: {
    $schema: DIALECT,
    type: 'object',
    additionalProperties: false,
    required: ['artifact', 'signer', 'signature', 'publicKey'],
    properties: {
      artifact: {
        type: 'object',
        additionalProperties: false,
        required: ['sha256'],
        properties: { sha256: { type: 'string', pattern: HEX64 }, name: { type: 'string', maxLength: 256 } },
      },
      signer: {
        type: 'object',
        additionalProperties: false,
        required: ['emailHash', 'salt'],
        properties: {
          emailHash: { type: 'string', pattern: HEX64, description: 'hex SHA-256(salt ‖ UTF-8 of the trimmed, NFC, lowercased email)' },
          salt: { type: 'string', pattern: '^([0-9a-f]{2}){16,64}$', description: 'hex, 16 to 64 bytes' },
        },
      },
      signature: { type: 'string', maxLength: 128 },
      publicKey: { type: 'string', maxLength: 1024 },
    },
  },
  roles: {
    digest: { pointer: '/artifact/sha256', algorithm: 'sha256' },
    signature: { pointer: '/signature', format: 'ecdsa-p256-sha256-raw', signs: 'statement' },
    publicKey: { pointer: '/publicKey', format: 'pem-spki' },
  },
  index: { 'email-hash': '/signer/emailHash' },
};
const identitySpec = {
  artifact: { name: 'hello-1.0.0.tar.gz', sha256: releaseSha.toString('hex') },
  signer: {
    emailHash: sha256(Buffer.concat([identitySalt, Buffer.from(IDENTITY_EMAIL.trim().normalize('NFC').toLowerCase(), 'utf8')])).toString('hex'),
    salt: identitySalt.toString('hex'),
  },
  publicKey: identityKey.pem,
};
identitySpec.signature = identityKey.sign(statementBytes('identity-record', '0.0.1', identitySpec, ['signature']), 'raw').toString('base64');
write('identity-record-0.0.1.layout.json', identityLayout);
write('identity-record-0.0.1.entry.json', { apiVersion: '0.0.1', kind: 'identity-record', spec: identitySpec });

console.log(hasMinisign() ? 'minisign signatures were made by the minisign binary and matched.' : 'minisign is not installed: minisign signatures were computed by this script only.');
