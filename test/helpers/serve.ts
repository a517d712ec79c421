/**
 * A `provwb serve` host on a random loopback port over a fresh temporary workbench, and signed
 * requests to send it: hashedrekord 0.0.1 proposed entries (Rekor v1) and CreateEntryRequests (v2).
 */
import { spawn } from 'node:child_process';
import { createHash, sign } from 'node:crypto';
import { startServeHost, type ServeHost } from '../../electron/engine/server/index.js';
import type { Workbench } from '../../electron/engine/open-workbench.js';
import { testSigner, type TestSigner } from '../fixtures/sigstore/local-signing.js';
import { assertCliBuilt, provwbBin } from './cli.js';
import { tempWorkbench, type FakeClock } from './temp-workbench.js';

export interface TestServe {
  readonly host: ServeHost;
  readonly url: string;
  readonly workbench: Workbench;
  readonly clock: FakeClock;
  readonly dir: string;
  /** Unexpected errors the host reported (bugs); tests expect none. */
  readonly reported: unknown[];
  /** Closes the host, then the workbench, then removes the folder. */
  close(): Promise<void>;
}

/** Starts a serve host (port 0) over a new workbench named `origin`. */
export async function startTestServe(options: { origin?: string; maxBodyBytes?: number } = {}): Promise<TestServe> {
  const { workbench, clock, dir, cleanup } = tempWorkbench(options.origin ?? 'provwb.test/serve');
  const reported: unknown[] = [];
  const host = await startServeHost({ workbench, port: 0, ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }), report: (error) => reported.push(error) });
  return {
    reported,
    host,
    url: host.url,
    workbench,
    clock,
    dir,
    close: async () => {
      await host.close();
      cleanup();
    },
  };
}

/** A hashedrekord 0.0.1 proposed entry for `artifact` signed by `signer` (ECDSA P-256, DER over SHA-256). */
export function hashedRekordProposal(artifact: Uint8Array, signer: TestSigner = testSigner('ecdsa-p256')): { apiVersion: string; kind: string; spec: unknown } {
  const digest = createHash('sha256').update(artifact).digest('hex');
  const signature = sign('sha256', artifact, signer.privateKey).toString('base64');
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: { data: { hash: { algorithm: 'sha256', value: digest } }, signature: { content: signature, publicKey: { content: Buffer.from(signer.pem).toString('base64') } } },
  };
}

/** A Rekor v2 CreateEntryRequest with a hashedrekord 0.0.2 request for `artifact` (ECDSA P-256). */
export function hashedRekordV2Request(artifact: Uint8Array, signer: TestSigner = testSigner('ecdsa-p256')): { hashedRekordRequestV002: unknown } {
  return {
    hashedRekordRequestV002: {
      digest: createHash('sha256').update(artifact).digest('base64'),
      signature: { content: sign('sha256', artifact, signer.privateKey).toString('base64'), verifier: { publicKey: { rawBytes: signer.spki.toString('base64') }, keyDetails: 'PKIX_ECDSA_P256_SHA_256' } },
    },
  };
}

/** POSTs JSON (or raw text) and returns status, headers and the parsed (or raw) body. */
export async function postJson(url: string, body: unknown, options: { raw?: boolean } = {}): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: options.raw ? (body as string) : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** GETs a URL and returns status, headers and the body as text and JSON (when it is JSON). */
export async function getUrl(url: string): Promise<{ status: number; headers: Headers; json: unknown; text: string; bytes: Uint8Array }> {
  const response = await fetch(url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text, bytes };
}

/** A `provwb serve` child process (the built CLI) and how to stop it. */
export interface ServeProcess {
  readonly url: string;
  /** Sends `signal` and resolves with the exit status and everything printed. */
  stop(signal?: NodeJS.Signals): Promise<{ status: number | null; stdout: string; stderr: string }>;
}

/** Spawns `provwb --data-dir DIR serve --addr 127.0.0.1:0 --json ARGS` and resolves once it printed its URL. */
export function spawnServe(dataDir: string, args: readonly string[] = []): Promise<ServeProcess> {
  assertCliBuilt();
  const child = spawn(process.execPath, [provwbBin, '--data-dir', dataDir, 'serve', '--addr', '127.0.0.1:0', '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (status) => resolve({ status, stdout, stderr })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provwb serve printed no URL within 20 s: ${stderr}`)), 20_000);
    const onData = () => {
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    void exited.then((r) => {
      clearTimeout(timer);
      reject(new Error(`provwb serve exited (${r.status}) before printing its URL: ${r.stderr}`));
    });
  });
}
