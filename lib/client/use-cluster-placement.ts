'use client';

import { useState, useSyncExternalStore } from 'react';
import type { WatchEvent } from '@/lib/k8s/list-reducer';
import { PodsByNodeIndex, type PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { nodes as nodesResource, pods as podsResource } from '@/lib/k8s/resources';
import type { Node, Pod } from '@/lib/k8s/types';
import type { WatchTap } from '@/lib/client/shared-watches';
import { useWatchedList, type WatchedListState } from '@/lib/client/use-watched-list';

const EMPTY: never[] = [];

/** The pods by node of the shared pods watch, kept from its events, as a store React can read. */
class PodsByNodeTap implements WatchTap<Pod> {
  private readonly index = new PodsByNodeIndex();
  private readonly listeners = new Set<() => void>();

  reset(items: Iterable<Pod>): void {
    this.index.reset(items);
    this.notify();
  }

  apply(events: readonly WatchEvent<Pod>[]): void {
    if (this.index.apply(events)) this.notify();
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly current = (): PodsByNode => this.index.podsByNode;

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Every node and the pods bound to them, live, as whole objects: what a scheduling preview and a node's
 * page need (the nodes list adds up requests from the pods' rows instead). Both lists are the page's shared
 * watches of nodes and of all pods, so a preview opens no list of its own; the pods by node follow the pods watch's events, so a pod event
 * touches the lists of its node only (every other node keeps its array and what is remembered for it)
 * instead of regrouping every pod of the cluster.
 */
export function useClusterPlacement(context: string | undefined) {
  const [tap] = useState(() => new PodsByNodeTap());
  const nodeList = useWatchedList<Node>(context ? { context, group: nodesResource.group, version: nodesResource.version, resource: nodesResource.resource } : null);
  const podList = useWatchedList<Pod>(context ? { context, group: podsResource.group, version: podsResource.version, resource: podsResource.resource } : null, tap);
  const podsByNode = useSyncExternalStore(tap.subscribe, tap.current, tap.current);
  const state: WatchedListState = nodeList.state === 'live' && podList.state === 'live' ? 'live' : nodeList.state === 'error' || podList.state === 'error' ? 'error' : nodeList.state === 'reconnecting' || podList.state === 'reconnecting' ? 'reconnecting' : 'connecting';
  return {
    nodes: nodeList.data?.items.toArray() ?? (EMPTY as Node[]),
    pods: podList.data?.items.toArray() ?? (EMPTY as Pod[]),
    podsByNode,
    /** Both snapshots are in: before that a node would look empty and a preview would be wrong. */
    loaded: Boolean(nodeList.data && podList.data),
    state,
    error: nodeList.error ?? podList.error,
    nodesState: nodeList.state,
    nodesError: nodeList.error,
  };
}
