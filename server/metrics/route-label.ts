import { SOCKET_PATH } from '@/lib/contract/socket-events';

/**
 * The console's pages and route handlers as app/ names them (`[param]` one segment, `[...param]` the rest).
 * Listed here rather than read from app/ at start, which the image does not ship; route-label.test.ts checks
 * the list against app/, so a route added there without a row here fails the tests.
 */
export const APP_ROUTES = [
  '/',
  '/create',
  '/explain',
  '/login',
  '/namespaces',
  '/namespaces/[name]',
  '/nodes',
  '/nodes/[name]',
  '/pods',
  '/pods/[namespace]/[name]',
  '/pods/[namespace]/[name]/edit',
  '/scheduling',
  '/api/contexts',
  '/api/clusters/[context]/k8s/[...path]',
  '/api/clusters/[context]/manifests',
  '/api/clusters/[context]/secrets/[namespace]/[name]/reveal',
] as const;

/** The console's own paths, answered by the custom server before Next. */
const SERVER_ROUTES = ['/healthz', '/readyz', '/metrics'];

const compiled = APP_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.replace(/\[\.\.\.[^\]]+\]/g, '.+').replace(/\[[^\]]+\]/g, '[^/]+')}/?$`),
}));

/**
 * The route a request path belongs to, as a label of bounded cardinality: the route's pattern, never the
 * path itself (a path names namespaces, pods, contexts, and anyone can send any path). What matches no
 * route (404s, probes of random paths) is `other`.
 */
export function routeLabel(url: string): string {
  const path = url.split('?')[0];
  if (path === SOCKET_PATH.replace(/\/$/, '') || path.startsWith(SOCKET_PATH)) return 'socket.io';
  if (path.startsWith('/_next/static/') || path === '/icon.svg' || path === '/favicon.ico') return 'static';
  if (path.startsWith('/api/auth/')) return '/api/auth/*';
  if (SERVER_ROUTES.includes(path)) return path;
  return compiled.find(({ pattern }) => pattern.test(path))?.route ?? 'other';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The request method, or `other` for anything a client made up. */
export const methodLabel = (method: string | undefined): string => (method && METHODS.has(method) ? method : 'other');
