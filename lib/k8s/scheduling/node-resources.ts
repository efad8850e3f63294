/**
 * The NodeResourcesFit filter (kubernetes 1.32 `noderesources/fit.go` `fitsRequest`): the pod's
 * requests must fit into the node's allocatable minus what the pods already there request, and one
 * more pod must fit under allocatable `pods`. Every shortfall is reported, in the plugin's order:
 * pods, cpu, memory, ephemeral-storage, then extended resources.
 */

import { nodeUsage } from '@/lib/k8s/scheduling/node-usage';
import { isScalarResourceName, nodeAllocatable, podRequests } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, Pod } from '@/lib/k8s/types';

/** `Too many pods`, the reason when allocatable `pods` is used up. */
export const TOO_MANY_PODS = 'Too many pods';

/** One resource the node is short of, with the numbers behind it (for a scheduling preview). */
export interface InsufficientResource {
  resourceName: string;
  /** `Insufficient cpu`, `Too many pods`, ... */
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

const CORE_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

/**
 * The resources the node lacks for the pod; empty when it fits. `podsOnNode` must already exclude
 * terminated pods (the scheduler's informer never sees Succeeded/Failed pods).
 */
export function insufficientResources(pod: Pod, node: Node, podsOnNode: readonly Pod[]): InsufficientResource[] {
  const request = podRequests(pod);
  const allocatable = nodeAllocatable(node.status?.allocatable);
  const used = nodeUsage(podsOnNode).requested;

  const result: InsufficientResource[] = [];
  const allowedPods = allocatable.pods ?? 0;
  if (podsOnNode.length + 1 > allowedPods) {
    result.push({ resourceName: 'pods', reason: TOO_MANY_PODS, requested: 1, used: podsOnNode.length, capacity: allowedPods });
  }

  const scalarNames = Object.keys(request).filter(isScalarResourceName);
  const requestsNothing = CORE_RESOURCES.every((name) => !request[name]) && scalarNames.length === 0;
  if (requestsNothing) return result;

  // A resource the pod does not request never blocks it, even on an overcommitted node.
  const check = (name: string) => {
    const want = request[name] ?? 0;
    if (want <= 0) return;
    const capacity = allocatable[name] ?? 0;
    const inUse = used[name] ?? 0;
    if (want > capacity - inUse) {
      result.push({ resourceName: name, reason: `Insufficient ${name}`, requested: want, used: inUse, capacity });
    }
  };
  for (const name of CORE_RESOURCES) check(name);
  for (const name of scalarNames) check(name);
  return result;
}
