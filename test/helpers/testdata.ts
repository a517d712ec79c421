import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The workplace's shared folder (public test data, Go reference tools), beside the repository. */
export const sharedRoot = path.resolve(repoRoot, '../shared');

/** Returns a parsed JSON file under ../shared/testdata. */
export function readTestdataJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(path.join(sharedRoot, 'testdata', relativePath), 'utf8')) as T;
}

/** Returns the absolute path of a file under ../shared/testdata. */
export function testdataPath(relativePath: string): string {
  return path.join(sharedRoot, 'testdata', relativePath);
}
