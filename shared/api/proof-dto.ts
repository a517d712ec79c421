import { tryFromHex } from '../encoding/index.js';
import { InputError } from './errors.js';

/** `provwb log prove --json`: hashes as lowercase hex. */
export interface InclusionProofDto {
  readonly logIndex: number;
  readonly treeSize: number;
  readonly leafHash: string;
  readonly hashes: readonly string[];
  readonly rootHash: string;
}

/** `provwb log consistency --json`. */
export interface ConsistencyProofDto {
  readonly first: number;
  readonly second: number;
  readonly firstRoot: string;
  readonly secondRoot: string;
  readonly hashes: readonly string[];
}

function malformed(what: string, problem: string): never {
  throw new InputError('proof_malformed', `${what} is malformed: ${problem}`);
}

function field(obj: Record<string, unknown>, name: string, what: string): unknown {
  if (!(name in obj)) malformed(what, `field "${name}" is missing`);
  return obj[name];
}

function count(obj: Record<string, unknown>, name: string, what: string): number {
  const value = field(obj, name, what);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) malformed(what, `"${name}" must be a non-negative integer`);
  return value;
}

function hash(value: unknown, name: string, what: string): string {
  if (typeof value !== 'string' || value.length !== 64 || !tryFromHex(value)) malformed(what, `"${name}" must be 64 hex digits`);
  return value.toLowerCase();
}

function hashList(obj: Record<string, unknown>, name: string, what: string): string[] {
  const value = field(obj, name, what);
  if (!Array.isArray(value)) malformed(what, `"${name}" must be an array of hashes`);
  return value.map((h, i) => hash(h, `${name}[${i}]`, what));
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) malformed(what, 'expected a JSON object');
  return value as Record<string, unknown>;
}

/** Returns the inclusion proof in `value`, checked field by field; throws InputError('proof_malformed'). */
export function parseInclusionProofDto(value: unknown): InclusionProofDto {
  const what = 'inclusion proof';
  const obj = asObject(value, what);
  return {
    logIndex: count(obj, 'logIndex', what),
    treeSize: count(obj, 'treeSize', what),
    leafHash: hash(field(obj, 'leafHash', what), 'leafHash', what),
    hashes: hashList(obj, 'hashes', what),
    rootHash: hash(field(obj, 'rootHash', what), 'rootHash', what),
  };
}

/** Returns the consistency proof in `value`, checked field by field; throws InputError('proof_malformed'). */
export function parseConsistencyProofDto(value: unknown): ConsistencyProofDto {
  const what = 'consistency proof';
  const obj = asObject(value, what);
  return {
    first: count(obj, 'first', what),
    second: count(obj, 'second', what),
    firstRoot: hash(field(obj, 'firstRoot', what), 'firstRoot', what),
    secondRoot: hash(field(obj, 'secondRoot', what), 'secondRoot', what),
    hashes: hashList(obj, 'hashes', what),
  };
}

/** Returns JSON.parse(text), or throws InputError('json_malformed') naming the document. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError('json_malformed', `${what} is not valid JSON: ${(error as Error).message}`);
  }
}
