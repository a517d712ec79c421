/**
 * The Type designer's operations of WorkbenchApi (`types.*`, `entries.add`). Every judgement is
 * shared/layout's: the same code the log runs when it accepts an entry of a custom kind, so what the
 * designer shows for a sample entry is what the log would do with it.
 */

import {
  InputError,
  isWorkbenchError,
  type DesignProblemDto,
  type EntryValidationDto,
  type LoggedEntryDto,
  type RekorLogEntryMap,
  type RoleValueDto,
  type WorkbenchApi,
} from '../../shared/api/index.js';
import { canonicalJson } from '../../shared/canonical/index.js';
import { fromBase64, toHex, utf8 } from '../../shared/encoding/index.js';
import {
  deriveCanonicalBody,
  deriveIndexKeys,
  isValidLayout,
  LAYOUT_KIND,
  validateEntry,
  validateLayout,
  valueAtPointer,
  verifyEntrySignature,
  type Layout,
} from '../../shared/layout/index.js';
import { MAX_BUNDLE_ENTRY_SIZE } from '../../shared/merkle/index.js';
import { nodeHasher } from './crypto/index.js';
import { addEntry } from './entries/index.js';
import { LOCAL_LOG_NAME, type Workbench } from './open-workbench.js';
import { listTypes, publishLayout } from './types/index.js';
import { signSampleEntry } from './workbench-sign-entry.js';

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: DesignProblemDto };

/** Parses JSON text, or returns the syntax error as a problem at the document root. */
function parseJson(text: string, what: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: { pointer: '', code: 'json_invalid', message: `the ${what} is not JSON: ${(error as Error).message}` } };
  }
}

/** Returns the parsed JSON text or throws InputError(`${what}_json_invalid`). */
export function requireJson(text: string, what: 'layout' | 'entry'): unknown {
  const parsed = parseJson(text, what);
  if (!parsed.ok) throw new InputError(`${what}_json_invalid`, parsed.problem.message, undefined, { hint: `fix the ${what}'s JSON syntax first` });
  return parsed.value;
}

function stringMember(doc: unknown, name: string): string | null {
  const value = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : null;
}

/** Returns the kind and version a layout entry's body names, if it names both. */
function stringMembers(body: unknown): { kind: string; version: string } | undefined {
  const spec = typeof body === 'object' && body !== null ? (body as { spec?: unknown }).spec : undefined;
  const kind = stringMember(spec, 'kind');
  const version = stringMember(spec, 'version');
  return kind !== null && version !== null ? { kind, version } : undefined;
}

/** Returns the logged entry of an addEntry answer (a one-entry Rekor LogEntry map). */
function loggedEntry(answer: RekorLogEntryMap): LoggedEntryDto {
  const [uuid, entry] = Object.entries(answer)[0] ?? [];
  if (uuid === undefined || entry === undefined) throw new Error('bug: addEntry answered no entry');
  const body = JSON.parse(new TextDecoder().decode(fromBase64(entry.body))) as { kind: string; apiVersion: string };
  return { log: LOCAL_LOG_NAME, logIndex: entry.logIndex, uuid, kind: body.kind, apiVersion: body.apiVersion, integratedTime: entry.integratedTime };
}

/** Returns the role values of an entry as its layout points to them (pointers into the entry). */
function roleValues(layout: Layout, entry: unknown): RoleValueDto[] {
  const { digest, signature, publicKey } = layout.roles;
  const read = (pointer: string) => {
    const value = valueAtPointer(entry, `/spec${pointer}`);
    return typeof value === 'string' ? value : null;
  };
  return [
    { role: 'digest', pointer: `/spec${digest.pointer}`, format: digest.algorithm, value: read(digest.pointer) },
    { role: 'signature', pointer: `/spec${signature.pointer}`, format: `${signature.format} over the ${signature.signs}`, value: read(signature.pointer) },
    { role: 'publicKey', pointer: `/spec${publicKey.pointer}`, format: publicKey.format, value: read(publicKey.pointer) },
  ];
}

/**
 * Returns what the log would make of `entryDoc` under `layout`: its problems; for a valid entry
 * the canonical body, leaf hash and index keys; and the signature's verdict.
 */
