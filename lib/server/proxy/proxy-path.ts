import { isDNS1123Label } from '@/lib/k8s/validation';
import { BffError } from '@/lib/server/errors';

/** The API server paths the console proxies: resources, discovery, OpenAPI and the version. */
export const PROXIED_ROOTS = ['api', 'apis', 'openapi', 'version'] as const;

const MAX_SEGMENT_LENGTH = 253;

/**
 * Problems visible only in the raw request target, before URL parsing resolves them: dot segments (`/../`,
 * `%2e%2e`) and encoded slashes or backslashes, which would let a path escape the segment it was validated
 * as. The custom server checks this on the raw URL; route handlers only ever see the normalized path.
 */
export function rawPathProblem(rawPath: string): string | null {
  const path = rawPath.split('?')[0];
  // The context segment may hold an encoded slash (EKS contexts are ARNs); the cluster path may not.
  const clusterPath = path.includes('/k8s/') ? path.slice(path.indexOf('/k8s/')) : '';
  if (/%2f|%5c/i.test(clusterPath)) return 'encoded slashes are not allowed in the path';
  const segments = path.split('/').map((segment) => segment.replace(/%2e/gi, '.'));
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'dot segments are not allowed in the path';
  if (path.includes('\\')) return 'backslashes are not allowed in the path';
  return null;
}

/**
 * apimachinery `path.IsValidPathSegmentName`: a name that becomes a URL segment may not be `.` or `..` and
 * may not contain `/` or `%`. Names of most kinds are stricter (DNS subdomains), but RBAC names such as
 * `system:controller:...` are not, so the proxy applies only this rule and leaves the rest to the server.
 */
export function pathSegmentNameProblems(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const problems: string[] = [];
  if (name.includes('/')) problems.push("may not contain '/'");
  if (name.includes('%')) problems.push("may not contain '%'");
  if (/[\x00-\x1f\x7f\\]/.test(name)) problems.push('may not contain control characters or backslashes');
  if (name.length > MAX_SEGMENT_LENGTH) problems.push(`must be no more than ${MAX_SEGMENT_LENGTH} characters`);
  return problems;
}

/** Where the group-version ends: `api/v1` is two segments, `apis/{group}/{version}` three. */
function groupVersionLength(segments: readonly string[]): number {
  return segments[0] === 'api' ? 2 : segments[0] === 'apis' ? 3 : 0;
}

/**
 * Validates the decoded segments after `/k8s/` and returns the upstream path (segments re-encoded).
 * Throws `BffError` for anything outside the proxied roots or with a bad namespace or name.
 */
export function toUpstreamPath(segments: readonly string[]): string {
  if (segments.length === 0 || !(PROXIED_ROOTS as readonly string[]).includes(segments[0])) {
    throw new BffError(
      'PathNotProxied',
      `the console proxies only /api, /apis, /openapi and /version of a cluster, not /${segments.join('/')}`,
    );
  }
  const gv = groupVersionLength(segments);
  segments.forEach((segment, i) => {
    const isNamespace = gv > 0 && i === gv + 1 && segments[gv] === 'namespaces';
    const problems = isNamespace ? isDNS1123Label(segment) : pathSegmentNameProblems(segment);
    if (segment.length === 0) throw new BffError('InvalidPath', 'empty path segments are not allowed');
    if (problems.length > 0) {
      throw new BffError('InvalidPath', `invalid ${isNamespace ? 'namespace' : 'path segment'} ${JSON.stringify(segment)}: ${problems.join(', ')}`);
    }
  });
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/** `{gv}/namespaces/{ns}/{resource}/{name}/{sub}` or `{gv}/{resource}/{name}/{sub}`. */
function subresourceOf(segments: readonly string[], gv: number): string | undefined {
  if (gv === 0) return undefined;
  return segments[gv] === 'namespaces' ? segments[gv + 4] : segments[gv + 2];
}

/**
 * True when the path goes through a `proxy` subresource (`pods/{name}:{port}/proxy/...`, services, nodes, or
 * the legacy `/api/v1/proxy/...` paths): the answer is then an application's, not the API server's. Any
 * `proxy` segment counts, so a resource named `proxy` is only ever checked more strictly.
 */
export function reachesApplication(segments: readonly string[]): boolean {
  return segments.includes('proxy');
}

const LONG_RUNNING_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);
/** `strconv.ParseBool` true values, which is how the API server reads `watch` and `follow`. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Refuses requests that would hold the connection open: watches (`?watch=true` and the legacy
 * `/watch/` paths), followed logs, and exec/attach/port-forward. Those go over the socket channels,
 * which share one upstream watch between browsers and apply backpressure.
 */
export function assertNotLongRunning(segments: readonly string[], query: URLSearchParams): void {
  const gv = groupVersionLength(segments);
  if (GO_TRUE.has(query.get('watch') ?? '') || (gv > 0 && segments[gv] === 'watch')) {
    throw new BffError('LongRunningRequest', 'watch requests are not proxied: subscribe with the socket event `watch:subscribe` instead');
  }
  if (GO_TRUE.has(query.get('follow') ?? '')) {
    throw new BffError('LongRunningRequest', 'following a log is not proxied: subscribe with the socket event `log:subscribe` instead');
  }
  const subresource = subresourceOf(segments, gv);
  if (subresource && LONG_RUNNING_SUBRESOURCES.has(subresource)) {
    throw new BffError('LongRunningRequest', `the ${subresource} subresource needs a streaming connection, which the HTTP proxy does not offer`);
  }
}
