/**
 * `/api/v1/namespaces/{ns}/pods/{name}[:port]/proxy/{path}`: the API server's pod proxy. The target
 * is resolved as pod `ResourceLocation` does (`name`, `name:port` or `scheme:name:port`; without a port
 * the first declared container port; no usable pod IP is `400 address not allowed`), then the request
 * goes to whatever listens on that port in the pod's containers. Nothing listening is the proxy
 * transport's `503 error trying to reach service: dial tcp IP:PORT: connect: connection refused`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../request-body';
import { ApiError, badRequest } from '../status';
import { isPlainObject, type KubeObject } from '../types';
import type { Kubelet } from './kubelet';

/** A pod proxy URL split into its parts. */
export interface PodProxyPath {
  namespace: string;
  /** `name`, `name:port` or `scheme:name:port`. */
  id: string;
  /** What follows `/proxy`, always starting with `/`. */
  path: string;
}

const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/proxy(\/.*)?$/;

/** Matches a pod proxy URL path (raw, trailing slash kept). */
export function matchPodProxyPath(pathname: string): PodProxyPath | undefined {
  const match = PROXY_PATH.exec(pathname);
  if (!match) return undefined;
  return { namespace: decodeURIComponent(match[1] ?? ''), id: decodeURIComponent(match[2] ?? ''), path: match[3] ?? '/' };
}

/** `utilnet.SplitSchemeNamePort`: `name`, `name:port`, `scheme:name:port`. */
export function splitSchemeNamePort(id: string): { scheme: string; name: string; port: string } | undefined {
  const parts = id.split(':');
  let scheme = '';
  let name: string;
  let port = '';
  if (parts.length === 1) name = parts[0] as string;
  else if (parts.length === 2) [name, port] = parts as [string, string];
  else if (parts.length === 3) [scheme, name, port] = parts as [string, string, string];
  else return undefined;
  if (!name || (scheme && scheme !== 'http' && scheme !== 'https')) return undefined;
  return { scheme: scheme || 'http', name, port };
}

/** Proxies one request to a pod; the pod has been read already (404 is the caller's). */
export async function proxyToPod(options: {
  pod: KubeObject;
  target: { scheme: string; port: string };
  path: string;
  query: URLSearchParams;
  kubelet: Kubelet | undefined;
  req: IncomingMessage;
  res: ServerResponse;
}): Promise<void> {
  const { pod, target, path, query, kubelet, req, res } = options;
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  let port = target.port;
  if (!port) {
    for (const container of Array.isArray(spec.containers) ? spec.containers.filter(isPlainObject) : []) {
      const ports = Array.isArray(container.ports) ? container.ports.filter(isPlainObject) : [];
      if (ports.length > 0) {
        port = String(ports[0]?.containerPort ?? '');
        break;
      }
    }
  }
  const status = isPlainObject(pod.status) ? pod.status : {};
  const podIP = typeof status.podIP === 'string' ? status.podIP : '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(podIP)) throw badRequest('address not allowed');
  const portNumber = port ? Number(port) : target.scheme === 'https' ? 443 : 80;
  const address = port ? `${podIP}:${port}` : podIP;
  const unreachable = (why: string) => new ApiError(503, 'ServiceUnavailable', `error trying to reach service: ${why}`);
  if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) throw unreachable(`dial tcp: address ${address}: invalid port`);
  const worker = kubelet?.worker(pod.metadata.uid ?? '');
  const instance = worker?.runners.map((r) => r.current).find((i) => i?.listens(portNumber));
  if (!instance) throw unreachable(`dial tcp ${podIP}:${portNumber}: connect: connection refused`);
  // The apps speak plain HTTP: a TLS client gets a plain-text answer to its handshake.
  if (target.scheme === 'https') throw unreachable('tls: first record does not look like a TLS handshake');
  const body = await readBody(req);
  const search = query.toString();
  const answer = await instance.request(portNumber, {
    method: req.method ?? 'GET',
    path: search ? `${path}?${search}` : path,
    headers: req.headers,
    body,
    remoteAddress: kubelet?.gatewayIP ?? podIP,
  });
  const payload = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  res.writeHead(answer.status, {
    Date: new Date().toUTCString(),
    'Content-Length': String(payload.length),
    ...answer.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}
