/**
 * Small schema validators for inputs that cross a trust boundary (IPC from a renderer, HTTP from a
 * page). A check collects every problem, each with the JSON Pointer of the offending value, so a
 * form can underline all of them at once; nothing here throws.
 */

/** One thing wrong with an input, at a JSON Pointer (RFC 6901; `` is the whole input). */
export interface InputProblem {
  readonly pointer: string;
  readonly message: string;
}

export interface Schema<T> {
  /** Returns the checked value, or undefined after pushing at least one problem. */
  check(value: unknown, pointer: string, problems: InputProblem[]): T | undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** An integer in [min, max] (safe integers only). */
export function integer(options: { min?: number; max?: number } = {}): Schema<number> {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  return {
    check(value, pointer, problems) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        problems.push({ pointer, message: `must be an integer, not ${typeof value === 'number' ? String(value) : typeName(value)}` });
        return undefined;
      }
      if (value < min || value > max) {
        problems.push({ pointer, message: `must be between ${min} and ${max}, not ${value}` });
        return undefined;
      }
      return value;
    },
  };
}

/** A string of at most `maxLength` UTF-16 units, matching `pattern` when given (`patternHint` says what it wants). */
export function string(options: { maxLength: number; minLength?: number; pattern?: RegExp; patternHint?: string }): Schema<string> {
  return {
    check(value, pointer, problems) {
      if (typeof value !== 'string') {
        problems.push({ pointer, message: `must be a string, not ${typeName(value)}` });
        return undefined;
      }
      if (value.length > options.maxLength || value.length < (options.minLength ?? 0)) {
        problems.push({ pointer, message: `must be ${options.minLength ?? 0} to ${options.maxLength} characters long, not ${value.length}` });
        return undefined;
      }
      if (options.pattern && !options.pattern.test(value)) {
        problems.push({ pointer, message: `must be ${options.patternHint ?? `of the form ${options.pattern.source}`}` });
        return undefined;
      }
      return value;
    },
  };
}

/** true or false. */
export function boolean(): Schema<boolean> {
  return {
    check(value, pointer, problems) {
      if (typeof value !== 'boolean') {
        problems.push({ pointer, message: `must be true or false, not ${typeName(value)}` });
        return undefined;
      }
      return value;
    },
  };
}

/** One of the `values`, compared exactly. */
export function oneOf<const T extends string>(values: readonly T[]): Schema<T> {
  return {
    check(value, pointer, problems) {
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
        problems.push({ pointer, message: `must be one of ${values.join(', ')}, not ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeName(value)}` });
        return undefined;
      }
      return value as T;
    },
  };
}

/** An array of at most `maxItems` items, each checked by `item`. */
export function array<T>(item: Schema<T>, options: { maxItems: number }): Schema<readonly T[]> {
  return {
    check(value, pointer, problems) {
      if (!Array.isArray(value)) {
        problems.push({ pointer, message: `must be an array, not ${typeName(value)}` });
        return undefined;
      }
      if (value.length > options.maxItems) {
        problems.push({ pointer, message: `must have at most ${options.maxItems} items, not ${value.length}` });
        return undefined;
      }
      const before = problems.length;
      const out = value.map((v, i) => item.check(v, `${pointer}/${i}`, problems));
      return problems.length === before ? (out as T[]) : undefined;
    },
  };
}

type Fields = Readonly<Record<string, Schema<unknown>>>;
type Checked<F extends Fields> = { [K in keyof F]: F[K] extends Schema<infer T> ? T : never };

/**
 * A plain object with the `required` and `optional` fields and no others (unknown keys are problems:
 * a typo must not silently mean "use the default"). An optional field may be absent or undefined.
 * `refine` adds cross-field rules once every field passed.
 */
export function object<R extends Fields, O extends Fields>(
  required: R,
  optional: O,
  refine?: (value: Checked<R> & Partial<Checked<O>>) => readonly InputProblem[],
): Schema<Checked<R> & Partial<Checked<O>>> {
  return {
    check(value, pointer, problems) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ pointer, message: `must be an object, not ${typeName(value)}` });
        return undefined;
      }
      const before = problems.length;
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record)) {
        if (!Object.prototype.hasOwnProperty.call(required, key) && !Object.prototype.hasOwnProperty.call(optional, key)) {
          problems.push({ pointer: `${pointer}/${escapePointer(key)}`, message: 'is not a known field' });
        }
      }
      for (const [key, schema] of Object.entries(required)) {
        const at = `${pointer}/${escapePointer(key)}`;
        if (!Object.prototype.hasOwnProperty.call(record, key) || record[key] === undefined) problems.push({ pointer: at, message: 'is required' });
        else out[key] = schema.check(record[key], at, problems);
      }
      for (const [key, schema] of Object.entries(optional)) {
        if (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined) out[key] = schema.check(record[key], `${pointer}/${escapePointer(key)}`, problems);
      }
      if (problems.length !== before) return undefined;
      const checked = out as Checked<R> & Partial<Checked<O>>;
      const extra = refine?.(checked) ?? [];
      if (extra.length > 0) {
        problems.push(...extra.map((p) => ({ pointer: `${pointer}${p.pointer}`, message: p.message })));
        return undefined;
      }
      return checked;
    },
  };
}

/** Returns every problem of `value` against `schema` (empty when it is valid). */
export function validate(schema: Schema<unknown>, value: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  schema.check(value, '', problems);
  return problems;
}
