import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateManifestsRequest, CreateManifestsResponse } from '@/lib/contract/manifests';
import { apiFetch } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** `POST /api/clusters/{context}/manifests`: `kubectl create -f` on the server, all or nothing. */
export function createManifests(context: string, request: CreateManifestsRequest): Promise<CreateManifestsResponse> {
  return apiFetch<CreateManifestsResponse>(`/api/clusters/${encodeURIComponent(context)}/manifests`, { method: 'POST', body: request });
}

/** Dry run or create; a create invalidates the cluster's reads, so lists show the new objects. */
export function useCreateManifests(context: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation<CreateManifestsResponse, Error, CreateManifestsRequest>({
    mutationFn: (request) => {
      if (!context) throw new Error('no cluster context');
      return createManifests(context, request);
    },
    onSuccess: (response) => {
      if (!response.dryRun && response.results.some((r) => r.outcome === 'created')) void queryClient.invalidateQueries({ queryKey: queryKeys.cluster(context ?? '') });
    },
  });
}
