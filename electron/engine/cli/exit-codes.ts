import type { ErrorFamily } from '../../../shared/api/index.js';

/** CLI.md exit codes: 0 ok · 1 verification failed / rejected input · 2 usage · 3 not found · 4 fork. */
export const EXIT_OK = 0;

const EXIT_BY_FAMILY: Record<ErrorFamily, number> = {
  verification: 1,
  input: 1,
  conflict: 1,
  internal: 1,
  usage: 2,
  not_found: 3,
  fork: 4,
};

/** Returns the process exit code for an error family. */
export function exitCodeFor(family: ErrorFamily): number {
  return EXIT_BY_FAMILY[family];
}
