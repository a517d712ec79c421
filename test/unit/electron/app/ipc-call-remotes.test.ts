import { describe, expect, it } from 'vitest';
import { answerIpcCall, type EngineCall } from '../../../../electron/app/ipc-call.js';

const OURS = 'app://workbench/index.html';

/** An engine that records what reached it. */
function engine(): { call: EngineCall; reached: string[] } {
  const reached: string[] = [];
  return {
    reached,
    call: async (method, input) => {
      reached.push(method);
      return { ok: true, result: { method, input } };
    },
  };
}

describe('answerIpcCall for the remotes, forks, audit and tasks operations', () => {
  it('passes checked calls on to the engine', async () => {
    const e = engine();
    const add = { name: 'gosum', type: 'sumdb', url: 'https://sum.golang.org', key: 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ada3TYrRAQJP6TBi' };
    expect(await answerIpcCall(OURS, 'remotes.add', add, e.call)).toEqual({ ok: true, result: { method: 'remotes.add', input: add } });
    expect((await answerIpcCall(OURS, 'remotes.sync', { name: 'gosum' }, e.call)).ok).toBe(true);
    expect((await answerIpcCall(OURS, 'tasks.cancel', { id: 'sync-0123456789abcdef' }, e.call)).ok).toBe(true);
    expect((await answerIpcCall(OURS, 'audit.run', { log: 'local' }, e.call)).ok).toBe(true);
    expect(e.reached).toEqual(['remotes.add', 'remotes.sync', 'tasks.cancel', 'audit.run']);
  });

  it('refuses bad input with input_invalid and every problem, before the engine sees it', async () => {
    const e = engine();
    const answer = await answerIpcCall(OURS, 'remotes.add', { name: '../x', type: 'svn', url: 'javascript:alert(1)', key: '' }, e.call);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('input_invalid');
    const problems = !answer.ok ? (answer.error.details?.problems as Array<{ pointer: string }>) : [];
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/key', '/name', '/type', '/url']);
    expect((await answerIpcCall(OURS, 'forks.get', { id: -1 }, e.call)).ok).toBe(false);
    expect(e.reached).toEqual([]);
  });

  it('refuses another sender for every new method', async () => {
    const e = engine();
    for (const method of ['remotes.list', 'remotes.sync', 'forks.list', 'audit.run', 'tasks.get']) {
      const answer = await answerIpcCall('https://evil.example/', method, {}, e.call);
      expect(!answer.ok && answer.error.code, method).toBe('sender_untrusted');
    }
    expect(e.reached).toEqual([]);
  });
});
