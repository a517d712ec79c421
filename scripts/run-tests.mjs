#!/usr/bin/env node
// README's test command: builds, runs every unit + interop test (vitest) and every e2e test
// (Playwright, once it has specs), and ends with one line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function run(command, args, extraEnv = {}) {
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return child.status ?? 1;
}

if (run('npx', ['tsc', '-b']) !== 0) {
  console.error('build failed: no tests were run');
  failed += 1;
} else {
  // The tests themselves are TypeScript too: a type error in them is a failure.
  if (run('npx', ['tsc', '-p', 'test/tsconfig.json', '--noEmit']) !== 0) {
    console.error('test sources do not typecheck');
    failed += 1;
  }
  const vitestJson = path.join(results, 'vitest.json');
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A test file that fails to load has no tests to count; count it as one failure.
    failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else {
    console.error('vitest wrote no report');
    failed += 1;
  }

  const e2eDir = path.join(root, 'test', 'e2e');
  const hasSpecs = existsSync(e2eDir) && readdirSync(e2eDir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
  if (hasSpecs) {
    const playwrightJson = path.join(results, 'playwright.json');
    run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
    if (existsSync(playwrightJson)) {
      const stats = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats;
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected;
    } else {
      console.error('playwright wrote no report');
      failed += 1;
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
