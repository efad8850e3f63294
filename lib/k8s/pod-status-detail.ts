/**
 * Why a pod is not running, in a line a list can show under its STATUS: the scheduler's reason for a pod it
 * could not place, or the kubelet's for a container that waits. kubectl shows these only in `describe`
 * (Conditions and the container's State), far below the list.
 */

import { isUnscheduled } from '@/lib/k8s/scheduling/preview-subject';
import type { ContainerStatus, Pod } from '@/lib/k8s/types';

/** The reason and message of one condition or container state. */
export interface PodStatusDetail {
  /** What set it: the scheduler (PodScheduled=False) or a container's waiting state. */
  source: 'scheduling' | 'container';
  /** A CamelCase reason, e.g. `Unschedulable`, `ImagePullBackOff`. */
  reason: string;
  /** The human text, e.g. `0/3 nodes are available: 3 Insufficient cpu.`; may be empty. */
  message: string;
  /** The container the state belongs to (for `source: 'container'`). */
  container?: string;
}

/**
 * Waiting reasons that say nothing beyond "starting": kubelet reports them on every healthy start
 * (kuberuntime's ContainerCreating, PodInitializing), so showing them would only repeat STATUS.
 */
const ROUTINE_WAITING = new Set(['ContainerCreating', 'PodInitializing']);

function waitingDetail(statuses: readonly ContainerStatus[] | undefined): PodStatusDetail | undefined {
  for (const status of statuses ?? []) {
    const waiting = status.state?.waiting;
    if (waiting?.reason && !ROUTINE_WAITING.has(waiting.reason)) {
      return { source: 'container', reason: waiting.reason, message: waiting.message ?? '', container: status.name };
    }
  }
  return undefined;
}

/**
 * The detail for a pod's row, or `undefined` when STATUS says all there is. Rules, in order:
 * 1. a pod not yet bound whose `PodScheduled` condition is `False`: that condition's reason and message, as
 *    the scheduler wrote them (`Unschedulable`, `0/3 nodes are available: ...`; `SchedulingGated`);
 * 2. an init container that waits for a reason other than a routine start (init containers run first, so
 *    one stuck there is why the app containers have not started);
 * 3. an app container that waits likewise (`ErrImagePull`, `ImagePullBackOff`, `CrashLoopBackOff`,
 *    `CreateContainerConfigError`, ...), with the kubelet's message.
 */
export function podStatusDetail(pod: Pod): PodStatusDetail | undefined {
  if (isUnscheduled(pod)) {
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason) {
      return { source: 'scheduling', reason: scheduled.reason, message: scheduled.message ?? '' };
    }
  }
  if (pod.metadata?.deletionTimestamp) return undefined;
  return waitingDetail(pod.status?.initContainerStatuses) ?? waitingDetail(pod.status?.containerStatuses);
}

/**
 * The detail as one line: `Unschedulable: 0/3 nodes are available: ...` (STATUS says only Pending), or
 * `container "app": Back-off pulling image "x"` (STATUS already names the waiting reason).
 */
export function podStatusDetailText(detail: PodStatusDetail): string {
  if (detail.source === 'scheduling') return detail.message ? `${detail.reason}: ${detail.message}` : detail.reason;
  return `container "${detail.container}": ${detail.message || detail.reason}`;
}
