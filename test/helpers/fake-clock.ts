import type { Clock } from '../../electron/engine/log/index.js';

/** 2026-01-01T00:00:00Z, where a FakeClock starts. */
export const FIXED_NOW_MS = 1_767_225_600_000;

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private ms = FIXED_NOW_MS) {}
  nowMs(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
