import { InputError, NotFoundError, parseJsonText, type RekorLogEntryMap } from '../../../../shared/api/index.js';
import { validateLayout, type LayoutProblem } from '../../../../shared/layout/index.js';
import { listTypes as listWorkbenchTypes, publishLayout } from '../../types/index.js';
import { defineCommand, type CommandContext } from '../command.js';
import { stringOption } from '../args.js';
import { readInputFile } from '../input-file.js';

const MAX_LAYOUT_BYTES = 1024 * 1024;

async function readLayout(file: string, ctx: CommandContext): Promise<unknown> {
  return parseJsonText(await readInputFile(file, ctx.stdin, { maxBytes: MAX_LAYOUT_BYTES }), file);
}

/** Returns the error for an invalid layout: every problem in the details, and listed in the hint for people. */
function layoutInvalid(problems: readonly LayoutProblem[]): InputError {
  const listed = problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n');
  return new InputError('layout_invalid', `the layout has ${problems.length} problem(s)`, { problems }, { hint: `fix these:\n${listed}` });
}

interface TypeSummary {
  readonly kind: string;
  readonly version: string;
  readonly source: 'built-in' | 'layout';
  readonly logIndex?: number;
}

/** Returns every type the local log accepts, with the log index of each custom layout. */
function listTypes(ctx: CommandContext): TypeSummary[] {
  return listWorkbenchTypes(ctx.workbench()).map(({ kind, version, source, logIndex }) => (logIndex === undefined ? { kind, version, source } : { kind, version, source, logIndex }));
}

export const typesAdd = defineCommand<{ file: string }, RekorLogEntryMap>({
  name: 'types add',
  summary: 'Add a custom type layout: validated, then logged as a `layout` entry (types are tamper-evident).',
  options: {},
  positionals: [{ name: 'FILE', help: 'layout JSON, or - for standard input', required: true }],
  parse: (_values, positionals) => ({ file: positionals[0]! }),
  run: async (args, ctx) => {
    const layout = await readLayout(args.file, ctx);
    const problems = validateLayout(layout);
    if (problems.length > 0) throw layoutInvalid(problems);
    return publishLayout(ctx.workbench(), layout);
  },
  render: (r) => {
    const [uuid, entry] = Object.entries(r)[0]!;
    const spec = (JSON.parse(Buffer.from(entry.body, 'base64').toString('utf8')) as { spec: { kind: string; version: string } }).spec;
    return `added type ${spec.kind} ${spec.version} as layout entry ${entry.logIndex} (uuid ${uuid})`;
  },
});

export const typesList = defineCommand<Record<string, never>, { types: TypeSummary[] }>({
  name: 'types list',
  summary: 'List every entry type the local log accepts: built-in Rekor kinds and custom layouts.',
  options: {},
  positionals: [],
  parse: () => ({}),
  run: (_args, ctx) => ({ types: listTypes(ctx) }),
  render: (r) => r.types.map((t) => `${t.kind.padEnd(20)} ${t.version.padEnd(8)} ${t.source}${t.logIndex === undefined ? '' : ` (log index ${t.logIndex})`}`).join('\n'),
});

export const typesShow = defineCommand<{ kind: string; version: string | undefined }, { kind: string; version: string; source: string; layout?: unknown; specSchema: unknown }>({
  name: 'types show',
  summary: 'Show a type: the layout of a custom type, or the spec schema of a built-in kind (latest version unless --version).',
  options: { version: { type: 'string', valueName: 'V', help: 'the version to show' } },
  positionals: [{ name: 'KIND', help: 'the kind name', required: true }],
  parse: (values, positionals) => ({ kind: positionals[0]!, version: stringOption(values, 'version') }),
  run: (args, ctx) => {
    const types = listTypes(ctx).filter((t) => t.kind === args.kind && (args.version === undefined || t.version === args.version));
    const chosen = types.at(-1);
    if (!chosen) throw new NotFoundError('type_not_found', `no type ${args.kind}${args.version ? ` ${args.version}` : ''}`, { kind: args.kind });
    const kind = ctx.workbench().kinds().lookup(chosen.kind, chosen.version);
    if (chosen.logIndex === undefined) return { kind: chosen.kind, version: chosen.version, source: chosen.source, specSchema: kind.specSchema };
    const wb = ctx.workbench();
    const logId = wb.localLog().record().id;
    const layout = (JSON.parse(new TextDecoder().decode(wb.store.entries(logId, chosen.logIndex, chosen.logIndex + 1)[0]!.body)) as { spec: unknown }).spec;
    return { kind: chosen.kind, version: chosen.version, source: chosen.source, layout, specSchema: kind.specSchema };
  },
  render: (r) => JSON.stringify(r.layout ?? r.specSchema, null, 2),
});

export const typesValidate = defineCommand<{ file: string }, { ok: boolean; problems: LayoutProblem[] }>({
  name: 'types validate',
  summary: 'Validate a layout without adding it; lists every problem with its JSON Pointer.',
  options: {},
  positionals: [{ name: 'FILE', help: 'layout JSON, or - for standard input', required: true }],
  parse: (_values, positionals) => ({ file: positionals[0]! }),
  run: async (args, ctx) => {
    const problems = validateLayout(await readLayout(args.file, ctx));
    if (problems.length > 0) throw layoutInvalid(problems);
    return { ok: true, problems };
  },
  render: () => 'ok: the layout is valid',
});
