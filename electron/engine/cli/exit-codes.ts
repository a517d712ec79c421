import type { ErrorFamily } from '../../../shared/api/index.js';

/** CLI.md exit codes: 0 ok · 1 verification failed / rejected input · 2 usage · 3 not found · 4 fork · 5 new alerts. */
export const EXIT_OK = 0;

/** `monitor check --fail-on-alert` found new alerts: the check itself succeeded (output printed, alerts stored), so scripts can tell it from a failure. */
export const EXIT_NEW_ALERTS = 5;

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
