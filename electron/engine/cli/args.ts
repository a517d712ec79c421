import { UsageError } from '../../../shared/api/index.js';
import type { OptionValues } from './command.js';

/** Returns a string option's value; throws a UsageError when required and absent. */
export function stringOption(values: OptionValues, name: string, required: true): string;
export function stringOption(values: OptionValues, name: string, required?: false): string | undefined;
export function stringOption(values: OptionValues, name: string, required = false): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  if (typeof value === 'string') return value;
  if (required) throw new UsageError('missing_option', `--${name} is required`);
  return undefined;
}

/** Returns every value of a repeatable string option. */
export function stringsOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** Returns a non-negative integer option (decimal, no sign, no exponent); usage error otherwise. */
export function countOption(values: OptionValues, name: string, required: true): number;
export function countOption(values: OptionValues, name: string, required?: false): number | undefined;
export function countOption(values: OptionValues, name: string, required = false): number | undefined {
  const text = required ? stringOption(values, name, true) : stringOption(values, name);
  if (text === undefined) return undefined;
  if (!/^(0|[1-9][0-9]*)$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError('bad_option', `--${name} must be a non-negative integer, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}
