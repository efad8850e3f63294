'use client';

import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { WatchTarget } from '@/lib/contract/watch';
import type { ListItem, WatchedList } from '@/lib/k8s/list-reducer';
import { watchedKey } from '@/lib/client/query-keys';
import type { ApiError } from '@/lib/client/api-fetch';
import type { ChannelState } from '@/lib/client/live-channel';
import { oneOffListQueryOptions } from '@/lib/client/one-off-list';
import { joinWatch, targetId, watchHealth, type WatchHealth, type WatchTap } from '@/lib/client/shared-watches';
import { getSocket } from '@/lib/client/socket';
import { useLiveChannel } from '@/lib/client/use-live-channel';

export type { WatchedListState } from '@/lib/client/shared-watches';

/** A list shown while the live channel is down: fetched once over HTTP, not updated. */
export interface OfflineList {
  channel: ChannelState;
  /** When the one-off list arrived (absent while it is fetched, or when that failed). */
  fetchedAt?: number;
  /** Why the one-off list could not be fetched either. */
  fetchError?: ApiError;
  /** Fetches the one-off list again (with a "Retry now"). */
  refetch: () => void;
}

export interface WatchedListResult<T extends ListItem> extends WatchHealth {
  data: WatchedList<T> | undefined;
  /** Set while the live channel is down: `data` then comes from one fetch and does not update. */
  offline?: OfflineList;
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
    // The list reducer already keeps every unchanged object (and the list itself when nothing changed);
    // structural sharing would walk all 50,000 items on every event and hand out a copy of the array the
    // reducer made, losing the edits it recorded for the rows (see `listChange`).
    structuralSharing: false,
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
  const channel = useLiveChannel();
  const down = Boolean(target) && channel.status === 'down';
  const once = useQuery({ ...oneOffListQueryOptions<T>(target ?? PAUSED, channel.downSince ?? 0), enabled: down });
  if (!target) return { data: undefined, state: health.state, error: health.error };
  if (!down) return { data, state: health.state, error: health.error };
  const offline: OfflineList = {
    channel,
    fetchedAt: once.data ? once.dataUpdatedAt : undefined,
    fetchError: (once.error as ApiError | null) ?? undefined,
    refetch: () => void once.refetch(),
  };
  // The one-off list is newer than whatever the watch held when the channel went.
  const shown = once.data ?? data;
  if (shown) return { data: shown, state: 'live', offline };
  if (once.error) return { data: undefined, state: 'error', error: once.error as ApiError, offline };
  return { data: undefined, state: 'connecting', offline };
}
