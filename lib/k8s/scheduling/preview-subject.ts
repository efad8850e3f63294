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

/** The pod and the pods by node to preview it against. Nothing passed in is modified. */
export function previewSubject(pod: Pod, podsByNode: PodsByNode): { pod: Pod; podsByNode: PodsByNode } {
  const boundTo = pod.spec?.nodeName;
  if (!boundTo) return { pod, podsByNode };
  const { nodeName: _bound, ...spec } = pod.spec ?? {};
  const uid = pod.metadata?.uid;
  const others = (podsByNode.get(boundTo) ?? []).filter((p) => p !== pod && (uid === undefined || p.metadata?.uid !== uid));
  const without = new Map(podsByNode);
  without.set(boundTo, others);
  return { pod: { ...pod, spec }, podsByNode: without };
}

/** The most recent FailedScheduling event among `events` (the scheduler's own account of its last try). */
export function latestFailedScheduling(events: readonly CoreEvent[]): CoreEvent | undefined {
  const time = (e: CoreEvent) => (parseTimestamp(e.series?.lastObservedTime) ?? parseTimestamp(e.lastTimestamp) ?? parseTimestamp(e.eventTime))?.getTime() ?? 0;
  let latest: CoreEvent | undefined;
  for (const event of events) if (event.reason === 'FailedScheduling' && (!latest || time(event) >= time(latest))) latest = event;
  return latest;
}

/**
 * Pods the preview offers to pick, pending ones first (the ones a person asks "why?" about), then by
 * namespace and name.
 */
export function previewCandidates(pods: readonly Pod[]): Pod[] {
  const key = (p: Pod) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
  return [...pods].sort((a, b) => Number(isUnscheduled(b)) - Number(isUnscheduled(a)) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
