import { useEffect, useState } from 'react';

/** Returns `value` once it has stayed the same for `delayMs` (key repeat in a list should not load every row). */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
