/**
 * The one place an API path is built. Every segment taken from data (group, version, namespace, name) is
 * percent-encoded, so a name can never step into another path; the layout is the API server's:
 * `/api/{version}` for the core group, `/apis/{group}/{version}` for the others, then
 * `namespaces/{namespace}/` for a namespaced resource, `{resource}`, `{name}` and a subresource.
 */

/** Where in the API a request goes. Without `resource` it is the group-version's discovery document. */
export interface ResourceLocation {
  /** '' (or absent) is the core group. */
  group?: string;
  version: string;
  resource?: string;
  /** False for a cluster-scoped resource: its paths never carry a namespace (a descriptor spreads in here). */
  namespaced?: boolean;
  /** For a namespaced resource; absent lists across all namespaces. */
  namespace?: string;
  name?: string;
  /** `log`, `status`, `binding`, `proxy`, ... */
  subresource?: string;
  /** The port of a pod or service proxy: `pods/{name}:{port}/proxy`. */
  port?: number;
  /**
   * The rest of a proxy path (`/healthz?x=1` is sent as `/proxy/healthz?x=1`): passed through as typed,
   * since it is the target's own path and query, not a name.
   */
  proxyPath?: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
}

const segment = (value: string) => encodeURIComponent(value);

/** `/api/v1/namespaces/default/pods/kubia`, `/apis/apps/v1/deployments`, `/api/v1/namespaces/ns/pods/x/log?follow=true`. */
export function resourcePath(location: ResourceLocation): string {
  const { group, version, resource, namespaced, namespace, name, subresource, port, proxyPath } = location;
  const parts = group ? ['apis', segment(group), segment(version)] : ['api', segment(version)];
  if (resource) {
    if (namespace !== undefined && namespaced !== false) parts.push('namespaces', segment(namespace));
    parts.push(segment(resource));
    if (name !== undefined) parts.push(port !== undefined ? `${segment(name)}:${Math.trunc(port)}` : segment(name));
    if (subresource) parts.push(segment(subresource));
  }
  let path = `/${parts.join('/')}`;
  if (proxyPath !== undefined) path += proxyPath.startsWith('/') ? proxyPath : `/${proxyPath}`;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(location.query ?? {})) if (value !== undefined) search.set(key, String(value));
  const qs = search.toString();
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

/** The discovery roots: the core group's versions (`/api`) and the named groups (`/apis`). */
export const DISCOVERY_ROOTS = { core: '/api', groups: '/apis' } as const;

/** `v1` is the core group; `apps/v1` is group `apps`, version `v1`. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
