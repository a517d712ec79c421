import { UsageError } from '../../../shared/api/index.js';

export interface ServeAddress {
  /** The address to bind (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
}

/**
 * Returns `HOST:PORT` (IPv6 in brackets; port 0 picks a free one). Unlike the UI host, serve may
 * bind any interface: it publishes a log, which holds nothing secret, and every write is verified.
 * Throws UsageError('addr_invalid').
 */
export function parseServeAddress(text: string): ServeAddress {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):([0-9]{1,5})$/.exec(text);
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65535) {
    throw new UsageError('addr_invalid', `--addr ${JSON.stringify(text)} is not HOST:PORT`, undefined, { hint: 'e.g. --addr 127.0.0.1:8080, or 127.0.0.1:0 for a free port' });
  }
  return { host: match[1] ?? match[2]!, port };
}
