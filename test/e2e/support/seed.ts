/**
 * Seeds e2e workbenches through the engine's own API (init, raw appends, typed entries through the
 * add pipeline), and tampers a database file the way an attacker with disk access would.
 */

import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import Database from 'better-sqlite3';
import path from 'node:path';
// The built engine, as the `provwb ui` under test runs it: seeding with the sources while the CLI
// runs an older build could write a schema that build cannot read.
import { addEntry } from '../../../dist/electron/engine/entries/index.js';
import { initWorkbench, openWorkbench } from '../../../dist/electron/engine/open-workbench.js';
import { DATABASE_FILE } from '../../../dist/electron/engine/store/index.js';
import { formatEntryBundle, parseEntryBundle, TILE_WIDTH } from '../../../dist/shared/merkle/index.js';

export const ORIGIN = 'e2e.example/provenance';

/** What a standard seed holds, for specs to look for. */
export interface SeedInfo {
  readonly origin: string;
  readonly treeSize: number;
  /** Tree sizes with a stored signed checkpoint (one per append batch). */
  readonly checkpointSizes: readonly number[];
  readonly rawCount: number;
  /** hashedrekord 0.0.1 entries: index, artefact sha256, key fingerprint (SPKI sha256). */
  readonly signed: ReadonlyArray<{ readonly logIndex: number; readonly uuid: string; readonly sha256: string; readonly keyFingerprint: string; readonly name: string }>;
  /** The custom-kind (layout) entry and its indexed field. */
  readonly custom: { readonly layoutIndex: number; readonly logIndex: number; readonly field: string };
}

const RAW_BATCHES = [1, 2, 4, 8, 16, 33];

const RELEASE_LAYOUT = {
  layoutVersion: 1,
  kind: 'release-note',
  version: '0.0.1',
  description: 'A release of a project: artefact digest, project and version, signed with Ed25519 over the digest.',
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    required: ['artifact', 'project', 'version', 'signature', 'publicKey'],
    properties: {
      artifact: { type: 'object', additionalProperties: false, required: ['sha256'], properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
      project: { type: 'string', maxLength: 100 },
      version: { type: 'string', maxLength: 40 },
      signature: { type: 'string', maxLength: 200 },
      publicKey: { type: 'string', maxLength: 400 },
    },
  },
  roles: {
    digest: { pointer: '/artifact/sha256', algorithm: 'sha256' },
    signature: { pointer: '/signature', format: 'ed25519', signs: 'digest' },
    publicKey: { pointer: '/publicKey', format: 'pem-spki' },
  },
  index: { project: '/project', version: '/version' },
};

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function rawBatch(start: number, count: number): Array<{ body: Uint8Array }> {
  return Array.from({ length: count }, (_, i) => ({ body: new TextEncoder().encode(`entry ${start + i}`) }));
}

/** Returns a hashedrekord 0.0.1 proposed entry for `content`, signed with a fresh ECDSA P-256 key. */
function hashedrekord(content: string): { proposed: unknown; sha256: string; keyFingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const signature = sign('sha256', Buffer.from(content), privateKey).toString('base64');
  const digest = sha256Hex(content);
  return {
    proposed: {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: { signature: { content: signature, publicKey: { content: Buffer.from(pem).toString('base64') } }, data: { hash: { algorithm: 'sha256', value: digest } } },
    },
    sha256: digest,
    keyFingerprint: sha256Hex(der),
  };
}

/**
 * Creates the standard e2e workbench in `dataDir`: 64 raw entries in six appends (checkpoints at
 * 1, 3, 7, 15, 31, 64), three hashedrekord entries, a custom `release-note` layout and one entry of
 * it: 69 entries, each append with its signed checkpoint.
 */
export async function seedStandard(dataDir: string): Promise<SeedInfo> {
  initWorkbench({ dataDir, origin: ORIGIN });
  const wb = openWorkbench({ dataDir });
  try {
    const checkpointSizes: number[] = [];
    let size = 0;
    for (const n of RAW_BATCHES) {
      size = wb.localLog().append(rawBatch(size, n)).treeSize;
      checkpointSizes.push(size);
    }
    const signed: Array<SeedInfo['signed'][number]> = [];
    for (const name of ['provwb-1.0.0.tar.gz', 'provwb-1.0.1.tar.gz', 'provwb-1.1.0.tar.gz']) {
      const entry = hashedrekord(`${name} contents`);
      const answer = await addEntry(wb.entryContext(), entry.proposed);
      const [uuid, logEntry] = Object.entries(answer)[0]!;
      signed.push({ logIndex: logEntry.logIndex, uuid, sha256: entry.sha256, keyFingerprint: entry.keyFingerprint, name });
      checkpointSizes.push(logEntry.logIndex + 1);
    }
    const layout = await addEntry(wb.entryContext(), { apiVersion: '0.0.1', kind: 'layout', spec: RELEASE_LAYOUT });
    const layoutIndex = Object.values(layout)[0]!.logIndex;
    checkpointSizes.push(layoutIndex + 1);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const digest = sha256Hex('workbench 2.0 release');
    const release = await addEntry(wb.entryContext(), {
      apiVersion: '0.0.1',
      kind: 'release-note',
      spec: {
        artifact: { sha256: digest },
        project: 'provenance-workbench',
        version: '2.0.0',
        signature: sign(null, Buffer.from(digest, 'hex'), privateKey).toString('base64'),
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
      },
    });
    const logIndex = Object.values(release)[0]!.logIndex;
    checkpointSizes.push(logIndex + 1);
    return {
      origin: ORIGIN,
      treeSize: wb.localLog().record().treeSize,
      checkpointSizes,
      rawCount: size,
      signed,
      custom: { layoutIndex, logIndex, field: 'project=provenance-workbench' },
    };
  } finally {
    wb.close();
  }
}

/** Creates a workbench of `count` raw entries `entry <i>`, appended 100 000 at a time. */
export function seedBig(dataDir: string, count: number): void {
  initWorkbench({ dataDir, origin: 'e2e.example/big' });
  const wb = openWorkbench({ dataDir });
  try {
    for (let start = 0; start < count; start += 100_000) wb.localLog().append(rawBatch(start, Math.min(100_000, count - start)));
  } finally {
    wb.close();
  }
}

/**
 * Changes one byte of entry `index`'s stored body in the database file, as someone with write
 * access to the disk could; the tiles, tree head and checkpoints are left as they were.
 * `mutate` returns the new body (same length, so the entry bundle stays well-formed).
 */
export function tamperEntryBody(dataDir: string, index: number, mutate: (body: Uint8Array) => Uint8Array): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    const bundleIndex = Math.floor(index / TILE_WIDTH);
    const row = db.prepare<[string, number], { width: number; bundle: Buffer }>('SELECT width, bundle FROM entry_bundles WHERE log_id = (SELECT id FROM logs WHERE name = ?) AND idx = ?').get('local', bundleIndex);
    if (!row) throw new Error(`no entry bundle ${bundleIndex}`);
    const bodies = parseEntryBundle(new Uint8Array(row.bundle), row.width);
    const at = index % TILE_WIDTH;
    const changed = mutate(bodies[at]!.slice());
    if (changed.length !== bodies[at]!.length) throw new Error('tampering must keep the body length');
    bodies[at] = changed;
    db.prepare('UPDATE entry_bundles SET bundle = ? WHERE log_id = (SELECT id FROM logs WHERE name = ?) AND idx = ?').run(Buffer.from(formatEntryBundle(bodies)), 'local', bundleIndex);
  } finally {
    db.close();
  }
}
