/**
 * The pod a preview is about, and the cluster around it. A pod that is already bound is previewed as if it
 * were pending again: without its `spec.nodeName` (the binding, not a wish), and without itself among the
 * pods of its node (it would otherwise compete with its own requests and host ports).
 */

import type { PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';
import { parseTimestamp } from '@/lib/k8s/duration';
import type { Pod } from '@/lib/k8s/types';

/** Whether the scheduler still has to place this pod: not bound, not finished, not being deleted. */
export function isUnscheduled(pod: Pod): boolean {
  return !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

// The same copy for the same pod, so what is remembered per pod (each node's fit and scores) is found again
// when only the cluster around it changed.
const unbound = new WeakMap<Pod, Pod>();
function unboundCopy(pod: Pod): Pod {
  let copy = unbound.get(pod);
  if (!copy) {
    const { nodeName: _bound, ...spec } = pod.spec ?? {};
    unbound.set(pod, (copy = { ...pod, spec }));
  }
  return copy;
}

/** The pod and the pods by node to preview it against. Nothing passed in is modified. */
export function previewSubject(pod: Pod, podsByNode: PodsByNode): { pod: Pod; podsByNode: PodsByNode } {
  const boundTo = pod.spec?.nodeName;
  if (!boundTo) return { pod, podsByNode };
  const uid = pod.metadata?.uid;
  const others = (podsByNode.get(boundTo) ?? []).filter((p) => p !== pod && (uid === undefined || p.metadata?.uid !== uid));
  const without = new Map(podsByNode);
  without.set(boundTo, others);
  return { pod: unboundCopy(pod), podsByNode: without };
}

/** The most recent FailedScheduling event among `events` (the scheduler's own account of its last try). */
export function latestFailedScheduling(events: readonly CoreEvent[]): CoreEvent | undefined {
  const time = (e: CoreEvent) => (parseTimestamp(e.series?.lastObservedTime) ?? parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime))?.getTime() ?? 0;
  let latest: CoreEvent | undefined;
  for (const event of events) if (event.reason === 'FailedScheduling' && (!latest || time(event) >= time(latest))) latest = event;
  return latest;
}

const podKey = (p: Pod) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
const byKey = (a: Pod, b: Pod) => {
  const [x, y] = [podKey(a), podKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Pods the preview offers to pick: the unscheduled ones first (the ones a person asks "why?" about), then
 * the others, each group by namespace and name; only those whose `namespace/name` contains `filter`
 * (ignoring case), and at most `limit` of them, since a cluster's 50,000 pods would make 50,000 options.
 * Past the limit the others offered are the first in list order (an API list comes in namespace/name
 * order), so a change does not sort every pod of the cluster. `matched` counts every pod that matched.
 */
export function previewCandidates(pods: readonly Pod[], options: { filter?: string; limit?: number } = {}): { pods: Pod[]; matched: number } {
  const filter = options.filter?.trim().toLowerCase() ?? '';
  const limit = options.limit ?? Infinity;
  const pending: Pod[] = [];
  const others: Pod[] = [];
  let matched = 0;
  for (const pod of pods) {
    if (filter && !podKey(pod).toLowerCase().includes(filter)) continue;
    matched++;
    if (isUnscheduled(pod)) pending.push(pod);
    else if (others.length < limit) others.push(pod);
  }
  pending.sort(byKey);
  const shown = pending.slice(0, limit);
  return { pods: [...shown, ...others.slice(0, limit - shown.length).sort(byKey)], matched };
}
