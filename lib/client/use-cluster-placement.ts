'use client';

import { useMemo } from 'react';
import { groupPodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { nodes as nodesResource, pods as podsResource } from '@/lib/k8s/resources';
import type { Node, Pod } from '@/lib/k8s/types';
import { useWatchedList, type WatchedListState } from '@/lib/client/use-watched-list';

const EMPTY: never[] = [];

/**
 * Every node and the pods bound to them, live: what a scheduling preview and the nodes' allocation bars
 * need. Both lists are the page's shared watches (the nodes list and the all-namespaces pods list), so a
 * preview opens no list of its own.
 */
export function useClusterPlacement(context: string | undefined) {
  const nodeList = useWatchedList<Node>(context ? { context, group: nodesResource.group, version: nodesResource.version, resource: nodesResource.resource } : null);
  const podList = useWatchedList<Pod>(context ? { context, group: podsResource.group, version: podsResource.version, resource: podsResource.resource } : null);
  const podsByNode = useMemo(() => groupPodsByNode(podList.data?.items ?? EMPTY), [podList.data]);
  const state: WatchedListState = nodeList.state === 'live' && podList.state === 'live' ? 'live' : nodeList.state === 'error' || podList.state === 'error' ? 'error' : nodeList.state === 'reconnecting' || podList.state === 'reconnecting' ? 'reconnecting' : 'connecting';
  return {
    nodes: nodeList.data?.items ?? (EMPTY as Node[]),
    pods: podList.data?.items ?? (EMPTY as Pod[]),
    podsByNode,
    state,
    error: nodeList.error ?? podList.error,
    nodesState: nodeList.state,
    nodesError: nodeList.error,
  };
}
