import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { BffError } from '@/lib/server/errors';
import { contextNameOf } from '@/lib/server/kube/context-name';
import { getRuntime } from '@/lib/server/runtime';

/**
 * How long the API server may stay silent: before the response headers, and between two body chunks.
 * `PILOTHOUSE_UPSTREAM_TIMEOUT_MS` overrides it (tests use a short one).
 */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = Number(process.env.PILOTHOUSE_UPSTREAM_TIMEOUT_MS) || 30_000;

export interface UpstreamRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/namespaces/default/pods?limit=10`; appended to the cluster's server URL. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs?: number;
  /** For streams: no idle timeout once the headers are in (a quiet log or watch is not a failure). */
  streaming?: boolean;
  signal?: AbortSignal;
}

// client-node builds a new Agent per call without keep-alive; one keep-alive agent per scheme lets
// one-shot requests reuse connections. TLS options travel on each request and are part of the pool key, so
// clusters with different CAs or client certificates never share a socket.
const keepAlive = { keepAlive: true, maxSockets: 64 };
const agents = { http: new http.Agent(keepAlive), https: new https.Agent(keepAlive) };
// A stream (a followed log) holds its connection for as long as it is read, so streams get their own
// agents with no pool limit: 64 followed logs would otherwise take every socket of the pool above, and
// everyone's lists, snapshots and other streams would queue behind them. How many streams there may be is
// bounded per client instead (server/socket-limits.ts). Watches go through client-node, one agent each.
const unpooled = { keepAlive: false, maxSockets: Infinity };
const streamAgents = { http: new http.Agent(unpooled), https: new https.Agent(unpooled) };

/**
 * Sends one request to a context's API server with that context's credentials and resolves with the
 * response once its headers arrive. Credentials come from `KubeConfig.applyToHTTPSOptions`, so every auth
 * method client-node supports (tokens, client certificates, exec and auth-provider plugins, basic auth)
 * works. Connection failures and timeouts become `BffError`s; any HTTP status is a response.
 */
export async function upstreamRequest(kubeConfig: KubeConfig, request: UpstreamRequest): Promise<http.IncomingMessage> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new BffError('ContextUnavailable', 'the context has no cluster');
  const url = new URL(cluster.server.replace(/\/+$/, '') + request.path);
  const options: https.RequestOptions = { method: request.method, headers: { ...request.headers } };
  try {
    await kubeConfig.applyToHTTPSOptions(options);
  } catch (error) {
    throw new BffError('ContextUnavailable', `could not get credentials for the cluster: ${(error as Error).message}`, { cause: error });
  }
  const secure = url.protocol === 'https:';
  // A proxy agent from the kubeconfig (`proxy-url`) must stay; otherwise the shared keep-alive agent.
  const pool = request.streaming ? streamAgents : agents;
  if (!cluster.proxyUrl) options.agent = secure ? pool.https : pool.http;
  if (request.body) (options.headers as Record<string, string>)['content-length'] = String(request.body.length);
  const timeoutMs = request.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const started = performance.now();
  // Until the response headers: the API server's latency, for streams too (a followed log's length is not it).
  const observe = (code: string) => getRuntime()?.metrics?.upstreamRequest({ context: contextNameOf(kubeConfig), code, seconds: (performance.now() - started) / 1000 });

  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, options);
    let settled = false;
    const fail = (error: BffError) => {
      if (settled) return;
      settled = true;
      req.destroy();
      observe('error');
      reject(error);
    };
    // An idle timeout on the socket: first for the headers, then (unless streaming) between body chunks, so
    // a reply that stops halfway cannot hold a request forever. `req.setTimeout` also cleans up after itself
    // on keep-alive sockets, which `socket.setTimeout` listeners would not.
    req.setTimeout(timeoutMs, () => {
      if (!settled) fail(new BffError('UpstreamTimeout', `the API server at ${url.host} did not answer within ${timeoutMs / 1000}s`));
      else req.destroy(new Error('the API server stopped sending'));
    });
    const onAbort = () => fail(new BffError('UpstreamUnreachable', 'the request was cancelled'));
    request.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) =>
      fail(new BffError('UpstreamUnreachable', `cannot reach the API server at ${url.host}: ${error.message}`, { cause: error })),
    );
    req.on('response', (res) => {
      settled = true;
      observe(String(res.statusCode ?? 0));
      request.signal?.removeEventListener('abort', onAbort);
      // A quiet log or watch is not a failure.
      if (request.streaming) req.setTimeout(0);
      resolve(res);
    });
    req.end(request.body);
  });
}

/** Reads a whole response body, refusing one larger than `limit` bytes. */
export async function readResponseBody(res: http.IncomingMessage, limit = 256 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.destroy();
      throw new BffError('BodyTooLarge', `the API server's answer is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
