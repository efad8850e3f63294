'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateManifestsRequest, CreateManifestsResponse } from '@/lib/contract/manifests';
import { apiFetch, k8sUrl, type ApiError } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/k8s-queries';

/** One write through the proxy. */
export interface K8sWrite {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** For PATCH: `application/merge-patch+json` (default), `application/strategic-merge-patch+json`, ... */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined>;
}

/** Sends a write to a cluster; throws `ApiError` with the server's Status. */
export function k8sWrite<T = unknown>(context: string, write: K8sWrite): Promise<T> {
  const contentType = write.contentType ?? (write.method === 'PATCH' ? 'application/merge-patch+json' : undefined);
  return apiFetch<T>(k8sUrl(context, write.path, write.query), { method: write.method, body: write.body ?? (write.method === 'DELETE' ? undefined : {}), contentType });
}

/**
 * A write as a mutation. On failure `error.message` is the server's Status message (what kubectl would
 * print after "Error from server"); on success the cluster's one-shot reads refetch. Live lists need no
 * refetch: the watch brings the change.
 */
export function useK8sWrite<T = unknown>(context: string) {
  const queryClient = useQueryClient();
  return useMutation<T, ApiError, K8sWrite>({
    mutationFn: (write) => k8sWrite<T>(context, write),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...queryKeys.cluster(context), 'get'] }),
  });
}

/** `POST /api/clusters/{context}/manifests`: create from YAML/JSON, all or nothing. */
export function useCreateManifests(context: string) {
  const queryClient = useQueryClient();
  return useMutation<CreateManifestsResponse, ApiError, CreateManifestsRequest>({
    mutationFn: (request) => apiFetch<CreateManifestsResponse>(`/api/clusters/${encodeURIComponent(context)}/manifests`, { method: 'POST', body: request }),
    onSuccess: (result) => {
      if (result.ok && !result.dryRun) void queryClient.invalidateQueries({ queryKey: [...queryKeys.cluster(context), 'get'] });
    },
  });
}
