import type { IncomingMessage } from 'node:http';
import { AUTH_ROUTES } from '../auth/auth-routes';
import { SOCKET_PATH } from '@/lib/contract/socket-events';
import { resolveRequestInfo, safeDecode } from '@/lib/k8s/request-info';

/** What a write request changes, for the audit line: the API server's request attributes that are set. */
export interface WriteTarget {
  context?: string;
  verb: string;
  apiGroup?: string;
  apiVersion?: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
}

/**
 * Methods that change nothing; every other method is a write. OPTIONS too: through a `proxy` subresource it
 * reaches an application, which may do anything with it (the browser never preflights the console's own origin).
 */
const READ_METHODS = new Set(['GET', 'HEAD']);
/**
 * POSTs that read: the value of one Secret key (a POST so only the console's pages can ask), and a
 * SelfSubjectAccessReview, which asks the cluster what the caller may do (the UI's permission hints) and stores nothing.
 */
const READING_POSTS = [
  /^\/api\/clusters\/[^/]+\/secrets\/[^/]+\/[^/]+\/reveal$/,
  /^\/api\/clusters\/[^/]+\/k8s\/apis\/authorization\.k8s\.io\/v1\/selfsubjectaccessreviews$/,
];
const CLUSTER_ROUTE = /^\/api\/clusters\/([^/]+)\/(k8s|manifests)(?:\/(.*))?$/;
const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/**
 * The write a request would make, or null when it reads. Unknown paths count as writes, so the read-only
 * mode fails closed: only the methods that change nothing, the login flow, socket.io's transport (whose
 * events are checked one by one) and the reading POSTs pass.
 */
export function writeTarget(req: Pick<IncomingMessage, 'method' | 'url'>): WriteTarget | null {
  const method = (req.method ?? 'GET').toUpperCase();
  if (READ_METHODS.has(method)) return null;
  const path = (req.url ?? '/').split('?')[0];
  if (AUTH_ROUTES.includes(path) || path.startsWith(SOCKET_PATH) || READING_POSTS.some((pattern) => pattern.test(path))) return null;
  const verb = VERBS[method] ?? method.toLowerCase();
  const route = CLUSTER_ROUTE.exec(path);
  if (!route) return { verb };
  const context = safeDecode(route[1]);
  if (route[2] === 'manifests') return { context, verb: 'create', resource: 'manifests' };
  // As the API server reads the path for RBAC and audit (a DELETE of a collection is `deletecollection`).
  const info = resolveRequestInfo(method, `/${route[3] ?? ''}`, new URLSearchParams());
  if (!info.isResourceRequest) return { context, verb };
  const { apiGroup, apiVersion, namespace, resource, name, subresource } = info;
  return {
    context,
    apiGroup,
    apiVersion,
    ...(namespace && { namespace }),
    ...(resource && { resource }),
    ...(name && { name }),
    ...(subresource && { subresource }),
    verb: info.verb || verb,
  };
}
