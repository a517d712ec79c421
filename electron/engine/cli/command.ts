import type { Workbench } from '../open-workbench.js';

export type OptionSpec =
  | { readonly type: 'string'; readonly help: string; readonly valueName?: string; readonly multiple?: boolean }
  | { readonly type: 'boolean'; readonly help: string };

export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
  readonly required: boolean;
}

export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** What every command gets: the workbench (opened on first use), streams and the global flags. */
export interface CommandContext {
  readonly dataDir: string;
  /** Opens the workbench lazily, so `init` and pure verifiers never need one. */
  workbench(): Workbench;
  readonly stdin: NodeJS.ReadableStream;
  readonly json: boolean;
  readonly quiet: boolean;
  /** Shows progress on a TTY (stderr); a no-op otherwise. */
  progress(done: number, total: number, label: string): void;
}

/**
 * A CLI command: it parses its own arguments and returns data; it never prints or exits.
 * `render` turns the data into human text; `--json` prints the data itself.
 */
export interface Command<Args, Result> {
  readonly name: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: readonly PositionalSpec[];
  parse(values: OptionValues, positionals: readonly string[]): Args;
  run(args: Args, ctx: CommandContext): Promise<Result> | Result;
  render(result: Result): string;
  /** The exit code of a successful run when it is not 0 (e.g. `monitor check --fail-on-alert` with new alerts). */
  exitCode?(result: Result, args: Args): number;
}

/** A command whose argument and result types are erased (the registry's view). */
export type AnyCommand = Command<unknown, unknown>;

/** Returns the command typed for the registry; its own parse() is what produces run()'s argument. */
export function defineCommand<Args, Result>(command: Command<Args, Result>): AnyCommand {
  return command as unknown as AnyCommand;
}
