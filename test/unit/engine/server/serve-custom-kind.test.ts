import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutEntryKind } from '../../../../electron/engine/types/index.js';
import { repoRoot } from '../../../helpers/testdata.js';
import { postJson, startTestServe, type TestServe } from '../../../helpers/serve.js';

const vector = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/layouts/vectors/happy-ed25519-raw-key-digest.json'), 'utf8')) as { layout: { kind: string }; proposed: unknown };

describe('provwb serve and custom types', () => {
  let serve: TestServe;
  beforeAll(async () => {
    serve = await startTestServe();
  });
  afterAll(async () => {
    expect(serve.reported).toEqual([]);
    await serve.close();
  });

  it('given a layout posted while serving, accepts entries of its kind from then on', async () => {
    const before = await postJson(`${serve.url}/api/v1/log/entries`, vector.proposed);
    expect(before.status).toBe(400);
    expect((before.json as { message: string }).message).toContain(vector.layout.kind);
    const layout = await postJson(`${serve.url}/api/v1/log/entries`, { apiVersion: layoutEntryKind.apiVersion, kind: layoutEntryKind.kind, spec: vector.layout });
    expect(layout.status, layout.text).toBe(201);
    const after = await postJson(`${serve.url}/api/v1/log/entries`, vector.proposed);
    expect(after.status, after.text).toBe(201);
    expect(serve.workbench.localLog().record().treeSize).toBe(2);
  });
});
