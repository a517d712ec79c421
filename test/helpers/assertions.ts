import { expect } from 'vitest';
import type { WorkbenchError } from '../../shared/api/index.js';

function expectCaught<E extends WorkbenchError>(thrown: unknown, ErrorClass: abstract new (...args: never[]) => E, code: string): E {
  expect(thrown, `expected ${ErrorClass.name} ${code}`).toBeInstanceOf(ErrorClass);
  expect((thrown as E).code, (thrown as E).message).toBe(code);
  return thrown as E;
}

/** Runs `fn`, asserts it throws `ErrorClass` with `code` (STYLE.md §20), and returns the error. */
export function expectWorkbenchError<E extends WorkbenchError>(fn: () => unknown, ErrorClass: abstract new (...args: never[]) => E, code: string): E {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  return expectCaught(thrown, ErrorClass, code);
}

/** Awaits `promise` (or calls `fn` and awaits its result), asserts it rejects with `ErrorClass` and `code`, and returns the error. */
export async function expectRejection<E extends WorkbenchError>(promise: Promise<unknown> | (() => unknown), ErrorClass: abstract new (...args: never[]) => E, code: string): Promise<E> {
  let thrown: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    thrown = error;
  }
  return expectCaught(thrown, ErrorClass, code);
}
