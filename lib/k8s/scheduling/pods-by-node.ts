/**
 * The pods each node holds, as the scheduler's cache sees them: kube-scheduler watches pods with
 * `status.phase!=Succeeded,status.phase!=Failed`, and a pod counts on a node once `spec.nodeName` names
 * it (terminating pods included, since they still hold their resources and ports until they are gone).
 */

import type { Pod } from '@/lib/k8s/types';

/** Read-only node name -> pods on it, what every scheduling function here takes. */
export type PodsByNode = ReadonlyMap<string, readonly Pod[]>;

/** Whether a pod has finished: the scheduler's informer never sees it, so it holds nothing. */
export function isTerminalPod(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * Groups the bound, non-terminal pods by `spec.nodeName`, keeping their order. The pod objects are
 * shared, not copied (a cluster of 50,000 pods is grouped on every scheduling attempt).
 */
export function groupPodsByNode(pods: Iterable<Pod>): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminalPod(pod)) continue;
    const list = byNode.get(nodeName);
    if (list) list.push(pod);
    else byNode.set(nodeName, [pod]);
  }
  return byNode;
}
