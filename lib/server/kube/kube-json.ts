import type { KubeConfig } from '@kubernetes/client-node';
import { failureStatus, isStatus } from '@/lib/contract/status';
import { KubeStatusError } from '@/lib/server/errors';
import { readResponseBody, upstreamRequest, type UpstreamRequest } from '@/lib/server/kube/upstream-request';

/**
 * A JSON request to the API server for the console's own use (discovery, manifests, log end reasons).
 * Resolves with the parsed body on 2xx; throws `KubeStatusError` with the server's Status otherwise (or a
 * Status built from the code when the server sent something else, as client-go does).
 */
export async function kubeJson<T = unknown>(
  kubeConfig: KubeConfig,
  request: Omit<UpstreamRequest, 'body'> & { body?: unknown },
): Promise<T> {
  const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  const headers = { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...request.headers };
  const res = await upstreamRequest(kubeConfig, { ...request, headers, body });
  const text = (await readResponseBody(res)).toString('utf8');
  const code = res.statusCode ?? 500;
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (code >= 200 && code < 300) return parsed as T;
  throw kubeResponseError({ code, statusMessage: res.statusMessage, text, parsed });
}

/** The error for a non-2xx answer: the server's own Status, or one built from the code (as client-go does). */
export function kubeResponseError(answer: { code: number; statusMessage?: string; text: string; parsed?: unknown }): KubeStatusError {
  const { code, text, parsed } = answer;
  if (isStatus(parsed)) return new KubeStatusError(parsed);
  return new KubeStatusError(failureStatus({ code, reason: answer.statusMessage ?? 'Unknown', message: `the server responded with ${code}: ${text.slice(0, 200)}` }));
}
