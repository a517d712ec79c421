import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../shared/api/index.js';
import { matchRoute } from '../../../../electron/engine/server/serve-routes.js';
import { parseServeAddress, treeIdOf } from '../../../../electron/engine/server/index.js';
import { expectWorkbenchError } from '../../../helpers/assertions.js';
import { runCli } from '../../../helpers/cli.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('matchRoute', () => {
  it.each([
    ['GET', '/api/v1/log', 'getLogInfo'],
    ['GET', '/api/v1/log/publicKey', 'getPublicKey'],
    ['GET', '/api/v1/log/proof', 'getLogProof'],
    ['POST', '/api/v1/log/entries', 'createLogEntry'],
    ['GET', '/api/v1/log/entries', 'getLogEntryByIndex'],
    ['POST', '/api/v1/log/entries/retrieve', 'searchLogQuery'],
    ['GET', `/api/v1/log/entries/${'a'.repeat(64)}`, 'getLogEntryByUuid'],
    ['POST', '/api/v1/index/retrieve', 'searchIndex'],
    ['POST', '/api/v2/log/entries', 'createEntryV2'],
    ['GET', '/checkpoint', 'getCheckpoint'],
    ['HEAD', '/checkpoint', 'getCheckpoint'],
    ['GET', '/tile/0/x001/234.p/5', 'getTile'],
  ])('%s %s goes to %s', (method, path, handler) => {
    const match = matchRoute(method, path);
    expect(match.kind).toBe('found');
    expect(match.kind === 'found' && match.route.handler.name).toBe(handler);
  });

  it('answers method_not_allowed with the allowed methods, in the path\'s dialect', () => {
    expect(matchRoute('DELETE', '/api/v1/log/entries')).toEqual({ kind: 'method_not_allowed', allow: ['POST', 'GET'], dialect: 'rekor-v1' });
    expect(matchRoute('GET', '/api/v2/log/entries')).toEqual({ kind: 'method_not_allowed', allow: ['POST'], dialect: 'rekor-v2' });
  });

  it('answers not_found in the path\'s dialect', () => {
    expect(matchRoute('GET', '/api/v1/elsewhere')).toEqual({ kind: 'not_found', dialect: 'rekor-v1' });
    expect(matchRoute('GET', '/api/v2/x')).toEqual({ kind: 'not_found', dialect: 'rekor-v2' });
    expect(matchRoute('GET', '/')).toEqual({ kind: 'not_found', dialect: 'text' });
  });
});

describe('parseServeAddress', () => {
  it.each([
    ['127.0.0.1:8080', '127.0.0.1', 8080],
    ['localhost:0', 'localhost', 0],
    ['[::1]:9000', '::1', 9000],
    ['0.0.0.0:443', '0.0.0.0', 443],
  ])('reads %s', (text, host, port) => {
    expect(parseServeAddress(text)).toEqual({ host, port });
  });

  it.each([['8080'], ['127.0.0.1'], ['127.0.0.1:65536'], ['::1:80'], ['host name:80'], ['127.0.0.1:-1']])('refuses %s with addr_invalid', (text) => {
    expectWorkbenchError(() => parseServeAddress(text), UsageError, 'addr_invalid');
  });
});

describe('treeIdOf', () => {
  it('is the first 8 bytes of the log ID as a positive int64, in decimal and 16 hex digits', () => {
    expect(treeIdOf(`ffffffffffffffff${'0'.repeat(48)}`)).toEqual({ decimal: String(2n ** 63n - 1n), hex: '7fffffffffffffff' });
    expect(treeIdOf(`0000000000000102${'f'.repeat(48)}`)).toEqual({ decimal: '258', hex: '0000000000000102' });
  });
});

describe('provwb serve (spawned)', () => {
  it('exits 2 for a bad --addr and for a bad --max-body-bytes', async () => {
    expect((await runCli(['--data-dir', '/nonexistent', 'serve', '--addr', 'nowhere'])).status).toBe(2);
    expect((await runCli(['--data-dir', '/nonexistent', 'serve', '--max-body-bytes', 'lots'])).status).toBe(2);
  });

  it('exits 3 without a workbench', async () => {
    expect((await runCli(['--data-dir', '/nonexistent-provwb-dir', 'serve', '--addr', '127.0.0.1:0'])).status).toBe(3);
  });

  it('exits 2 when the address is taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    const { dir, cleanup } = tempDir();
    try {
      expect((await runCli(['--data-dir', dir, 'init', '--origin', 'provwb.test/taken'])).status).toBe(0);
      const r = await runCli(['--data-dir', dir, 'serve', '--addr', `127.0.0.1:${port}`, '--json']);
      expect(r.status).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'addr_unavailable' } });
    } finally {
      cleanup();
      blocker.close();
    }
  });

  it('documents its options in --help', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--addr');
    expect(help.stdout).toContain('--max-body-bytes');
  });
});
