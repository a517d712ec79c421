import { parseArgs } from 'node:util';
import { UsageError, isWorkbenchError, type WorkbenchErrorData } from '../../../shared/api/index.js';
import { defaultDataDir } from '../data-dir.js';
import type { Workbench } from '../open-workbench.js';
import type { AnyCommand, CommandContext } from './command.js';
import { EXIT_OK, exitCodeFor } from './exit-codes.js';
import { commandHelp, globalHelp } from './help.js';
import { COMMANDS } from './registry.js';
import { createProgressLine } from './progress-line.js';
import { printError, printResult } from './render.js';

interface GlobalFlags {
  dataDir: string | undefined;
  json: boolean;
  quiet: boolean;
  debug: boolean;
  help: boolean;
  rest: string[];
}

/** Pulls the global options out of argv wherever they stand. */
function splitGlobalFlags(argv: readonly string[]): GlobalFlags {
  const flags: GlobalFlags = { dataDir: undefined, json: false, quiet: false, debug: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      flags.rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--json') flags.json = true;
    else if (arg === '--quiet' || arg === '-q') flags.quiet = true;
    else if (arg === '--debug') flags.debug = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if (arg === '--data-dir') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('missing_option', '--data-dir needs a directory');
      flags.dataDir = value;
    } else if (arg.startsWith('--data-dir=')) flags.dataDir = arg.slice('--data-dir='.length);
    else flags.rest.push(arg);
  }
  return flags;
}

/** Returns the longest command name that the leading words spell, and the words after it. */
function findCommand(words: readonly string[]): { name: string; rest: string[] } | undefined {
  for (const take of [2, 1]) {
    const name = words.slice(0, take).join(' ');
    if (words.length >= take && COMMANDS[name] && !words.slice(0, take).some((w) => w.startsWith('-'))) {
      return { name, rest: words.slice(take) };
    }
  }
  return undefined;
}

function parseCommandArgs(command: AnyCommand, argv: readonly string[]): unknown {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, spec.type === 'string' ? { type: 'string' as const, multiple: spec.multiple ?? false } : { type: 'boolean' as const }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains over several lines; the first is the sentence, the rest a hint.
    const [sentence, ...more] = (error as Error).message.split('\n');
    throw new UsageError('bad_arguments', `${command.name}: ${sentence}`, undefined, { hint: [...more, `see provwb ${command.name} --help`].join(' ') });
  }
  const required = command.positionals.filter((p) => p.required).length;
  if (parsed.positionals.length < required || parsed.positionals.length > command.positionals.length) {
    const names = command.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(' ');
    throw new UsageError('bad_arguments', `${command.name} takes ${names || 'no arguments'}, got ${parsed.positionals.length}`, undefined, { hint: `see provwb ${command.name} --help` });
  }
  return command.parse(parsed.values as Record<string, string | boolean | string[] | undefined>, parsed.positionals);
}

function toErrorData(error: unknown, debug: boolean): WorkbenchErrorData {
  if (isWorkbenchError(error)) return error.toData();
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return { family: 'internal', code: 'internal_error', message: `internal error: ${message}`, hint: 'run again with --debug for the stack trace, and report it' };
}

/** Runs the CLI with the given arguments and exits with CLI.md's exit code. The only caller of process.exit. */
export async function main(argv: readonly string[]): Promise<void> {
  let json = argv.includes('--json');
  let debug = argv.includes('--debug');
  let workbench: Workbench | undefined;
  let code = EXIT_OK;
  try {
    const flags = splitGlobalFlags(argv);
    json = flags.json;
    debug = flags.debug;
    const found = findCommand(flags.rest);
    if (!found) {
      if (flags.help && flags.rest.length === 0) {
        process.stdout.write(globalHelp());
        process.exit(0);
      }
      if (flags.rest.length === 0) throw new UsageError('missing_command', 'no command given', undefined, { hint: 'run provwb --help for the list of commands' });
      throw new UsageError('unknown_command', `unknown command: ${flags.rest.slice(0, 2).join(' ')}`, undefined, { hint: 'run provwb --help for the list of commands' });
    }
    const command = await COMMANDS[found.name]!.load();
    if (flags.help) {
      process.stdout.write(commandHelp(command));
      process.exit(0);
    }
    const args = parseCommandArgs(command, found.rest);
    const dataDir = flags.dataDir ?? defaultDataDir();
    // Loaded here, not at the top: the engine pulls in every entry kind, and --help should not wait for it.
    const { openWorkbench } = await import('../open-workbench.js');
    const ctx: CommandContext = {
      dataDir,
      workbench: () => (workbench ??= openWorkbench({ dataDir })),
      stdin: process.stdin,
      json,
      quiet: flags.quiet,
      progress: !flags.quiet && process.stderr.isTTY ? createProgressLine(process.stderr, () => performance.now()) : () => {},
    };
    const result = await command.run(args, ctx);
    printResult(process.stdout, json, result, () => (flags.quiet ? '' : command.render(result)));
    code = command.exitCode?.(result, args) ?? EXIT_OK;
  } catch (error) {
    const data = toErrorData(error, debug);
    if (json) printError(process.stdout, true, data);
    printError(process.stderr, false, data);
    code = exitCodeFor(data.family);
  } finally {
    workbench?.close();
  }
  // A pipe's writes can still be queued here, and process.exit would drop them (seen: a 255 KB
  // `monitor check --json` cut short): exit once both streams have handed everything to the OS.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Resolves when everything written to `stream` so far has been written out (or the stream failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
