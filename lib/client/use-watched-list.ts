'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { K8sStatus } from '@/lib/contract/status';
import type { WatchTarget } from '@/lib/contract/watch';
import { reduceList, type ListItem, type WatchEvent, type WatchedList } from '@/lib/k8s/list-reducer';
import { ApiError } from '@/lib/client/api-fetch';
import { queryKeys, watchedListQueryOptions } from '@/lib/client/k8s-queries';
import { getSocket } from '@/lib/client/socket';
import { subscribeWatch } from '@/lib/client/watch-subscriptions';

/** Where a live list stands: waiting for its snapshot, live, reconnecting upstream, or failed. */
export type WatchedListState = 'connecting' | 'live' | 'reconnecting' | 'error';

export interface WatchedListResult<T extends ListItem> {
  data: WatchedList<T> | undefined;
  state: WatchedListState;
  /** When `state` is `error` (or `reconnecting`): the server's Status as an error. */
  error?: ApiError;
}

/**
 * A live list in the query cache: subscribes `target` over the shared socket, writes the snapshot into the
 * cache and applies each batch of events with the pure list reducer, so every component reading this key
 * sees the exact list. `target` null pauses (nothing subscribed).
 */
export function useWatchedList<T extends ListItem = ListItem>(target: WatchTarget | null): WatchedListResult<T> {
  const queryClient = useQueryClient();
  const options = watchedListQueryOptions<T>(target ?? { context: '', version: 'v1', resource: 'none' });
  const { data } = useQuery(options);
  // Subscribe again only when the target's identity changes, not on every render's new object: the
  // effect depends on the target's canonical JSON and reads the target back from it.
  const targetJson = target ? JSON.stringify(target, Object.keys(target).sort()) : '';
  const [health, setHealth] = useState<{ for: string; state: WatchedListState; error?: ApiError }>({ for: '', state: 'connecting' });

  useEffect(() => {
    if (!targetJson) return;
    const subscribed = JSON.parse(targetJson) as WatchTarget;
    const key = queryKeys.watched(subscribed);
    const report = (state: WatchedListState, status?: K8sStatus) =>
      setHealth({ for: targetJson, state, error: status ? new ApiError(status) : undefined });
    return subscribeWatch(getSocket(), subscribed, {
      snapshot: ({ items, resourceVersion }) => {
        queryClient.setQueryData<WatchedList<T>>(key, { items: items as T[], resourceVersion });
        report('live');
      },
      events: ({ events, resourceVersion }) => {
        queryClient.setQueryData<WatchedList<T>>(key, (old) => (old ? reduceList(old, events as WatchEvent<T>[], resourceVersion) : old));
      },
      status: (status) => {
        if (status.state === 'refused') report('error', status.ack.status);
        else report(status.state, status.status);
      },
    });
  }, [targetJson, queryClient]);

  // A health report for an earlier target does not describe this one.
  const current = health.for === targetJson ? health : { state: 'connecting' as const, error: undefined };
  return { data: target ? data : undefined, state: current.state, error: current.error };
}
