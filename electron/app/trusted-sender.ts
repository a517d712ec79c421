/** The origin the desktop renderer is served from (app-protocol.ts); nothing else may call the engine. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Returns true when an IPC message comes from a frame showing our own renderer: exactly
 * `app://workbench/…`, no credentials, no port. Anything else — another scheme or host, a look-alike
 * (`app://workbench.evil`, `app://workbench@evil`), `file:`, `data:`, `blob:`, `about:blank`,
 * devtools, an unparsable or missing URL — is refused. Pure, so tests table hostile URLs.
 */
export function isTrustedSender(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.hostname === APP_HOST && parsed.port === '' && parsed.username === '' && parsed.password === '' && url.startsWith(`${APP_ORIGIN}/`);
}
