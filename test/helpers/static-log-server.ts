/**
 * A loopback HTTP server for a C2SP tlog-tiles directory that counts requests and can misbehave on
 * purpose (tampered bytes, HTML error pages, hanging), to test what a mirror does with hostile remotes.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Returns a replacement answer for a path, or undefined to serve the file as it is. */
export type Misbehaviour = (urlPath: string, body: Buffer | undefined, res: ServerResponse) => boolean;

export interface StaticLogServer {
  readonly url: string;
  /** GET counts per path. */
  readonly requests: Map<string, number>;
  misbehave(hook: Misbehaviour | undefined): void;
  close(): Promise<void>;
}

export async function startStaticLogServer(dir: string): Promise<StaticLogServer> {
  const requests = new Map<string, number>();
  let hook: Misbehaviour | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    requests.set(urlPath, (requests.get(urlPath) ?? 0) + 1);
    const file = path.join(dir, urlPath);
    const body = file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
    if (hook?.(urlPath, body, res)) return;
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': urlPath === 'checkpoint' ? 'text/plain; charset=utf-8' : 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    misbehave: (h) => {
      hook = h;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
