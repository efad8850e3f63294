/**
 * Results for one pod on one node, remembered for as long as the node object and its list of pods stay
 * the same. A `PodsByNodeIndex` gives a node a new list only when a pod on it changes, and a watch gives a
 * node a new object only when it changes, so after a pod event a preview of 1,000 nodes works out one node
 * again instead of all of them. Keys are held weakly: nothing outlives the objects it describes.
 */

import type { Node, Pod } from '@/lib/k8s/types';

interface Entry<V> {
  podsOnNode: readonly Pod[];
  extra: unknown;
  value: V;
}

/** A memo of `compute(pod, node, podsOnNode)`, valid while `extra` (say, the cluster's images) is the same too. */
export function perNodeMemo<V>() {
  const byPod = new WeakMap<Pod, WeakMap<Node, Entry<V>>>();
  return (options: { pod: Pod; node: Node; podsOnNode: readonly Pod[]; extra?: unknown }, compute: () => V): V => {
    const { pod, node, podsOnNode, extra } = options;
    let byNode = byPod.get(pod);
    if (!byNode) byPod.set(pod, (byNode = new WeakMap()));
    const known = byNode.get(node);
    if (known && known.podsOnNode === podsOnNode && known.extra === extra) return known.value;
    const value = compute();
    byNode.set(node, { podsOnNode, extra, value });
    return value;
  };
}
