import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContextList } from '@/lib/contract/contexts';
import { apiFetch } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** `GET /api/contexts`: the cluster contexts this console offers. */
export function fetchContexts(signal?: AbortSignal): Promise<ContextList> {
  return apiFetch<ContextList>('/api/contexts', { signal });
}

export function contextsQueryOptions() {
  return queryOptions({ queryKey: queryKeys.contexts(), queryFn: ({ signal }) => fetchContexts(signal), staleTime: 60_000 });
}

export function useContexts() {
  return useQuery(contextsQueryOptions());
}
