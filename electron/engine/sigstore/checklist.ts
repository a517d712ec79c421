/** The checklist `verify artifact` reports and the desktop UI shows, one row per check. */

/** The checks, in the order they are shown. */
export const CHECK_NAMES = ['bundle', 'signature', 'digest', 'identity', 'certificate_chain', 'tlog_body', 'inclusion_proof', 'checkpoint', 'set'] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One row of the checklist. */
export interface ArtifactCheck {
  readonly name: CheckName;
  readonly status: CheckStatus;
  readonly expected?: string;
  readonly actual?: string;
  /** One sentence naming the thing and the values. */
  readonly message: string;
}

/** One finding about a check; several findings about one check are merged into its row. */
export type Finding = Omit<ArtifactCheck, 'name'>;

/**
 * Collects findings per check. A check's row is its first failure if any, else its first pass,
 * else its first skip; a check with no finding at all is reported as a skip that says so.
 */
export class Checklist {
  private readonly findings = new Map<CheckName, Finding[]>();

  add(name: CheckName, finding: Finding): void {
    const list = this.findings.get(name) ?? [];
    list.push(finding);
    this.findings.set(name, list);
  }

  pass(name: CheckName, message: string, values: { expected?: string; actual?: string } = {}): void {
    this.add(name, { status: 'pass', message, ...values });
  }

  fail(name: CheckName, message: string, values: { expected?: string; actual?: string } = {}): void {
    this.add(name, { status: 'fail', message, ...values });
  }

  skip(name: CheckName, message: string): void {
    this.add(name, { status: 'skip', message });
  }

  /** Returns the status the check has so far (undefined: no finding yet). */
  statusOf(name: CheckName): CheckStatus | undefined {
    const list = this.findings.get(name);
    if (!list) return undefined;
    return list.some((f) => f.status === 'fail') ? 'fail' : list.some((f) => f.status === 'pass') ? 'pass' : 'skip';
  }

  /** Returns true when some check failed. */
  hasFailure(): boolean {
    return CHECK_NAMES.some((name) => this.statusOf(name) === 'fail');
  }

  /** Returns one row per check, in CHECK_NAMES order. */
  rows(): ArtifactCheck[] {
    return CHECK_NAMES.map((name) => {
      const list = this.findings.get(name) ?? [];
      const status = this.statusOf(name);
      const finding = status === undefined ? undefined : list.find((f) => f.status === status);
      return { name, ...(finding ?? { status: 'skip' as const, message: 'not checked' }) };
    });
  }
}
