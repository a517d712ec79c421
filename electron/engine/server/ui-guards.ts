/**
 * The browser-mode host's request checks, pure so tests can table them: which addresses it may
 * listen on, which Host and Origin headers it answers, and the bearer token comparison.
 */

import { timingSafeEqual } from 'node:crypto';
import { UsageError } from '../../../shared/api/index.js';

export interface ListenAddress {
  /** The literal address to bind: 127.0.0.1 or ::1. */
  readonly host: string;
  readonly port: number;
}

const LOOPBACK: Readonly<Record<string, string>> = { '127.0.0.1': '127.0.0.1', localhost: '127.0.0.1', '::1': '::1', '[::1]': '::1' };

/**
 * Returns the address in `host:port` (IPv6 in brackets), refusing anything but loopback: the UI host
 * serves a whole workbench to whoever holds the token, and the token travels in a URL.
 * Throws UsageError('addr_invalid') or UsageError('addr_not_loopback').
 */
export function parseListenAddress(text: string): ListenAddress {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = match ? Number(match[2]) : NaN;
  if (!match || !Number.isInteger(port) || port > 65535) {
    throw new UsageError('addr_invalid', `--addr ${JSON.stringify(text)} is not HOST:PORT`, undefined, { hint: 'e.g. --addr 127.0.0.1:0 (0 picks a free port)' });
  }
  const host = LOOPBACK[match[1]!.toLowerCase()];
  if (host === undefined) {
    throw new UsageError('addr_not_loopback', `--addr ${text} is not a loopback address; the UI host only listens on 127.0.0.1 or [::1]`, { addr: text }, { hint: 'use --addr 127.0.0.1:PORT and an SSH tunnel to reach it from elsewhere' });
  }
  return { host, port };
}

/** Returns the origins the host answers as (`http://127.0.0.1:PORT` and `http://localhost:PORT`, or the IPv6 form). */
export function allowedOrigins(host: string, port: number): string[] {
  return host === '::1' ? [`http://[::1]:${port}`] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/**
 * Returns true when the Host header names this host exactly: a DNS-rebinding page (evil.example
 * resolving to 127.0.0.1) sends its own name and is refused.
 */
export function isAllowedHost(hostHeader: string | undefined, origins: readonly string[]): boolean {
  if (hostHeader === undefined) return false;
  return origins.some((o) => o === `http://${hostHeader.toLowerCase()}`);
}

/** Returns true when a request may come from where it says: no Origin (curl, navigation) or one of ours. */
export function isAllowedOrigin(originHeader: string | undefined, origins: readonly string[]): boolean {
  return originHeader === undefined || origins.includes(originHeader);
}

/**
 * Returns true for API requests whose Fetch Metadata (when sent) says they come from our own
 * origin or from no page at all: a page on another localhost port is `same-site`, not ours.
 */
export function isAllowedFetchSite(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}

/** Returns true when `Authorization: Bearer <token>` carries exactly `token` (constant-time compare). */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  if (authorization === undefined) return false;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization);
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
