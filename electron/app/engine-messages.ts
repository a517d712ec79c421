import type { ApiEnvelope, ApiMethod, WorkbenchEventName } from '../../shared/api/index.js';

/** Main process → engine host (utilityProcess). */
export type ToEngine =
  | { readonly type: 'call'; readonly id: number; readonly method: ApiMethod; readonly input: unknown }
  | { readonly type: 'stage'; readonly id: number; readonly path: string };

/** Engine host → main process. */
export type FromEngine =
  | { readonly type: 'result'; readonly id: number; readonly envelope: ApiEnvelope }
  | { readonly type: 'event'; readonly name: WorkbenchEventName; readonly payload: unknown };
