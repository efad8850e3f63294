import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClusterAuth } from './auth/cluster-auth';
import type { UserInfo } from './auth/user-info';
import type { NodeAgents } from './kubelet/index';
import { resourceKey, type KindSpec } from './kinds';
import { decodeContinue, encodeContinue, parseListOptions, type ListOptions } from './list-options';
import { negotiate } from './negotiate';
import type { Registry } from './registry';
import { renderList, renderObject, streamJsonList, type ListMeta } from './render';
import { STREAMED, type Reply } from './reply';
import { decodeObjectBody, readBody } from './request-body';
import type { Page } from './list-page';
import { badRequest, continueExpired, methodNotAllowed, pathNotFound, tooOldResourceVersion } from './status';
import { listPosition, RevisionCompactedError } from './store';
import { deepCopy, isPlainObject, type KubeObject } from './types';
import { serveWatch, type LongRunningMetric } from './watch';
import { handleWrite } from './write-handler';
import { toScale } from './scale';

/** A request already matched to a served resource by the router. */
export interface ResourceRoute {
  kind: KindSpec;
  /** The URL's namespace; undefined for cluster-scoped kinds and all-namespace lists. */
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The deprecated `/api/v1/watch/...` form. */
  legacyWatch: boolean;
}

/** Server-wide state the handlers share. */
export interface HandlerContext {
  registry: Registry;
  metrics: LongRunningMetric;
  /** Open SPDY streams of streaming sessions, by subresource (`portforward`). */
  streams: Map<string, number>;
  bookmarkIntervalMs: number;
  /** The kubelets, which serve pods/log and pods/proxy (absent: logs are empty, proxy is 404). */
  nodes?: NodeAgents;
  /** Authentication and service-account tokens, for the review APIs and TokenRequest. */
  auth: ClusterAuth;
}

/** Handles a resource request end to end; returns STREAMED when it already answered (watches). */
export async function handleResource(options: {
  ctx: HandlerContext;
  route: ResourceRoute;
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** Who the request acts as, already authorized by the router. */
  user: UserInfo;
}): Promise<Reply | typeof STREAMED> {
  const { ctx, route, req, res, query, user } = options;
  const method = req.method ?? 'GET';
  const { kind, subresource } = route;
  const create = subresource ? kind.subresources.find((s) => s.name === subresource)?.create : kind.create;
  if (create || kind.create) {
    if (method !== 'POST' || !create) throw methodNotAllowed();
    const decoded = decodeObjectBody(await readBody(req), req.headers['content-type']);
    const body = (isPlainObject(decoded.value) ? decoded.value : {}) as KubeObject;
    return { status: 201, body: await create({ ctx, user, namespace: route.namespace ?? '', name: route.name, body }) };
  }
  if (method === 'GET' || method === 'HEAD') return read(ctx, route, req, res, query);
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return handleWrite({ ctx, route, req, query, user });
  throw methodNotAllowed();
}

async function read(
  ctx: HandlerContext,
  route: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<Reply | typeof STREAMED> {
  const { kind, namespace, name, subresource } = route;
  const representation = negotiate(req.headers.accept, query);
  const listOptions = parseListOptions(query, kind);
  if (listOptions.watch || route.legacyWatch) {
    serveWatch({
      req,
      res,
      store: ctx.registry.store,
      kind,
      namespace,
      name,
      options: listOptions,
      representation,
      metrics: ctx.metrics,
      bookmarkIntervalMs: ctx.bookmarkIntervalMs,
    });
    return STREAMED;
  }
  if (!name) {
    const { items, metadata } = listStored(ctx, kind, namespace, listOptions);
    if (representation.as === 'object' && items.length > STREAMED_LIST_ITEMS) {
      await streamJsonList(res, kind, items, metadata);
      return STREAMED;
    }
    // Copy only the page: the stored objects stay untouched by whatever renders it.
    return { status: 200, body: await renderList(representation, kind, items.map((obj) => deepCopy(obj)), metadata) };
  }
  const obj = ctx.registry.get(kind, namespace ?? '', name);
  if (!subresource || subresource === 'status') return { status: 200, body: await renderObject(representation, kind, obj) };
  if (subresource === 'scale' && kind.group === 'apps') return { status: 200, body: toScale(obj) };
  if (subresource === 'log' && kind.resource === 'pods') return ctx.nodes ? ctx.nodes.serveLog({ pod: obj, query, req, res }) : podLog(obj);
  throw pathNotFound();
}

/**
 * Lists longer than this go out a slice at a time (render.ts `streamJsonList`); shorter ones, such as the
 * 500-item pages of a paged list, keep one encoded answer with its Content-Length.
 */
const STREAMED_LIST_ITEMS = 1000;

/** A list page as copies of the objects (see `listStored`). */
export function list(ctx: HandlerContext, kind: KindSpec, namespace: string | undefined, options: ListOptions): { items: KubeObject[]; metadata: ListMeta } {
  const { items, metadata } = listStored(ctx, kind, namespace, options);
  return { items: items.map((obj) => deepCopy(obj)), metadata };
}

/**
 * A list page. Items are ordered by namespace and name (etcd key order); `limit` cuts a page and the
 * continue token remembers where and at which revision: every page of a paged list shows the objects as
 * they stood when its first page was read, as etcd's MVCC read does, and says so in its resourceVersion.
 * A limited list may ask for an exact older revision (`resourceVersion` with `resourceVersionMatch=Exact`,
 * or without a match: the legacy rule for a limit). A revision older than the history ring is 410 Expired.
 * The items are the stored objects themselves, not copies: callers must not change them.
 */
function listStored(
  ctx: HandlerContext,
  kind: KindSpec,
  namespace: string | undefined,
  options: ListOptions,
): { items: readonly KubeObject[]; metadata: ListMeta } {
  const store = ctx.registry.store;
  const { resourceVersion: rv, resourceVersionMatch: match } = options;
  const position = options.continueToken ? decodeContinue(options.continueToken) : undefined;
  if (position && rv && rv !== '0') throw badRequest('specifying resource version is not allowed when using continue');
  const exact = !position && rv && rv !== '0' && /^\d+$/.test(rv) && (match === 'Exact' || (match === undefined && options.limit !== undefined));
  const revision = position?.revision ?? (exact ? Number(rv) : Number(store.currentResourceVersion()));
  let page: Page;
  try {
    page = store.listPage({
      resourceKey: resourceKey(kind),
      namespace: kind.namespaced ? namespace : undefined,
      revision,
      after: position?.after,
      limit: options.limit,
      matches: options.matches,
    });
  } catch (error) {
    if (!(error instanceof RevisionCompactedError)) throw error;
    throw position ? continueExpired() : tooOldResourceVersion(String(revision), String(error.compacted));
  }
  const metadata: ListMeta = { resourceVersion: String(revision) };
  const last = page.items[page.items.length - 1];
  if (page.more && last) {
    metadata.continue = encodeContinue({ revision, after: listPosition(last) });
    if (!options.filtered) metadata.remainingItemCount = page.remaining;
  }
  // The stored objects themselves (read-only): a caller copies what it hands on.
  return { items: page.items, metadata };
}

// Logs come from a kubelet, which this part of the cluster does not run: an unscheduled pod has no
// host to ask (the real server's answer), a scheduled one has no output yet.
function podLog(pod: KubeObject): Reply {
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  if (!spec.nodeName) {
    return {
      status: 400,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `pod ${pod.metadata.name ?? ''} does not have a host assigned`,
        reason: 'BadRequest',
        code: 400,
      },
    };
  }
  return { status: 200, body: '', contentType: 'text/plain' };
}
