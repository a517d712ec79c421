export { createLayoutKind } from './create-layout-kind.js';
export { layoutEntryKind } from './layout-entry-kind.js';
