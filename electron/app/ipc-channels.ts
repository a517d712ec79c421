/** IPC channel names between the preload bridge and the main process (preload.cts repeats them: a sandboxed preload cannot import). */
export const CALL_CHANNEL = 'workbench:call';
export const EVENT_CHANNEL = 'workbench:event';
/** The renderer has subscribed to events: files opened before it could listen are delivered now. */
export const READY_CHANNEL = 'workbench:ready';
/** A file the user dropped or picked, by path, to stage for signing. */
export const STAGE_CHANNEL = 'workbench:stage-file';
