/**
 * The FailedScheduling event / PodScheduled condition message, formatted as kube-scheduler 1.32's
 * `FitError.Error()` and the DefaultPreemption PostFilter produce it:
 *
 *   0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.
 *   preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption
 *   is not helpful for scheduling..
 *
 * Each reason is counted over nodes, written "<count> <reason>", and the strings are sorted as plain
 * strings (Go's sort.Strings, so "10 x" sorts before "2 y") and joined with ", ". The message ends in
 * two periods whenever preemption speaks: FitError.Error() appends every part as " %v.", and the
 * PostFilter part is itself a FitError message (or "not eligible ...=Never.") that ends in one.
 */

import type { FitResult } from '@/lib/k8s/scheduling/fit';

/** The scheduler's error when the cluster has no nodes at all (`ErrNoNodesAvailable`). */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

type Failure = Extract<FitResult, { fits: false }>;

/** "<count> <reason>" for each distinct reason, sorted byte-wise like Go's sort.Strings. */
function histogram(reasonLists: readonly string[][]): string[] {
  const counts = new Map<string, number>();
  for (const reasons of reasonLists) for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${count} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The "preemption: ..." part, or `undefined` when preemption would succeed (the pod gets nominated). */
function preemptionMessage(failures: readonly Failure[], totalNodes: number): string | undefined {
  const ineligible = failures.find((f) => f.preemption.kind === 'ineligible');
  if (ineligible && ineligible.preemption.kind === 'ineligible') return `preemption: ${ineligible.preemption.message}`;
  if (failures.some((f) => f.preemption.kind === 'candidate')) return undefined;

  const reasonLists = failures.map((f): string[] => {
    switch (f.preemption.kind) {
      case 'no-victims':
        return [NO_VICTIMS];
      case 'still-unschedulable':
        return f.preemption.reasons;
      default:
        return [NOT_HELPFUL];
    }
  });
  return `preemption: 0/${totalNodes} nodes are available: ${histogram(reasonLists).join(', ')}.`;
}

/**
 * The FailedScheduling message for a pod no node accepted. `results` holds one `fitsNode` result per
 * node (results that fit are ignored; call this only when none fits); `totalNodes` is the cluster's
 * node count.
 */
export function schedulingSummary(results: readonly FitResult[], totalNodes: number): string {
  if (totalNodes === 0) return NO_NODES_AVAILABLE;
  const failures = results.filter((r): r is Failure => !r.fits);

  let message = `0/${totalNodes} nodes are available:`;
  const preFilter = failures.find((f) => f.stage === 'PreFilter');
  if (preFilter) {
    // A PreFilter rejection applies to every node alike, so it is stated once instead of counted.
    message += ` ${preFilter.reasons.join(', ')}.`;
  } else {
    const counted = histogram(failures.map((f) => f.reasons));
    if (counted.length > 0) message += ` ${counted.join(', ')}.`;
  }

  const preemption = preemptionMessage(failures, totalNodes);
  return preemption ? `${message} ${preemption}.` : message;
}
