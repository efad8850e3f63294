import { queryOptions } from '@tanstack/react-query';
import type { ContextList } from '@/lib/contract/contexts';
import type { WatchTarget } from '@/lib/contract/watch';
import type { ListItem, WatchedList } from '@/lib/k8s/list-reducer';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';

/**
 * Query options factories: the only place query keys are written. Every key starts with the context, so
 * a mutation can invalidate one cluster's reads at once (`['k8s', context]`).
 */
export const queryKeys = {
  contexts: () => ['contexts'] as const,
  cluster: (context: string) => ['k8s', context] as const,
  get: (context: string, path: string, query: Record<string, string | number | boolean | undefined> = {}) =>
    ['k8s', context, 'get', path, query] as const,
  watched: (target: WatchTarget) =>
    [
      'k8s',
      target.context,
      'watch',
      target.group ?? '',
      target.version,
      target.resource,
      target.namespace ?? '',
      target.labelSelector ?? '',
      target.fieldSelector ?? '',
    ] as const,
};

/** `GET /api/contexts`. */
export function contextsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.contexts(),
    queryFn: ({ signal }) => apiFetch<ContextList>('/api/contexts', { signal }),
    staleTime: 60_000,
  });
}

/** A one-shot read through the proxy, e.g. one pod: `k8sGetQueryOptions({ context, path: '/api/v1/namespaces/default/pods/web' })`. */
export function k8sGetQueryOptions<T = unknown>(options: {
  context: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
}) {
  const { context, path, query } = options;
  return queryOptions({
    queryKey: queryKeys.get(context, path, query),
    queryFn: ({ signal }) => apiFetch<T>(k8sUrl(context, path, query), { signal }),
  });
}

/**
 * A live list's cache entry. It is never fetched: `useWatchedList` fills it from the socket (snapshot,
 * then events through the list reducer), so it never goes stale on its own.
 */
export function watchedListQueryOptions<T extends ListItem = ListItem>(target: WatchTarget) {
  return queryOptions<WatchedList<T>>({
    queryKey: queryKeys.watched(target),
    queryFn: () => new Promise<WatchedList<T>>(() => {}),
    enabled: false,
    staleTime: Infinity,
    gcTime: 30_000,
  });
}
