import type { AnyCommand } from './command.js';
import { COMMANDS } from './registry.js';

/** Returns `provwb --help`: the commands and the global options. */
export function globalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'provwb — Provenance Workbench: a local transparency log for software provenance',
    '',
    'usage: provwb COMMAND [options]',
    '',
    'commands:',
    ...lines,
    '',
    'global options:',
    '  --data-dir DIR  workbench folder (default: $PROVWB_DATA_DIR, else the platform app-data folder)',
    '  --json          print exactly one JSON document on stdout',
    '  --quiet         no progress or human output',
    '  --debug         stack traces for internal errors',
    '',
    'exit codes: 0 ok · 1 verification failed or input rejected · 2 usage · 3 not found · 4 fork · 5 new alerts (monitor check --fail-on-alert)',
    '',
  ].join('\n');
}

/** Returns `provwb COMMAND --help`. */
export function commandHelp(command: AnyCommand): string {
  const positionals = command.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(' ');
  const options = Object.entries(command.options).map(([name, spec]) => {
    const flag = spec.type === 'string' ? `--${name} ${spec.valueName ?? 'VALUE'}` : `--${name}`;
    return `  ${flag.padEnd(24)}  ${spec.help}`;
  });
  const args = command.positionals.map((p) => `  ${p.name.padEnd(24)}  ${p.help}`);
  return [`usage: provwb ${command.name}${positionals ? ` ${positionals}` : ''}${options.length ? ' [options]' : ''}`, '', command.summary, '', ...args, ...options, ''].join('\n');
}
