/**
 * Taint and toleration matching, as k8s.io/api `Toleration.ToleratesTaint` and component-helpers
 * `FindMatchingUntoleratedTaint` define it.
 */

import type { Taint, Toleration } from '@/lib/k8s/types';

/** Effects that keep a pod off a node at scheduling time; `PreferNoSchedule` only lowers the score. */
const DO_NOT_SCHEDULE_EFFECTS = new Set(['NoSchedule', 'NoExecute']);

/**
 * Whether one toleration tolerates one taint. An empty effect matches every effect, an empty key
 * matches every key (valid only with `Exists`, so `{operator: Exists}` tolerates everything), and an
 * empty operator means `Equal`, which compares values (a missing value is the empty string).
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((toleration) => toleratesTaint(toleration, taint));
}

/**
 * The first `NoSchedule`/`NoExecute` taint, in the node's order, that no toleration tolerates;
 * `undefined` when the pod tolerates them all.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): Taint | undefined {
  return (taints ?? []).find((taint) => DO_NOT_SCHEDULE_EFFECTS.has(taint.effect) && !tolerationsTolerateTaint(tolerations, taint));
}
