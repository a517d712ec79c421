/**
 * Runs the built `provwb` CLI (bin/provwb.js → dist/) as a child process, the way scripts and CI
 * use it. Requires `npx tsc -b` first.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as OpenWorkbenchModule from '../../electron/engine/open-workbench.js';
import type * as LogModule from '../../electron/engine/log/index.js';
import { repoRoot } from './testdata.js';

/** The CLI launcher. */
export const provwbBin = path.join(repoRoot, 'bin/provwb.js');

/** The compiled CLI the launcher imports. */
export const provwbMain = path.join(repoRoot, 'dist/electron/engine/cli/main.js');

/** Throws a clear error when the CLI has not been built (a build step is a precondition, not a reason to skip). */
export function assertCliBuilt(): void {
  if (!existsSync(provwbMain)) {
    throw new Error(`the CLI is not built: ${provwbMain} is missing; run \`npx tsc -b\` before these tests`);
  }
}

/** The engine as built into dist/ (the code the CLI runs), typed by its sources. */
export interface BuiltEngine {
  readonly initWorkbench: typeof OpenWorkbenchModule.initWorkbench;
  readonly openWorkbench: typeof OpenWorkbenchModule.openWorkbench;
  readonly exportTiles: typeof LogModule.exportTiles;
  readonly LOCAL_LOG_NAME: string;
}

/**
 * Returns the built engine from dist/. Tests that create or inspect a workbench which the spawned
 * CLI (or a child process) also opens use it, so both sides run the same build even while the
 * sources are being edited and not yet rebuilt.
 */
export async function loadBuiltEngine(): Promise<BuiltEngine> {
  assertCliBuilt();
  const open = (await import(pathToFileURL(path.join(repoRoot, 'dist/electron/engine/open-workbench.js')).href)) as typeof OpenWorkbenchModule;
  const log = (await import(pathToFileURL(path.join(repoRoot, 'dist/electron/engine/log/index.js')).href)) as typeof LogModule;
  return { initWorkbench: open.initWorkbench, openWorkbench: open.openWorkbench, exportTiles: log.exportTiles, LOCAL_LOG_NAME: open.LOCAL_LOG_NAME };
}

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Bytes or text given on standard input (default: none, stdin closed). */
  readonly input?: string | Uint8Array;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs `node bin/provwb.js ARGS` and resolves with its exit status and output (a non-zero exit is
 * a result). Asynchronous, so independent invocations can run side by side.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  assertCliBuilt();
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [provwbBin, ...args],
      { encoding: 'utf8', cwd: repoRoot, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          if (error.killed || error.signal) {
            resolve({ status: -1, stdout, stderr: `${stderr}\n(killed: ${error.signal ?? 'timeout'})` });
            return;
          }
          reject(error);
          return;
        }
        resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs `provwb --data-dir DIR ARGS`. */
export function runCliIn(dataDir: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return runCli(['--data-dir', dataDir, ...args], options);
}

/** Returns stdout parsed as exactly one JSON document; throws with the output when it is not. */
export function parseJsonOutput<T = Record<string, unknown>>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${result.status}):\nstdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`);
  }
}

/** A short text describing a CLI result for assertion messages. */
export function describeCli(result: CliResult): string {
  return `provwb exit ${result.status}\nstdout: ${result.stdout.slice(0, 2000)}\nstderr: ${result.stderr.slice(0, 2000)}`;
}

/** Runs a command that must succeed with --json and returns its parsed output. */
export async function cliJson<T = Record<string, unknown>>(dataDir: string, args: readonly string[], options: CliOptions = {}): Promise<T> {
  const result = await runCliIn(dataDir, [...args, '--json'], options);
  if (result.status !== 0) throw new Error(`provwb ${args.join(' ')} failed: ${describeCli(result)}`);
  return parseJsonOutput<T>(result);
}
