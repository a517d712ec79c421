/**
 * The Go reference tool (../shared/tools/gotlog, built on golang.org/x/mod/sumdb): built once per
 * test process, or a reason why it could not be, so that interop tests skip clearly instead of
 * passing silently.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { sharedRoot } from './testdata.js';

/** The script that builds gotlog and prints the binary's path on its last stdout line. */
export const gotlogBuildScript = path.join(sharedRoot, 'tools/gotlog/build.sh');

export type GotlogBuild = { readonly path: string; readonly skipReason?: undefined } | { readonly path?: undefined; readonly skipReason: string };

let built: GotlogBuild | undefined;

/**
 * Returns the gotlog binary's path, building it on first use (offline; ~10 s the first time, ~0 s
 * after), or the reason it is unavailable. The result is cached for the test process.
 */
export function buildGotlog(): GotlogBuild {
  if (built) return built;
  if (!existsSync(gotlogBuildScript)) {
    built = { skipReason: `the Go reference tool is missing: ${gotlogBuildScript} does not exist` };
    return built;
  }
  try {
    const out = execFileSync(gotlogBuildScript, [], { encoding: 'utf8', timeout: 300_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const binary = out.trim().split('\n').at(-1)?.trim();
    if (!binary || !existsSync(binary)) throw new Error(`build.sh printed no usable binary path (stdout: ${JSON.stringify(out.slice(-200))})`);
    built = { path: binary };
  } catch (error) {
    const e = error as Error & { stderr?: string };
    const detail = (e.stderr?.trim() || e.message).split('\n')[0];
    built = { skipReason: `the Go reference tool gotlog could not be built with ${gotlogBuildScript}: ${detail}` };
  }
  return built;
}

/** Returns the gotlog binary's path, or skips the running test with the reason it is unavailable. */
export function requireGotlog(ctx: TestContext): string {
  const result = buildGotlog();
  if (result.path === undefined) {
    ctx.skip(result.skipReason);
    throw new Error('unreachable: ctx.skip throws');
  }
  return result.path;
}

export interface GotlogResult {
  /** Exit status (-1 when killed by a signal). */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as one JSON document, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

function toResult(status: number, stdout: string, stderr: string): GotlogResult {
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status, stdout, stderr, json };
}

/**
 * Runs gotlog asynchronously (so a server in this process, such as a loopback HTTP server, keeps
 * answering) and resolves with its exit status and output; a non-zero exit is a result, not an error.
 */
export function runGotlog(binary: string, args: readonly string[], input?: string | Uint8Array): Promise<GotlogResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(binary, [...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        if (error.killed || error.signal) {
          resolve(toResult(-1, stdout, stderr));
          return;
        }
        reject(error);
        return;
      }
      resolve(toResult(error ? Number(error.code) : 0, stdout, stderr));
    });
    child.stdin?.end(input ?? '');
  });
}

/** A short text describing a gotlog result for assertion messages. */
export function describeGotlog(result: GotlogResult): string {
  return `gotlog exit ${result.status}\nstdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`;
}
