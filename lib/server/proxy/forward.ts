import { Readable } from 'node:stream';
import type { ResolvedContext } from '@/lib/server/contexts/registry-types';
import { PROXIED_CONTENT_HEADERS } from '@/lib/server/http/security-headers';
import { assertNotLongRunning, reachesApplication, toUpstreamPath } from '@/lib/server/proxy/proxy-path';
import { upstreamRequest } from '@/lib/server/kube/upstream-request';

export interface ForwardRequest {
  context: ResolvedContext;
  method: string;
  /** The upstream path from `checkProxyTarget`. */
  path: string;
  /** From `checkProxyTarget`: the answer is an application's content, not the API server's. */
  application?: boolean;
  query: URLSearchParams;
  /** Request headers; only those the API server needs are passed on. */
  headers: { get(name: string): string | null };
  body?: Buffer;
  signal?: AbortSignal;
}

export interface ForwardedResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

/**
 * Validates a proxied request before anything is sent: the path is under a proxied root with valid
 * namespace and names, and it is not a long-running request. Returns the upstream path, and whether it goes
 * through a `proxy` subresource to an application (whose own path may end in `/`: `.../proxy/` is the
 * application's root and differs from `.../proxy`).
 */
export function checkProxyTarget(segments: readonly string[], query: URLSearchParams, options: { trailingSlash?: boolean } = {}): { path: string; application: boolean } {
  const path = toUpstreamPath(segments);
  assertNotLongRunning(segments, query);
  const application = reachesApplication(segments);
  return { path: application && options.trailingSlash ? `${path}/` : path, application };
}

/** Request headers that shape the answer; never cookies or the browser's own credentials. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept'];
/** Response headers that matter to the browser: how to read the body, and the API server's warnings. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'warning'];

/**
 * Forwards one proxied request to the context's API server and returns its answer as it came: status,
 * body (streamed, so a 10,000-pod list is not held in memory) and the headers that matter. Failures
 * are the server's Status, untouched.
 */
export async function forwardToCluster(request: ForwardRequest): Promise<ForwardedResponse> {
  const { path } = request;
  const search = request.query.toString();
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const res = await upstreamRequest(request.context.kubeConfig, {
    method: request.method,
    path: search ? `${path}?${search}` : path,
    headers,
    body: request.body,
    signal: request.signal,
  });
  const out = new Headers(request.application ? PROXIED_CONTENT_HEADERS : {});
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = res.headers[name];
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
  }
  const status = res.statusCode ?? 502;
  // HEAD, 204 and 304 have no body; a Response with one would throw.
  const bodyless = request.method === 'HEAD' || status === 204 || status === 304;
  if (bodyless) res.resume();
  return { status, headers: out, body: bodyless ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>) };
}
