'use client';

import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { WatchTarget } from '@/lib/contract/watch';
import type { ListItem, WatchedList } from '@/lib/k8s/list-reducer';
import { watchedKey } from '@/lib/client/query-keys';
import { joinWatch, targetId, watchHealth, type WatchHealth, type WatchTap } from '@/lib/client/shared-watches';
import { getSocket } from '@/lib/client/socket';

export type { WatchedListState } from '@/lib/client/shared-watches';

export interface WatchedListResult<T extends ListItem> extends WatchHealth {
  data: WatchedList<T> | undefined;
}

/**
 * A live list's cache entry. It is never fetched: the shared watch fills it from the socket (snapshot,
 * then events through the list reducer), so it never goes stale on its own.
 */
export function watchedListQueryOptions<T extends ListItem = ListItem>(target: WatchTarget) {
  return queryOptions<WatchedList<T>>({
    queryKey: watchedKey(target),
    queryFn: () => new Promise<WatchedList<T>>(() => {}),
    enabled: false,
    staleTime: Infinity,
    gcTime: 30_000,
  });
}

const PAUSED: WatchTarget = { context: '', version: 'v1', resource: 'none' };
const CONNECTING: WatchHealth = { state: 'connecting' };

/**
 * A live list: joins the page's one subscription of `target` (every component watching the same target
 * shares it, its cache entry and its health). `target` null pauses (nothing subscribed). `tap`, the same
 * object for the component's life, follows the list's changes as they come (see `WatchTap`).
 */
export function useWatchedList<T extends ListItem = ListItem>(target: WatchTarget | null, tap?: WatchTap<T>): WatchedListResult<T> {
  const queryClient = useQueryClient();
  const { data } = useQuery(watchedListQueryOptions<T>(target ?? PAUSED));
  // Join again only when the target's identity changes, not on every render's new object.
  const id = target ? targetId(target) : '';
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!id) return () => {};
      const watch = joinWatch({ queryClient, socket: getSocket(), target: target!, tap: tap as WatchTap | undefined });
      const stop = watch.onHealth(onChange);
      onChange();
      return () => {
        stop();
        watch.leave();
      };
    },
    // `target` is read only when its identity (`id`) changes; `tap` is fixed for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [id, queryClient],
  );
  const health = useSyncExternalStore(
    subscribe,
    () => (target ? watchHealth(queryClient, target) : CONNECTING),
    () => CONNECTING,
  );
  return { data: target ? data : undefined, state: health.state, error: health.error };
}
