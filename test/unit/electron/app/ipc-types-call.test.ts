import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_JSON_CHARS, MAX_LAYOUT_JSON_CHARS, type ApiEnvelope } from '../../../../shared/api/index.js';
import { answerIpcCall } from '../../../../electron/app/ipc-call.js';

const RENDERER = 'app://workbench/index.html';

describe('answerIpcCall for the type designer', () => {
  it('given the largest layout and entry, escaped at twice their length, passes them to the engine', async () => {
    const calls: string[] = [];
    const input = { layoutJson: '"'.repeat(MAX_LAYOUT_JSON_CHARS), entryJson: '\n'.repeat(MAX_ENTRY_JSON_CHARS) };
    const envelope = await answerIpcCall(RENDERER, 'types.validateEntry', input, async (method): Promise<ApiEnvelope> => {
      calls.push(method);
      return { ok: true, result: null };
    });
    expect(envelope).toEqual({ ok: true, result: null });
    expect(calls).toEqual(['types.validateEntry']);
  });

  it('given a layout as an object instead of JSON text, refuses it before the engine sees it', async () => {
    const calls: string[] = [];
    const envelope = await answerIpcCall(RENDERER, 'types.publish', { layoutJson: { kind: 'x' } }, async (method): Promise<ApiEnvelope> => {
      calls.push(method);
      return { ok: true, result: null };
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'input_invalid' } });
    expect(calls).toEqual([]);
  });
});
