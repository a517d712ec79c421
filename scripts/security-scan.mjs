#!/usr/bin/env node
// CI's Electron security scan: runs @doyensec/electronegativity over the compiled Electron shell
// (dist/electron/app: exactly the JavaScript that ships), writes a JSON report, prints each
// HIGH or CRITICAL finding and one summary line, and exits 1 on any such finding or on any file it
// could not parse (a file it cannot parse is a file it did not check).
//
// Usage: node scripts/security-scan.mjs [--input DIR]... [--out FILE.json]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Severities that fail the scan. electronegativity 1.10 rates nothing above HIGH; CRITICAL is kept for later versions. */
const FAILING = new Set(['HIGH', 'CRITICAL']);

// electronegativity reads only .js/.jsx/.ts/.tsx/.html/.htm/.json: the sandboxed preload compiles to
// preload.cjs and would be skipped silently, so each file is staged under a name it reads.
const STAGED_NAME = [
  [/\.(cjs|mjs)$/, '.js'],
  [/\.(cts|mts)$/, '.ts'],
];
const SCANNED = /\.(js|cjs|mjs|jsx|ts|cts|mts|tsx|html|htm)$/;
const NOT_SCANNED = /\.d\.(ts|cts|mts)$/;

/**
 * Copies the scannable files under each input into `stage`, renamed where needed, and returns
 * staged relative path → original path (relative to the repository).
 */
function stageInputs(inputs, stage) {
  const origin = new Map();
  for (const [n, input] of inputs.entries()) {
    for (const file of readdirSync(input, { recursive: true })) {
      const rel = String(file);
      if (!SCANNED.test(rel) || NOT_SCANNED.test(rel)) continue;
      const staged = path.join(String(n), STAGED_NAME.reduce((name, [from, to]) => name.replace(from, to), rel));
      mkdirSync(path.dirname(path.join(stage, staged)), { recursive: true });
      cpSync(path.join(input, rel), path.join(stage, staged));
      origin.set(staged, path.relative(root, path.join(input, rel)));
    }
  }
  return origin;
}

/**
 * Runs the scan and returns { files, checks, findings, errors }. electronegativity runs as a library:
 * its CLI, once given -o, drops parse errors without a word, and its report files carry neither the
 * severity nor (for staged files) the original path, so the report is written here instead.
 */
async function scan(inputs) {
  const stage = mkdtempSync(path.join(os.tmpdir(), 'provwb-security-scan-'));
  try {
    const origin = stageInputs(inputs, stage);
    if (origin.size === 0) throw new Error(`no JavaScript or TypeScript files under ${inputs.join(', ')}`);
    const run = require('@doyensec/electronegativity');
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
    // The tool chats on console.log (progress, translation and release downloads); keep it for failures.
    const chatter = [];
    const log = console.log;
    console.log = (...args) => chatter.push(args.join(' '));
    let result;
    try {
      result = await run(
        {
          input: stage,
          isRelative: true,
          customScan: [],
          // Not a suppression of a code finding: this check downloads Electron's release list and
          // reports when the Electron in package.json has newer security releases. It reads only
          // package.json (not staged here), so it could find nothing, and it would make the scan
          // need the network. Electron upgrades are tracked as dependency updates instead.
          excludeFromScan: ['availablesecurityfixesglobalcheck'],
          electronVersionOverride: electronVersion,
          parserPlugins: [],
        },
        false,
      );
    } finally {
      console.log = log;
    }
    const original = (file) => origin.get(path.normalize(file)) ?? file;
    return {
      files: [...origin.values()].sort(),
      checks: result.globalChecks + result.atomicChecks,
      electronVersion,
      findings: result.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file === 'N/A' ? '(global)' : original(i.file), line: i.location.line, column: i.location.column, description: i.description })),
      errors: result.errors.filter((e) => !e.tolerable).map((e) => ({ file: original(path.relative(stage, e.file)), message: e.message })),
      chatter,
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const inputs = (values.input ?? [path.join(root, 'dist', 'electron', 'app')]).map((i) => path.resolve(i));
  const out = path.resolve(values.out ?? path.join(root, 'test-results', 'security-scan.json'));
  for (const input of inputs) {
    if (!existsSync(input)) {
      console.error(`security scan: ${path.relative(root, input)} does not exist; build first (npx tsc -b)`);
      return 1;
    }
  }
  const result = await scan(inputs);
  const { chatter, ...report } = result;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ tool: 'electronegativity', inputs: inputs.map((i) => path.relative(root, i)), ...report }, null, 2)}\n`);
  const failing = result.findings.filter((f) => FAILING.has(f.severity));
  for (const f of failing) console.error(`${f.severity} ${f.id} ${f.file}:${f.line}:${f.column} ${f.description}`);
  for (const e of result.errors) console.error(`PARSE ERROR ${e.file}: ${e.message}`);
  if (failing.length > 0 || result.errors.length > 0) for (const line of chatter) console.error(line);
  const count = (severity) => result.findings.filter((f) => f.severity === severity).length;
  const verdict = failing.length === 0 && result.errors.length === 0 ? 'clean' : 'FAILED';
  console.log(
    `security scan ${verdict}: electronegativity, Electron ${result.electronVersion}, ${result.files.length} files, ${result.checks} checks: ` +
      `${count('CRITICAL')} critical, ${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW')} low, ${count('INFORMATIONAL')} informational` +
      `${result.errors.length > 0 ? `, ${result.errors.length} unparsable` : ''} (${path.relative(process.cwd(), out)})`,
  );
  return verdict === 'clean' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`security scan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
