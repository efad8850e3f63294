import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer, type Server } from 'node:https';
import { authorize } from './auth/authorizer';
import { forbiddenError } from './auth/forbidden';
import { impersonate } from './auth/impersonation';
import { resolveRequestInfo, websocketCreateCheck, type RequestAttributes } from '@/lib/k8s/request-info';
import type { UserInfo } from './auth/user-info';
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from './discovery';
import { findKind } from './kinds';
import { renderMetrics } from './metrics';
import { openApiResponse } from './openapi/index';
import { STREAMED, writeReply, type Reply } from './reply';
import { handleResource, type HandlerContext, type ResourceRoute } from './resource-handler';
import { ApiError, badRequest, internalError, methodNotAllowed, pathNotFound, unauthorized } from './status';
import { serveConnect } from './streaming/upgrade';

const IDLE_CONNECTION_MS = 90_000;
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);
// Subresources of a namespace itself: /api/v1/namespaces/{name}/status, /finalize.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Creates the HTTPS server of the embedded API: health, discovery, OpenAPI, then resources. */
export function createApiServer(options: {
  ctx: HandlerContext;
  address: () => string;
  /** PEM serving certificate and key: like a real API server it speaks only TLS. */
  tls: { cert: string; key: string };
}): Server {
  const { ctx } = options;
  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, (req, res) => {
    route(req, res).catch((err: unknown) => {
      const apiError = err instanceof ApiError ? err : internalError(err);
      if (res.headersSent) {
        res.end();
        return;
      }
      writeReply(res, { status: apiError.code, body: apiError.toStatus() });
    });
  });
  // kube-apiserver keeps an idle connection for 90 s (secure_serving.go); Node's default of 5 s races with
  // clients that reuse a pooled socket just as the server closes it, which they see as ECONNRESET.
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  // Upgrades (exec, port-forward) go to the streaming handlers; any other upgrade request is answered
  // as a plain request would be.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://embedded');
    const resource = parseResourcePath(url.pathname.replace(/\/+$/, ''));
    if (resource && isConnect(resource)) {
      void serveConnect({ ctx, route: resource, query: url.searchParams, admit: () => admit(req, url), req, socket, head });
      return;
    }
    const res = new ServerResponse(req);
    res.assignSocket(socket as Socket);
    res.on('finish', () => socket.destroy());
    server.emit('request', req, res);
  });
  return server;

  /**
   * The apiserver's filter chain before any handler, plain requests and upgrades alike: authentication,
   * impersonation, authorization (a WebSocket upgrade of exec or port-forward also needs `create`).
   */
  async function admit(req: IncomingMessage, url: URL): Promise<UserInfo> {
    const requestor = await ctx.auth.authenticator.authenticateRequest(req);
    if (!requestor) throw unauthorized();
    const decide = (who: UserInfo, attrs: RequestAttributes) => authorize(ctx.registry.store, who, attrs);
    const user = impersonate({ req, requestor, authorize: decide });
    const attrs = resolveRequestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
    for (const needed of [attrs, ...websocketCreateCheck(attrs, req)]) {
      const decision = decide(user, needed);
      if (!decision.allowed) throw forbiddenError(user, needed, decision.reason);
    }
    return user;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://embedded');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (HEALTH_PATHS.has(path) || [...HEALTH_PATHS].some((p) => path.startsWith(`${p}/`))) {
      writeReply(res, { status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' });
      return;
    }
    const user = await admit(req, url);
    const simple = discovery(path, req);
    if (simple) {
      writeReply(res, simple);
      return;
    }
    // pods/{name}/proxy/{path...}: forwarded to the pod's kubelet (the path is the pod's, kept raw).
    if (ctx.nodes && (await ctx.nodes.serveProxy({ pathname: url.pathname, query: url.searchParams, req, res }))) return;
    const resource = parseResourcePath(path);
    if (!resource) throw pathNotFound();
    if (isConnect(resource)) throw badRequest('Upgrade request required');
    const reply = await handleResource({ ctx, route: resource, req, res, query: url.searchParams, user });
    if (reply !== STREAMED) writeReply(res, reply);
  }

  function discovery(path: string, req: IncomingMessage): Reply | undefined {
    const read = req.method === 'GET' || req.method === 'HEAD';
    let body: object | undefined;
    if (path === '/metrics') {
      if (!read) throw methodNotAllowed();
      return { status: 200, body: renderMetrics(ctx.metrics, ctx.streams), contentType: 'text/plain; version=0.0.4; charset=utf-8' };
    }
    if (path === '/version') body = VERSION_INFO;
    else if (path === '/api') body = apiVersions(options.address());
    else if (path === '/apis') body = apiGroupList();
    else if (path === '/api/v1') body = apiResourceList('', 'v1');
    else if (/^\/apis\/[^/]+$/.test(path)) body = apiGroupDocument(path.split('/')[2] ?? '');
    else if (/^\/apis\/[^/]+\/[^/]+$/.test(path)) {
      const [, , group = '', version = ''] = path.split('/');
      body = apiResourceList(group, version);
    } else if (path.startsWith('/openapi/')) {
      const doc = openApiResponse(path, req.headers.accept);
      if (!doc) throw pathNotFound();
      if (!read) throw methodNotAllowed();
      return { status: 200, body: doc.body, contentType: doc.contentType };
    } else return undefined;
    if (!body) throw pathNotFound();
    if (!read) throw methodNotAllowed();
    return { status: 200, body };
  }
}

/** Whether a route is a connect subresource served by upgrading the connection (pods/exec, pods/portforward). */
function isConnect(route: ResourceRoute): boolean {
  return route.kind.subresources.some((s) => s.name === route.subresource && s.upgrade);
}

/**
 * Maps a resource URL to its kind, namespace, name and subresource, as apiserver's RequestInfo does:
 * `/api/v1[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]` and the same under
 * `/apis/{group}/{version}`.
 */
export function parseResourcePath(path: string): ResourceRoute | undefined {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  if (!version) return undefined;
  const legacyWatch = rest[0] === 'watch';
  if (legacyWatch) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] ?? '')) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length > 0) return undefined;
  const kind = findKind(group, version, resource);
  if (!kind) return undefined;
  if (kind.namespaced && namespace === undefined && name !== undefined) return undefined;
  if (!kind.namespaced && namespace !== undefined) return undefined;
  return { kind, namespace, name, subresource, legacyWatch };
}
