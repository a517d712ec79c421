/**
 * The generated form of a kind: one field per scalar member of the spec schema, reading and
 * writing the sample entry at `/spec` + the member's pointer. Values are typed as the schema
 * declares; text that is not a number stays text, so the log's own validation says what is wrong.
 */

import { valueAtPointer, withValueAtPointer } from '../../../../shared/layout/index.js';
import type { SchemaNode, SchemaType } from './schema-tree.js';

export interface FormField {
  /** Pointer into the spec. */
  readonly pointer: string;
  readonly label: string;
  readonly input: 'text' | 'textarea' | 'number' | 'checkbox' | 'select';
  readonly type: SchemaType | undefined;
  readonly required: boolean;
  readonly options: readonly string[];
  readonly hint: string | undefined;
  /** Set by signing (the signature and public key roles): shown, not typed. */
  readonly filledBySigning: boolean;
}

const LONG_TEXT = 200;

/**
 * Returns the form's fields: every string, number, integer or boolean member (any depth), in
 * schema order. `signingPointers` are the signature and public key pointers.
 */
export function formFields(nodes: readonly SchemaNode[], signingPointers: readonly string[]): FormField[] {
  return nodes
    .filter((n) => n.type === 'string' || n.type === 'number' || n.type === 'integer' || n.type === 'boolean' || n.enumValues !== undefined)
    .map((n) => {
      const input: FormField['input'] =
        n.enumValues !== undefined ? 'select' : n.type === 'boolean' ? 'checkbox' : n.type === 'number' || n.type === 'integer' ? 'number' : (n.maxLength ?? 0) > LONG_TEXT ? 'textarea' : 'text';
      const hint = [n.description, n.pattern === undefined ? undefined : `pattern ${n.pattern}`].filter((t) => t !== undefined).join(' · ');
      return {
        pointer: n.pointer,
        label: n.pointer.slice(1).replace(/~1/g, '/').replace(/~0/g, '~'),
        input,
        type: n.type,
        required: n.required,
        options: (n.enumValues ?? []).map(String),
        hint: hint === '' ? undefined : hint,
        filledBySigning: signingPointers.includes(n.pointer),
      };
    });
}

/** Returns the field's current value in the entry as form text ('' when absent). */
export function fieldText(entry: unknown, field: FormField): string {
  const value = valueAtPointer(entry, `/spec${field.pointer}`);
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Returns the value to store for form text: typed per the schema; undefined (remove) for an empty optional field. */
export function fieldValue(field: FormField, text: string): unknown {
  if (text === '' && !field.required) return undefined;
  switch (field.input) {
    case 'checkbox':
      return text === 'true';
    case 'number': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'select': {
      if (field.type === 'number' || field.type === 'integer') return Number(text);
      if (field.type === 'boolean') return text === 'true';
      return text;
    }
    default:
      return text;
  }
}

/** Returns the entry with the field set from form text (a copy), or the entry unchanged when it has no place for it. */
export function setField(entry: unknown, field: FormField, text: string): unknown {
  return withValueAtPointer(entry, `/spec${field.pointer}`, fieldValue(field, text)) ?? entry;
}
