import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { ResourceDescriptor } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { queryKeys } from '@/lib/client/query-keys';

/** One object, by name (and namespace for a namespaced kind). */
export interface ObjectRef {
  namespace?: string;
  name: string;
}

/** `GET` one object through the proxy; rejects with `ApiError` carrying the server's Status. */
export function getResource<T>(context: string, descriptor: ResourceDescriptor, ref: ObjectRef, signal?: AbortSignal): Promise<T> {
  return apiFetch<T>(k8sUrl(context, resourcePath({ ...descriptor, ...ref })), { signal });
}

export function resourceQueryOptions<T>(context: string, descriptor: ResourceDescriptor, ref: ObjectRef) {
  return queryOptions({
    queryKey: [...queryKeys.resource(context, descriptor), 'get', ref.namespace ?? '', ref.name] as const,
    queryFn: ({ signal }) => getResource<T>(context, descriptor, ref, signal),
  });
}

/** One object, read once (live views use `useWatchedList` with a name field selector instead). */
export function useResource<T>(context: string | undefined, descriptor: ResourceDescriptor, ref: ObjectRef) {
  return useQuery({ ...resourceQueryOptions<T>(context ?? '', descriptor, ref), enabled: Boolean(context) });
}

/**
 * The objects as they are now, read when a dialog opens (a list row carries labels but not annotations):
 * never served from an earlier read, and forgotten when the dialog closes.
 */
export function useCurrentObjects<T>(context: string | undefined, descriptor: ResourceDescriptor, refs: readonly ObjectRef[], enabled: boolean) {
  return useQueries({
    queries: refs.map((ref) => ({
      queryKey: [...queryKeys.resource(context ?? '', descriptor), 'get', ref.namespace ?? '', ref.name, 'current'] as const,
      queryFn: ({ signal }: { signal: AbortSignal }) => getResource<T>(context ?? '', descriptor, ref, signal),
      enabled: enabled && Boolean(context),
      gcTime: 0,
      retry: false,
      refetchOnWindowFocus: false,
    })),
  });
}
