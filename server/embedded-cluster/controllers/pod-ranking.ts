import type { KubeObject } from '../types';
import { isPodReady, readyCondition, specOf, statusOf } from './workload-util';

// controller.ActivePods ordering of phases: the less a pod has achieved, the sooner it goes.
const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * The pods a scale-down deletes first (controller.ActivePods Less): unscheduled before scheduled,
 * Pending before Unknown before Running, not ready before ready, ready for less time before longer,
 * more container restarts before fewer, and newer before older.
 */
export function rankPodsForDeletion(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => {
    const assigned = Number(Boolean(specOf(a).nodeName)) - Number(Boolean(specOf(b).nodeName));
    if (assigned !== 0) return assigned;
    const phase = (PHASE_RANK[String(statusOf(a).phase)] ?? 1) - (PHASE_RANK[String(statusOf(b).phase)] ?? 1);
    if (phase !== 0) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready !== 0) return ready;
    if (isPodReady(a)) {
      const readySince = time(readyCondition(b)?.lastTransitionTime) - time(readyCondition(a)?.lastTransitionTime);
      if (readySince !== 0) return readySince;
    }
    const restarts = restartCount(b) - restartCount(a);
    if (restarts !== 0) return restarts;
    return time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
  });
}

function restartCount(pod: KubeObject): number {
  const statuses = statusOf(pod).containerStatuses;
  if (!Array.isArray(statuses)) return 0;
  return statuses.reduce<number>((max, s) => Math.max(max, typeof s?.restartCount === 'number' ? s.restartCount : 0), 0);
}

function time(value: unknown): number {
  const parsed = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}
