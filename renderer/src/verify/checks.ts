/** One verification step the renderer performed itself, for badges and check lists. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface Check {
  /** Stable id, e.g. `inclusion`. */
  readonly id: string;
  readonly label: string;
  readonly status: CheckStatus;
  /** What was compared, with the values. */
  readonly detail: string;
}

export interface Verdict {
  /** pass only when no check failed and at least one passed. */
  readonly status: 'pass' | 'fail';
  readonly checks: readonly Check[];
}

/** Returns the verdict over checks: one failure fails it all; skipped checks count for nothing. */
export function verdictOf(checks: readonly Check[]): Verdict {
  const failed = checks.some((c) => c.status === 'fail');
  const passed = checks.some((c) => c.status === 'pass');
  return { status: !failed && passed ? 'pass' : 'fail', checks };
}

/** Returns the message of a thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
