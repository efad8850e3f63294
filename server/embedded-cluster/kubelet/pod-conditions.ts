/**
 * Pod conditions as the kubelet and the scheduler write them: `lastProbeTime: null`, and a
 * `lastTransitionTime` that moves only when the condition's status changes
 * (podutil.UpdatePodCondition).
 */
import { nowTimestamp } from '../names';
import { isPlainObject } from '../types';

/** One pod condition as it is written. */
export interface PodConditionInput {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** The order a 1.32 kubelet lists the conditions in. */
export const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/**
 * A copy of `status` with `condition` set: an existing condition of that type is replaced in place,
 * keeping its lastTransitionTime when the status is unchanged; a new one is appended.
 */
export function setPodCondition(status: Record<string, unknown>, condition: PodConditionInput, now: Date): Record<string, unknown> {
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isPlainObject) : [];
  const index = conditions.findIndex((c) => c.type === condition.type);
  const next = buildCondition(condition, conditions[index], now);
  const list = index === -1 ? [...conditions, next] : conditions.map((c, i) => (i === index ? next : c));
  return { ...status, conditions: list };
}

/** Builds one condition, keeping `previous.lastTransitionTime` when its status did not change. */
export function buildCondition(condition: PodConditionInput, previous: Record<string, unknown> | undefined, now: Date): Record<string, unknown> {
  const unchanged = previous && previous.status === condition.status && typeof previous.lastTransitionTime === 'string';
  return {
    type: condition.type,
    status: condition.status,
    lastProbeTime: null,
    lastTransitionTime: unchanged ? previous.lastTransitionTime : nowTimestamp(now),
    ...(condition.reason ? { reason: condition.reason } : {}),
    ...(condition.message ? { message: condition.message } : {}),
  };
}
