export { startUiHost, defaultRendererDir, UI_CONTENT_SECURITY_POLICY } from './ui-host.js';
export type { UiHost, UiHostOptions } from './ui-host.js';
export { parseListenAddress, allowedOrigins, isAllowedHost, isAllowedOrigin, isAllowedFetchSite, hasBearerToken } from './ui-guards.js';
export type { ListenAddress } from './ui-guards.js';
export { resolveStaticFile } from './ui-static.js';
export type { StaticFile } from './ui-static.js';
