import type { QueryClient } from '@tanstack/react-query';
import type { K8sStatus } from '@/lib/contract/status';
import type { WatchTarget } from '@/lib/contract/watch';
import { reduceList, watchedList, type ListItem, type WatchEvent, type WatchedList } from '@/lib/k8s/list-reducer';
import { ApiError } from '@/lib/client/api-fetch';
import { watchedKey } from '@/lib/client/query-keys';
import type { ConsoleSocket } from '@/lib/client/socket';
import { subscribeWatch } from '@/lib/client/watch-subscriptions';

/**
 * Where a live list stands: waiting for its snapshot, showing the first pages while the rest loads
 * (`syncing`), live, reconnecting upstream, or failed.
 */
export type WatchedListState = 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'error';

export interface WatchHealth {
  state: WatchedListState;
  /** When `state` is `error` (or `reconnecting`): the server's Status as an error. */
  error?: ApiError;
}

/**
 * Follows a shared watch's list beside the query cache, for an index kept up to date in time proportional
 * to the changes (the pods by node of 50,000 pods): it hears the whole list (the snapshot, or what the
 * cache holds when it joins, or an empty list when it leaves), then every batch of events the list reducer
 * applies, before the cache's subscribers hear of it.
 */
export interface WatchTap<T extends ListItem = ListItem> {
  reset(items: Iterable<T>): void;
  apply(events: readonly WatchEvent<T>[]): void;
}

interface SharedWatch {
  refs: number;
  health: WatchHealth;
  listeners: Set<() => void>;
  taps: Set<WatchTap>;
  stop: () => void;
}

const CONNECTING: WatchHealth = { state: 'connecting' };
const registries = new WeakMap<QueryClient, Map<string, SharedWatch>>();

/** The health of the shared watch of `target`, or `connecting` when nobody has joined it yet. */
export function watchHealth(queryClient: QueryClient, target: WatchTarget): WatchHealth {
  return registries.get(queryClient)?.get(targetId(target))?.health ?? CONNECTING;
}

/** The canonical identity of a target: the same list whatever order its fields were written in. */
export function targetId(target: WatchTarget): string {
  return JSON.stringify(watchedKey(target));
}

/**
 * Joins the one socket subscription of `target` for this query client, opening it for the first member
 * and closing it when the last leaves. Its snapshot and events go into the query cache under the target's
 * key (through the pure list reducer), so every member reads the same list; its health is shared too.
 */
export function joinWatch(options: { queryClient: QueryClient; socket: ConsoleSocket; target: WatchTarget; tap?: WatchTap }) {
  const { queryClient, socket, target, tap } = options;
  let registry = registries.get(queryClient);
  if (!registry) registries.set(queryClient, (registry = new Map()));
  const id = targetId(target);
  let shared = registry.get(id);
  const key = watchedKey(target);
  if (!shared) {
    const entry: SharedWatch = { refs: 0, health: CONNECTING, listeners: new Set(), taps: new Set(), stop: () => {} };
    const report = (state: WatchedListState, status?: K8sStatus) => {
      entry.health = { state, error: status ? new ApiError(status) : undefined };
      for (const listener of entry.listeners) listener();
    };
    entry.stop = subscribeWatch(socket, target, {
      snapshot: ({ items, resourceVersion, partial }) => {
        for (const each of entry.taps) each.reset(items);
        queryClient.setQueryData<WatchedList>(key, watchedList(items, resourceVersion));
        report(partial ? 'syncing' : 'live');
      },
      events: ({ events, resourceVersion }) => {
        // Before the snapshot the cache ignores events; so do the taps.
        if (queryClient.getQueryData(key)) for (const each of entry.taps) each.apply(events as WatchEvent[]);
        queryClient.setQueryData<WatchedList>(key, (old) => (old ? reduceList(old, events as WatchEvent[], resourceVersion) : old));
      },
      status: (status) => {
        if (status.state === 'refused') report('error', status.ack.status);
        else report(status.state, status.status);
      },
    });
    shared = entry;
    registry.set(id, shared);
  }
  const joined = shared;
  joined.refs += 1;
  if (tap) {
    joined.taps.add(tap);
    const cached = queryClient.getQueryData<WatchedList>(key);
    if (cached) tap.reset(cached.items);
  }
  let left = false;
  return {
    health: () => joined.health,
    /** Calls `listener` on every health change; returns the function that stops it. */
    onHealth: (listener: () => void) => {
      joined.listeners.add(listener);
      return () => joined.listeners.delete(listener);
    },
    leave: () => {
      if (left) return;
      left = true;
      joined.refs -= 1;
      if (tap) {
        joined.taps.delete(tap);
        tap.reset([]);
      }
      if (joined.refs === 0) {
        joined.stop();
        if (registry.get(id) === joined) registry.delete(id);
      }
    },
  };
}
