/**
 * What the pods on a node request in total, kept the way the scheduler's NodeInfo keeps it:
 * `Requested` (real requests, for the NodeResourcesFit filter and BalancedAllocation) and
 * `NonZeroRequested` (with the 100m / 200Mi defaults, for LeastAllocated). Computed once per list of
 * pods (the arrays `groupPodsByNode` returns) and remembered, so filtering and scoring 1,000 nodes do
 * not add up 50,000 pods' requests several times over.
 */

import { addInto, podNonZeroRequests, podRequests, type ResourceAmounts } from '@/lib/k8s/scheduling/pod-requests';
import type { Pod } from '@/lib/k8s/types';

/** The sums over a node's pods. Read-only. */
export interface NodeUsage {
  requested: ResourceAmounts;
  nonZeroRequested: ResourceAmounts;
  podCount: number;
}

const remembered = new WeakMap<readonly Pod[], NodeUsage>();

/** The requests of `podsOnNode` added up; pass the same array again to get the remembered sums. */
export function nodeUsage(podsOnNode: readonly Pod[]): NodeUsage {
  const known = remembered.get(podsOnNode);
  if (known) return known;
  const usage: NodeUsage = { requested: {}, nonZeroRequested: {}, podCount: podsOnNode.length };
  for (const pod of podsOnNode) {
    addInto(usage.requested, podRequests(pod));
    addInto(usage.nonZeroRequested, podNonZeroRequests(pod));
  }
  remembered.set(podsOnNode, usage);
  return usage;
}
