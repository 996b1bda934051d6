const GALILEO_ROOTS = ['scorers', 'users', 'login', 'healthcheck', 'projects', 'current_user'];

/**
 * Galileo's SDKs call the scorer API without the `/v2` prefix and under `/public/v2`; both forms are
 * rewritten before routing to the canonical path, the only one in the OpenAPI document.
 * `/v2/login` and `/v2/healthcheck` map to the root-level `/login` and `/healthcheck`.
 */
export function canonicalGalileoUrl(url: string): string {
  let path = url;
  if (path.startsWith('/public/v2/') || path === '/public/v2') path = path.slice('/public'.length);
  const segments = path.split(/[/?#]/);
  const first = segments[1] ?? '';
  if (first === 'v2' && (segments[2] === 'login' || segments[2] === 'healthcheck')) return path.slice('/v2'.length);
  if (first !== 'v2' && first !== 'login' && first !== 'healthcheck' && GALILEO_ROOTS.includes(first)) return `/v2${path}`;
  return path;
}
