/**
 * The JSON Schema (draft 2020-12) of a layout document: the `specSchema` of the `layout` kind, shown
 * by `types show` and the designer. It covers the structure only; validateLayout is the authority
 * (it also checks pointers against the schema, format pairs and that the schema compiles).
 */

import { DIGEST_ALGORITHMS, PUBLIC_KEY_FORMATS, RESERVED_KINDS, SIGNATURE_FORMATS, SIGNED_CONTENTS } from './layout-types.js';

const POINTER = { type: 'string', pattern: '^(/([^~/]|~[01])*)+$', description: 'JSON Pointer (RFC 6901) into the spec' };

export const LAYOUT_DOCUMENT_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Provenance Workbench layout (layoutVersion 1)',
  type: 'object',
  additionalProperties: false,
  required: ['layoutVersion', 'kind', 'version', 'schema', 'roles'],
  properties: {
    layoutVersion: { const: 1 },
    kind: { type: 'string', pattern: '^[a-z](?:[a-z0-9-]{0,62}[a-z0-9])?$', not: { enum: [...RESERVED_KINDS] } },
    version: { type: 'string', maxLength: 64, pattern: '^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})(-[0-9A-Za-z.-]+)?$' },
    description: { type: 'string' },
    schema: { type: 'object', description: 'JSON Schema (draft 2020-12) of spec; must declare "type": "object"' },
    roles: {
      type: 'object',
      additionalProperties: false,
      required: ['digest', 'signature', 'publicKey'],
      properties: {
        digest: {
          type: 'object',
          additionalProperties: false,
          required: ['pointer', 'algorithm'],
          properties: { pointer: POINTER, algorithm: { enum: Object.keys(DIGEST_ALGORITHMS) } },
        },
        signature: {
          type: 'object',
          additionalProperties: false,
          required: ['pointer', 'format', 'signs'],
          properties: { pointer: POINTER, format: { enum: [...SIGNATURE_FORMATS] }, signs: { enum: [...SIGNED_CONTENTS] } },
        },
        publicKey: {
          type: 'object',
          additionalProperties: false,
          required: ['pointer', 'format'],
          properties: { pointer: POINTER, format: { enum: [...PUBLIC_KEY_FORMATS] } },
        },
        extraData: { type: 'array', items: POINTER },
      },
    },
    index: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9._-]{0,63}$' },
      additionalProperties: POINTER,
    },
  },
};
