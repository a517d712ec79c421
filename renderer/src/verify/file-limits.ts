/** Files larger than this are refused before parsing (every supported document is far smaller). */
export const MAX_FILE_BYTES = 1024 * 1024;
