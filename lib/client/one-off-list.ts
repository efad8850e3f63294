'use client';

import { queryOptions } from '@tanstack/react-query';
import { rowProjection } from '@/lib/contract/row-view';
import { targetListPath, type WatchTarget } from '@/lib/contract/watch';
import { watchedList, type ListItem, type WatchedList } from '@/lib/k8s/list-reducer';
import { apiFetch, k8sUrl } from '@/lib/client/api-fetch';
import { watchedKey } from '@/lib/client/query-keys';

interface ListAnswer<T> {
  items?: T[];
  metadata?: { resourceVersion?: string };
}

/** `GET` the target's list once, through the BFF's HTTP proxy: what a page shows while its live channel is down. */
export async function fetchListOnce<T extends ListItem>(target: WatchTarget): Promise<WatchedList<T>> {
  const list = await apiFetch<ListAnswer<T>>(k8sUrl(target.context, targetListPath(target, { withSelectors: true })));
  // A rows view gets what the socket would have sent: the same row function, applied here.
  const project = target.view === 'rows' ? rowProjection(target) : undefined;
  const items = list.items ?? [];
  return watchedList(project ? (items.map(project) as unknown as T[]) : items, list.metadata?.resourceVersion ?? '');
}

/**
 * One fetch per outage (`since`: when the channel was lost), under the target's resource so a write's
 * invalidation fetches it again; never refetched on its own, since nothing would say it is current.
 */
export function oneOffListQueryOptions<T extends ListItem>(target: WatchTarget, since: number) {
  return queryOptions<WatchedList<T>>({
    queryKey: [...watchedKey(target), 'once', since],
    queryFn: () => fetchListOnce<T>(target),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