function judgeEntry(layout: Layout, entryDoc: unknown): Omit<EntryValidationDto, 'layoutProblems'> {
  const entryProblems: DesignProblemDto[] = validateEntry(layout, entryDoc).map((p) => ({ pointer: p.pointer, code: p.code, message: p.message }));
  const roles = roleValues(layout, entryDoc);
  const extraData = (layout.roles.extraData ?? []).map((pointer) => {
    const value = valueAtPointer(entryDoc, `/spec${pointer}`);
    return { pointer: `/spec${pointer}`, valueJson: value === undefined ? null : JSON.stringify(value) };
  });
  const none = { canonicalBody: null, leafHash: null, indexKeys: [] };
  if (entryProblems.length > 0) {
    return { entryProblems, roles, extraData, ...none, signature: { status: 'not-checked', message: 'the entry has problems; the signature is checked once they are fixed', keyFingerprint: null } };
  }
  const body = deriveCanonicalBody(layout, entryDoc);
  const canonicalBody = canonicalJson(body);
  const bytes = utf8(canonicalBody);
  if (bytes.length > MAX_BUNDLE_ENTRY_SIZE) {
    entryProblems.push({ pointer: '', code: 'entry_too_large', message: `the canonical body is ${bytes.length} bytes; a log entry holds at most ${MAX_BUNDLE_ENTRY_SIZE}` });
  }
  const indexKeys = deriveIndexKeys(layout, body).map((k) => ({ type: k.type, value: k.value }));
  let signature: EntryValidationDto['signature'];
  try {
    const verified = verifyEntrySignature(layout, body);
    signature = { status: 'verified', message: `${verified.format} signature over the ${layout.roles.signature.signs} verifies`, keyFingerprint: verified.keyFingerprint };
  } catch (error) {
    if (!isWorkbenchError(error)) throw error;
    signature = { status: 'invalid', message: error.message, keyFingerprint: typeof error.details?.['keyFingerprint'] === 'string' ? error.details['keyFingerprint'] : null };
  }
  return { entryProblems, roles, extraData, signature, canonicalBody, leafHash: toHex(nodeHasher.hashLeaf(bytes)), indexKeys };
}

/** Returns `types` and `entries.add` for createWorkbenchApi. */
export function createTypeOperations(workbench: Workbench): { types: WorkbenchApi['types']; addEntry: WorkbenchApi['entries']['add'] } {
  // validateLayout runs on every pause in typing: which kind@version pairs the log defines is read
  // from the layout entries' bodies (no schema compiling) and kept until the log grows.
  let published: { treeSize: number; keys: ReadonlySet<string> } | undefined;
  function isPublished(kind: string, version: string): boolean {
    const { id, treeSize } = workbench.localLog().record();
    if (published?.treeSize !== treeSize) {
      const keys = new Set<string>();
      const decoder = new TextDecoder();
      for (const index of workbench.store.indexesOfKind(id, LAYOUT_KIND)) {
        const [entry] = workbench.store.entries(id, index, index + 1);
        const spec = entry ? stringMembers(JSON.parse(decoder.decode(entry.body)) as unknown) : undefined;
        if (spec) keys.add(`${spec.kind}@${spec.version}`);
      }
      published = { treeSize, keys };
    }
    return published.keys.has(`${kind}@${version}`);
  }

  return {
    types: {
      async list() {
        return {
          types: listTypes(workbench).map((t) => ({
            kind: t.kind,
            version: t.version,
            source: t.source,
            logIndex: t.logIndex ?? null,
            layoutJson: t.layout === undefined ? null : `${JSON.stringify(t.layout, null, 2)}\n`,
          })),
        };
      },

      async validateLayout(input) {
        const parsed = parseJson(input.layoutJson, 'layout');
        if (!parsed.ok) return { ok: false, problems: [parsed.problem], kind: null, version: null, published: false };
        const problems = validateLayout(parsed.value).map((p) => ({ pointer: p.pointer, code: p.code, message: p.message }));
        const kind = stringMember(parsed.value, 'kind');
        const version = stringMember(parsed.value, 'version');
        return { ok: problems.length === 0, problems, kind, version, published: kind !== null && version !== null && isPublished(kind, version) };
      },

      async validateEntry(input) {
        const layout = parseJson(input.layoutJson, 'layout');
        const layoutProblems = layout.ok ? validateLayout(layout.value).map((p) => ({ pointer: p.pointer, code: p.code, message: p.message })) : [layout.problem];
        const empty = { entryProblems: [], roles: [], extraData: [], canonicalBody: null, leafHash: null, indexKeys: [] };
        if (!layout.ok || !isValidLayout(layout.value)) {
          return { layoutProblems, ...empty, signature: { status: 'not-checked', message: 'the layout has problems; fix them first', keyFingerprint: null } };
        }
        const entry = parseJson(input.entryJson, 'entry');
        if (!entry.ok) {
          return { layoutProblems, ...empty, entryProblems: [entry.problem], signature: { status: 'not-checked', message: 'the entry is not JSON', keyFingerprint: null } };
        }
        return { layoutProblems, ...judgeEntry(layout.value, entry.value) };
      },

      async signEntry(input) {
        return signSampleEntry(workbench.keyring(), requireJson(input.layoutJson, 'layout'), requireJson(input.entryJson, 'entry'), input.keyName, input.passphrase);
      },

      async publish(input) {
        return loggedEntry(await publishLayout(workbench, requireJson(input.layoutJson, 'layout')));
      },
    },

    async addEntry(input) {
      return loggedEntry(await addEntry(workbench.entryContext(), requireJson(input.entryJson, 'entry')));
    },
  };
}
