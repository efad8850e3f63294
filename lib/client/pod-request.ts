import { failureStatus, isStatus } from '@/lib/contract/status';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { CONSOLE_REQUEST_HEADER, k8sUrl } from '@/lib/client/api-fetch';

export interface PodHttpRequest {
  context: string;
  namespace: string;
  pod: string;
  port: number;
  method: string;
  /** Path and query, starting with `/`. */
  path: string;
  headers: [string, string][];
  body?: string;
}

export type PodHttpOutcome =
  | { status: number; statusText: string; headers: [string, string][]; body: string; durationMs: number }
  | { error: ReturnType<typeof failureStatus> | string };

/**
 * Sends an HTTP request to a pod's port through the API server's pod proxy
 * (`/api/v1/namespaces/{ns}/pods/{name}:{port}/proxy/{path}`), the browser's equivalent of the chapter's
 * `kubectl port-forward` + `curl`. The pod's answer comes back as it is; a failure of the proxy itself is
 * the API server's Status.
 */
export async function sendPodRequest(request: PodHttpRequest): Promise<PodHttpOutcome> {
  const url = k8sUrl(request.context, resourcePath({ ...pods, namespace: request.namespace, name: request.pod, port: request.port, subresource: 'proxy', proxyPath: request.path }));
  const headers = new Headers(request.headers);
  headers.set(CONSOLE_REQUEST_HEADER, '1');
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, body: ['GET', 'HEAD'].includes(request.method) ? undefined : request.body, credentials: 'same-origin' });
  } catch (error) {
    return { error: `the console did not answer: ${(error as Error).message}` };
  }
  const body = await response.text();
  const durationMs = Math.round(performance.now() - started);
  // A Status body with an error code is the proxy's own failure (pod not running, port closed, ...).
  if (!response.ok && response.headers.get('content-type')?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (isStatus(parsed)) return { error: parsed };
    } catch {
      // Not JSON after all: the pod's own error page, shown as a response.
    }
  }
  return { status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body, durationMs };
}
