/** The app's places, kept in the URL fragment (`#/explorer?index=42`) so reload and back work. */
export type Route =
  | { readonly view: 'dashboard' }
  | { readonly view: 'explorer'; readonly log?: string; readonly index?: number; readonly q?: string }
  | { readonly view: 'proof'; readonly log?: string; readonly index?: number; readonly size?: number }
  | { readonly view: 'consistency'; readonly log?: string; readonly from?: number; readonly to?: number }
  | { readonly view: 'verify' }
  | { readonly view: 'sign'; readonly key?: string }
  | { readonly view: 'remotes'; readonly name?: string }
  | { readonly view: 'fork'; readonly id?: number }
  | { readonly view: 'audit'; readonly log?: string }
  | { readonly view: 'monitor' }
  | { readonly view: 'keys'; readonly name?: string }
  | { readonly view: 'designer'; readonly kind?: string; readonly version?: string };

export type ViewName = Route['view'];

export const VIEWS: ReadonlyArray<{ readonly view: ViewName; readonly label: string; readonly key: string }> = [
  { view: 'dashboard', label: 'Dashboard', key: '1' },
  { view: 'explorer', label: 'Explorer', key: '2' },
  { view: 'proof', label: 'Proof', key: '3' },
  { view: 'consistency', label: 'Consistency', key: '4' },
  { view: 'verify', label: 'Verify file', key: '5' },
  { view: 'sign', label: 'Sign', key: '6' },
  { view: 'keys', label: 'Keys', key: '7' },
  { view: 'remotes', label: 'Remotes', key: '8' },
  { view: 'audit', label: 'Audit', key: '9' },
  { view: 'monitor', label: 'Monitor', key: 'm' },
  { view: 'designer', label: 'Types', key: 't' },
];

function count(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  return text !== null && /^\d{1,16}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value.slice(0, 500);
}

/** Returns the route in a URL fragment; anything unknown is the dashboard. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const log = text(params, 'log');
  const withLog = log === undefined ? {} : { log };
  switch (path) {
    case 'explorer': {
      const index = count(params, 'index');
      const q = text(params, 'q');
      return { view: 'explorer', ...withLog, ...(index === undefined ? {} : { index }), ...(q === undefined ? {} : { q }) };
    }
    case 'proof': {
      const index = count(params, 'index');
      const size = count(params, 'size');
      return { view: 'proof', ...withLog, ...(index === undefined ? {} : { index }), ...(size === undefined ? {} : { size }) };
    }
    case 'consistency': {
      const from = count(params, 'from');
      const to = count(params, 'to');
      return { view: 'consistency', ...withLog, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    }
    case 'remotes': {
      const name = text(params, 'name');
      return { view: 'remotes', ...(name === undefined ? {} : { name }) };
    }
    case 'fork': {
      const id = count(params, 'id');
      return { view: 'fork', ...(id === undefined ? {} : { id }) };
    }
    case 'audit':
      return { view: 'audit', ...withLog };
    case 'monitor':
      return { view: 'monitor' };
    case 'verify':
      return { view: 'verify' };
    case 'sign': {
      const key = text(params, 'key');
      return { view: 'sign', ...(key === undefined ? {} : { key }) };
    }
    case 'keys': {
      const name = text(params, 'name');
      return { view: 'keys', ...(name === undefined ? {} : { name }) };
    }
    case 'designer': {
      const kind = text(params, 'kind');
      const version = text(params, 'version');
      return { view: 'designer', ...(kind === undefined ? {} : { kind }), ...(version === undefined ? {} : { version }) };
    }
    default:
      return { view: 'dashboard' };
  }
}

/** Returns the URL fragment of a route: the inverse of parseRoute. */
export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(route)) {
    if (key !== 'view' && value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return `#/${route.view}${query ? `?${query}` : ''}`;
}
