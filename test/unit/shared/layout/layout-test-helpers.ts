import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toHex, utf8 } from '../../../../shared/encoding/index.js';
import type { Layout, LayoutIndexKey } from '../../../../shared/layout/index.js';
import { repoRoot } from '../../../helpers/testdata.js';

/** A problem as vectors list it: where and what, never the message text. */
export interface WantProblem {
  readonly pointer: string;
  readonly code: string;
}

/** One file of test/fixtures/layouts/vectors (see make-vectors.mjs there). */
export interface LayoutVector {
  readonly file: string;
  readonly desc: string;
  /** null: the entry is of the built-in `layout` kind. */
  readonly layout: Layout | null;
  readonly proposed: unknown;
  readonly want?: { readonly canonicalBodyJson: string; readonly leafHashHex: string; readonly indexKeys: readonly LayoutIndexKey[] };
  readonly wantLayoutProblems?: readonly WantProblem[];
  readonly wantEntryProblems?: readonly WantProblem[];
  readonly wantError?: { readonly code: string };
}

const VECTOR_DIR = path.join(repoRoot, 'test/fixtures/layouts/vectors');

/** Returns every vector, parsed afresh (tests may not share mutable layout objects). */
export function loadLayoutVectors(): LayoutVector[] {
  return readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(path.join(VECTOR_DIR, file), 'utf8')) as Omit<LayoutVector, 'file'>) }));
}

/** Returns a parsed JSON file of examples/layouts. */
export function readExample<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(path.join(repoRoot, 'examples/layouts', name), 'utf8')) as T;
}

/** Returns the RFC 6962 leaf hash (hex) of canonical body text: SHA-256(0x00 ‖ UTF-8 bytes). */
export function leafHashHex(canonicalBodyJson: string): string {
  return toHex(sha256(concatBytes(Uint8Array.of(0), utf8(canonicalBodyJson))));
}

/** Returns problems reduced to pointer and code, sorted, so lists compare as multisets. */
export function problemKeys(problems: readonly { pointer: string; code: string }[]): WantProblem[] {
  return problems.map(({ pointer, code }) => ({ pointer, code })).sort((a, b) => (a.pointer + ' ' + a.code < b.pointer + ' ' + b.code ? -1 : 1));
}

/** Returns a deep copy of JSON. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
