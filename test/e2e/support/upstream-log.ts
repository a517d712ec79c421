/**
 * An upstream transparency log for the Monitor e2e: a workbench of hashedrekord entries signed
 * with fresh ECDSA P-256 keys, served by the built `provwb serve` on a loopback port (Rekor v1 API
 * and tiles), and a loopback webhook receiver. Entries are added through the built engine while
 * serve runs, as another writer on the same database would.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { addEntry } from '../../../dist/electron/engine/entries/index.js';
import { initWorkbench, openWorkbench } from '../../../dist/electron/engine/open-workbench.js';

export interface Signer {
  readonly privateKey: KeyObject;
  readonly pem: string;
  /** What the search index stores for the key: hex SHA-256 of its DER SubjectPublicKeyInfo. */
  readonly fingerprint: string;
}

/** Returns a new ECDSA P-256 signer. */
export function newSigner(): Signer {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: createHash('sha256').update(spki).digest('hex') };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface UpstreamLog {
  readonly url: string;
  /** The Rekor v1 public key (PEM) a `rekor` remote pins. */
  readonly publicKeyPem: string;
  /** The C2SP verifier key a `rekor-v2` (tiles) remote pins. */
  readonly vkey: string;
  /** Logs a hashedrekord 0.0.1 entry for `artifact` signed by `signer`; returns its index. */
  add(artifact: string, signer: Signer): Promise<{ logIndex: number; uuid: string }>;
  stop(): Promise<void>;
}

/** Creates the upstream workbench in `dataDir` and starts `provwb serve` on it. */
export async function startUpstream(root: string, dataDir: string): Promise<UpstreamLog> {
  initWorkbench({ dataDir, origin: 'e2e.example/upstream' });
  const wb = openWorkbench({ dataDir });
  const vkey = wb.info().verifierKey;
  wb.close();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'provwb.js'), '--data-dir', dataDir, 'serve', '--addr', '127.0.0.1:0', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await servedUrl(child);
  const publicKeyPem = await (await fetch(`${url}/api/v1/log/publicKey`)).text();
  return {
    url,
    publicKeyPem,
    vkey,
    async add(artifact, signer) {
      const wb = openWorkbench({ dataDir });
      try {
        const proposed = {
          apiVersion: '0.0.1',
          kind: 'hashedrekord',
          spec: {
            data: { hash: { algorithm: 'sha256', value: sha256Hex(artifact) } },
            signature: { content: sign('sha256', Buffer.from(artifact), signer.privateKey).toString('base64'), publicKey: { content: Buffer.from(signer.pem).toString('base64') } },
          },
        };
        const [uuid, entry] = Object.entries(await addEntry(wb.entryContext(), proposed))[0]!;
        return { logIndex: entry.logIndex, uuid };
      } finally {
        wb.close();
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function servedUrl(child: ChildProcess): Promise<string> {
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provwb serve printed no URL in 20 s: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provwb serve exited (${code}) before printing its URL: ${stderr}`));
    });
  });
}

export interface WebhookReceiver {
  readonly url: string;
  /** Every POST received: its alert id header and JSON body. */
  readonly received: Array<{ readonly alertId: string; readonly body: unknown; readonly headers: IncomingHttpHeaders }>;
  stop(): Promise<void>;
}

/** Starts a loopback HTTP receiver answering 204 to every POST. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      received.push({ alertId: String(req.headers['x-provwb-alert-id']), body: JSON.parse(text) as unknown, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/provwb-alerts`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
