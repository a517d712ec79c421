/**
 * Seeds e2e workbenches through the engine's own API (init, raw appends, typed entries through the
 * add pipeline), and tampers a database file the way an attacker with disk access would.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleEcdsa } from '../../../examples/layouts/example-signers.mjs';
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
  readonly custom: { readonly layoutIndex: number; readonly logIndex: number; readonly field: string; readonly kindLabel: string };
}

const RAW_BATCHES = [1, 2, 4, 8, 16, 33];

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'layouts');

/** Reads one of the committed example layouts or entries (signed by make-examples.mjs with the example signers). */
function example(name: string): unknown {
  return JSON.parse(readFileSync(path.join(EXAMPLES, name), 'utf8')) as unknown;
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function rawBatch(start: number, count: number): Array<{ body: Uint8Array }> {
  return Array.from({ length: count }, (_, i) => ({ body: new TextEncoder().encode(`entry ${start + i}`) }));
}

/** Returns a hashedrekord 0.0.1 proposed entry for `content`, signed with the example ECDSA P-256 key of `label`. */
function hashedrekord(content: string, label: string): { proposed: unknown; sha256: string; keyFingerprint: string } {
  const key = exampleEcdsa(`e2e hashedrekord signer ${label}`, 'p256');
  const digest = sha256Hex(content);
  return {
    proposed: {
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: { signature: { content: key.sign(Buffer.from(content), 'der').toString('base64'), publicKey: { content: Buffer.from(key.pem).toString('base64') } }, data: { hash: { algorithm: 'sha256', value: digest } } },
    },
    sha256: digest,
    keyFingerprint: key.fingerprint,
  };
}

/**
 * Creates the standard e2e workbench in `dataDir`: 64 raw entries in six appends (checkpoints at
 * 1, 3, 7, 15, 31, 64), three hashedrekord entries, the custom `sbom-attestation` example layout and its
 * example entry: 69 entries, each append with its signed checkpoint.
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
      const entry = hashedrekord(`${name} contents`, name);
      const answer = await addEntry(wb.entryContext(), entry.proposed);
      const [uuid, logEntry] = Object.entries(answer)[0]!;
      signed.push({ logIndex: logEntry.logIndex, uuid, sha256: entry.sha256, keyFingerprint: entry.keyFingerprint, name });
      checkpointSizes.push(logEntry.logIndex + 1);
    }
    // The custom kind is the committed sbom-attestation example: its layout, then its signed entry.
    const layout = await addEntry(wb.entryContext(), { apiVersion: '0.0.1', kind: 'layout', spec: example('sbom-attestation-0.0.1.layout.json') });
    const layoutIndex = Object.values(layout)[0]!.logIndex;
    checkpointSizes.push(layoutIndex + 1);
    const custom = await addEntry(wb.entryContext(), example('sbom-attestation-0.0.1.entry.json'));
    const logIndex = Object.values(custom)[0]!.logIndex;
    checkpointSizes.push(logIndex + 1);
    return {
      origin: ORIGIN,
      treeSize: wb.localLog().record().treeSize,
      checkpointSizes,
      rawCount: size,
      signed,
      custom: { layoutIndex, logIndex, field: 'subject=hello-linux-amd64', kindLabel: 'sbom-attestation 0.0.1' },
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
