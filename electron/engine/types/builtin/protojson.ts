/**
 * A small protojson reader for the Rekor v2 messages, following `google.golang.org/protobuf/encoding/protojson`
 * as rekor-tiles configures it (`DiscardUnknown: false`): fields by JSON or proto name, unknown
 * fields rejected, `null` meaning unset, bytes in standard or URL base64 with optional padding,
 * enums by name or number, at most one member of a oneof. The result is normalised the way
 * `protojson.Marshal` writes it back: JSON names, padded standard base64, enum names, and proto3
 * defaults (empty bytes and strings, enum 0, empty lists) omitted.
 */

import { toBase64 } from '../../../../shared/encoding/index.js';
import { decodeProtoBytes } from './go-base64.js';
import { isJsonObject } from './kind-helpers.js';
import { problem, type SpecProblem } from './spec-validation.js';

/** The type of one field. */
export type ProtoType =
  | { readonly kind: 'bytes' }
  | { readonly kind: 'string' }
  | { readonly kind: 'enum'; readonly values: Readonly<Record<string, number>> }
  | { readonly kind: 'message'; readonly message: ProtoMessage }
  | { readonly kind: 'repeated'; readonly message: ProtoMessage };

/** One field: its protojson (lowerCamelCase) name, its proto name, its type and oneof group. */
export interface ProtoField {
  readonly json: string;
  readonly proto: string;
  readonly type: ProtoType;
  readonly oneof?: string;
}

/** A message descriptor. */
export interface ProtoMessage {
  readonly name: string;
  readonly fields: readonly ProtoField[];
}

function pointerOf(base: string, name: string): string {
  return `${base}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function parseValue(type: ProtoType, value: unknown, pointer: string, problems: SpecProblem[]): unknown {
  switch (type.kind) {
    case 'bytes': {
      if (typeof value !== 'string') return void problems.push(problem(pointer, 'must be a base64 string'));
      const bytes = decodeProtoBytes(value);
      if (!bytes) return void problems.push(problem(pointer, 'must be base64 (standard or URL alphabet)'));
      return bytes.length === 0 ? undefined : toBase64(bytes);
    }
    case 'string':
      if (typeof value !== 'string') return void problems.push(problem(pointer, 'must be a string'));
      return value === '' ? undefined : value;
    case 'enum': {
      if (typeof value === 'string') {
        const number = type.values[value];
        if (number === undefined) return void problems.push(problem(pointer, `must be one of ${Object.keys(type.values).join(', ')}`));
        return number === 0 ? undefined : value;
      }
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
        // Proto3 enums are open: an unknown number is kept as a number.
        const name = Object.keys(type.values).find((k) => type.values[k] === value);
        return value === 0 ? undefined : name ?? value;
      }
      return void problems.push(problem(pointer, 'must be an enum name or number'));
    }
    case 'message':
      return parseProtoMessage(type.message, value, pointer, problems);
    case 'repeated': {
      if (!Array.isArray(value)) return void problems.push(problem(pointer, 'must be an array'));
      const items = value.map((item: unknown, i) => {
        if (item === null) problems.push(problem(`${pointer}/${i}`, 'must not be null'));
        return parseProtoMessage(type.message, item, `${pointer}/${i}`, problems) ?? {};
      });
      return items.length === 0 ? undefined : items;
    }
  }
}

/**
 * Returns the normalised form of a protojson message, adding every problem (with JSON Pointers under
 * `pointer`) to `problems`; undefined for `null`. Problems mean the whole parse failed.
 */
export function parseProtoMessage(message: ProtoMessage, value: unknown, pointer: string, problems: SpecProblem[]): Record<string, unknown> | undefined {
  if (value === null) return undefined;
  if (!isJsonObject(value)) {
    problems.push(problem(pointer, `must be a ${message.name} object`));
    return undefined;
  }
  const out: Record<string, unknown> = {};
  const seen = new Set<ProtoField>();
  const oneofs = new Map<string, string>();
  for (const [key, raw] of Object.entries(value)) {
    const at = pointerOf(pointer, key);
    const field = message.fields.find((f) => f.json === key || f.proto === key);
    if (!field) {
      problems.push(problem(at, `is not a field of ${message.name}`));
      continue;
    }
    if (seen.has(field)) {
      problems.push(problem(at, `duplicates field ${field.json}`));
      continue;
    }
    seen.add(field);
    if (raw === null) continue;
    if (field.oneof !== undefined) {
      const other = oneofs.get(field.oneof);
      if (other !== undefined) problems.push(problem(at, `is in oneof ${field.oneof} with ${other}, which is already set`));
      oneofs.set(field.oneof, field.json);
    }
    const parsed = parseValue(field.type, raw, at, problems);
    if (parsed !== undefined) out[field.json] = parsed;
    else if (field.type.kind === 'message' && raw !== null) out[field.json] = {};
  }
  return out;
}
