import { failureStatus, isStatus, type K8sStatus } from '@/lib/contract/status';

/** The header every console request carries; the BFF refuses writes without it (cross-site protection). */
export const CONSOLE_REQUEST_HEADER = 'X-Pilothouse-Request';

/**
 * A failed request, carrying the server's `metav1.Status` (the API server's own, or the console's in the
 * same shape). `message` is the Status message, ready to show as is.
 */
export class ApiError extends Error {
  readonly status: K8sStatus;
  readonly code: number;
  readonly reason: string;

  constructor(status: K8sStatus) {
    super(status.message ?? `request failed with ${status.code ?? 'an error'}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = status.code ?? 0;
    this.reason = status.reason ?? 'Unknown';
  }
}

export interface ApiFetchOptions {
  method?: string;
  /** Sent as JSON unless `contentType` says otherwise (strings are sent as they are). */
  body?: unknown;
  /** E.g. `application/merge-patch+json` for a merge patch. */
  contentType?: string;
  signal?: AbortSignal;
}

/**
 * Fetches JSON from the BFF. Sends the console's request header on every call, and turns any failure (a
 * Status body, or a network error) into an `ApiError` with the server's message.
 */
export async function apiFetch<T>(url: string, options: ApiFetchOptions = {}): Promise<T> {
  const headers: Record<string, string> = { [CONSOLE_REQUEST_HEADER]: '1', Accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method: options.method ?? 'GET', headers, body, signal: options.signal, credentials: 'same-origin' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(failureStatus({ code: 0, reason: 'NetworkError', message: `the console did not answer: ${(error as Error).message}` }));
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (response.ok) return parsed as T;
  throw new ApiError(
    isStatus(parsed)
      ? parsed
      : failureStatus({ code: response.status, reason: response.statusText || 'Unknown', message: `the server answered ${response.status}: ${text.slice(0, 200)}` }),
  );
}

/** The BFF URL of an API path (one built by `resourcePath`) on a cluster: `k8sUrl('prod', resourcePath({ ...pods }))`. */
export function k8sUrl(context: string, path: string): string {
  return `/api/clusters/${encodeURIComponent(context)}/k8s${path.startsWith('/') ? path : `/${path}`}`;
}
