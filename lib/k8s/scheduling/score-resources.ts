/**
 * The resource score plugins of kube-scheduler 1.32's default profile, both over cpu and memory with
 * weight 1 each (the default `scoringStrategy.resources` and BalancedAllocation `resources`):
 *
 * - NodeResourcesFit, LeastAllocated: per resource `(allocatable - requested) * 100 / allocatable`
 *   (0 once requested exceeds allocatable), averaged by weight, in Go's integer arithmetic. `requested`
 *   is the node's NonZeroRequested plus the pod's non-zero request (100m / 200Mi per container that
 *   names none), so request-less pods still spread.
 * - NodeResourcesBalancedAllocation: `(1 - std) * 100` over the fractions `requested / allocatable`
 *   (each capped at 1) of the real requests, the pod's included: nodes whose cpu and memory fill
 *   evenly score higher. In 1.32 it scores best-effort pods too (1.33 skips them).
 *
 * Neither normalizes; resources a node has no allocatable of are left out.
 */

import { nodeUsage } from '@/lib/k8s/scheduling/node-usage';
import { nodeAllocatable, podNonZeroRequests, podRequests } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, Pod } from '@/lib/k8s/types';

/** The highest score a plugin gives a node (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

const SCORED_RESOURCES = ['cpu', 'memory'] as const;

/** What one resource looks like on a node once the pod is placed there. */
interface ResourceUse {
  requested: number;
  allocatable: number;
}

function resourceUse(options: { pod: Pod; node: Node; podsOnNode: readonly Pod[]; nonZero: boolean }): ResourceUse[] {
  const { pod, node, podsOnNode, nonZero } = options;
  const allocatable = nodeAllocatable(node.status?.allocatable);
  const usage = nodeUsage(podsOnNode);
  const onNode = nonZero ? usage.nonZeroRequested : usage.requested;
  const wanted = nonZero ? podNonZeroRequests(pod) : podRequests(pod);
  return SCORED_RESOURCES.map((name) => ({ requested: (onNode[name] ?? 0) + (wanted[name] ?? 0), allocatable: allocatable[name] ?? 0 })).filter(
    (use) => use.allocatable > 0,
  );
}

/** NodeResourcesFit's LeastAllocated score of a node for the pod, 0-100. */
export function leastAllocatedScore(pod: Pod, node: Node, podsOnNode: readonly Pod[]): number {
  const uses = resourceUse({ pod, node, podsOnNode, nonZero: true });
  if (uses.length === 0) return 0;
  let sum = 0;
  for (const { requested, allocatable } of uses) {
    sum += requested > allocatable ? 0 : Math.trunc(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
  }
  // Every weight is 1, so the weighted mean is the integer mean.
  return Math.trunc(sum / uses.length);
}

/** NodeResourcesBalancedAllocation's score of a node for the pod, 0-100. */
export function balancedAllocationScore(pod: Pod, node: Node, podsOnNode: readonly Pod[]): number {
  const fractions = resourceUse({ pod, node, podsOnNode, nonZero: false }).map(({ requested, allocatable }) => Math.min(1, requested / allocatable));
  // With two resources the standard deviation is half their difference; with one it is 0.
  const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
