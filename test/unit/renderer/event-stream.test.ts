import { describe, expect, it } from 'vitest';
import { EventStreamParser } from '../../../renderer/src/api/event-stream.js';

describe('EventStreamParser', () => {
  it('returns events as they complete, across chunk boundaries and line-ending styles, skipping comments', () => {
    const parser = new EventStreamParser();
    expect(parser.push('retry: 2000\n: connected\n\nevent: log-chan')).toEqual([]);
    expect(parser.push('ged\ndata: {"treeSize":1}\n')).toEqual([]);
    expect(parser.push('\nevent: x\r\ndata: a\r\ndata: b\r')).toEqual([{ event: 'log-changed', data: '{"treeSize":1}' }]);
    expect(parser.push('\n\r\ndata:plain\n\n')).toEqual([
      { event: 'x', data: 'a\nb' },
      { event: 'message', data: 'plain' },
    ]);
  });
});
