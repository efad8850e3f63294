/**
 * The arithmetic of a Deployment rollout (pkg/controller/deployment/util and rolling.go): max surge
 * and unavailability from int-or-percent values, revisions, and which ReplicaSet is the new one.
 */
import { deepCopy, isPlainObject, jsonEqual, type KubeObject } from '../types';
import { numberAt, specOf, statusOf } from './workload-util';

/** The label and annotations the Deployment controller maintains. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** spec.replicas of a workload (defaulted to 1 by the API). */
export function replicasOf(obj: KubeObject): number {
  return numberAt(specOf(obj), 'replicas', 1);
}

/** The revision annotation as a number (0 when missing). */
export function revisionOf(obj: KubeObject): number {
  const value = Number(obj.metadata.annotations?.[REVISION] ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/**
 * ResolveFenceposts: maxSurge rounds up and maxUnavailable rounds down from percentages; both zero is
 * not allowed, so maxUnavailable becomes 1 then. Recreate has neither.
 */
export function surgeAndUnavailable(deployment: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const strategy = isPlainObject(specOf(deployment).strategy) ? (specOf(deployment).strategy as Record<string, unknown>) : {};
  if (strategy.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const rolling = isPlainObject(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const replicas = replicasOf(deployment);
  const maxSurge = scaledValue(rolling.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledValue(rolling.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

// intstr.GetScaledValueFromIntOrPercent.
function scaledValue(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(String(value));
  if (!match) return 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The template without the pod-template-hash label, for EqualIgnoreHash. */
function templateIgnoringHash(template: unknown): unknown {
  const copy = deepCopy(isPlainObject(template) ? template : {});
  const meta = isPlainObject(copy.metadata) ? copy.metadata : {};
  if (isPlainObject(meta.labels)) {
    delete meta.labels[POD_TEMPLATE_HASH];
    if (Object.keys(meta.labels).length === 0) delete meta.labels;
  }
  // A zero metav1.Time either way: `kubectl rollout undo` sends the old ReplicaSet's template back with
  // `creationTimestamp: null`, and that must find the old ReplicaSet, not make a new one.
  if (meta.creationTimestamp === null) delete meta.creationTimestamp;
  copy.metadata = meta;
  return copy;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's, ignoring the hash. */
export function findNewReplicaSet(deployment: KubeObject, replicaSets: KubeObject[]): KubeObject | undefined {
  const wanted = templateIgnoringHash(specOf(deployment).template);
  return byCreation(replicaSets).find((rs) => jsonEqual(templateIgnoringHash(specOf(rs).template), wanted));
}

/** Oldest first, by creationTimestamp then name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(replicaSets: KubeObject[]): KubeObject[] {
  return [...replicaSets].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
}

/** Sum of a numeric field over ReplicaSets, from spec or status. */
export function sumOf(replicaSets: KubeObject[], field: string, from: 'spec' | 'status'): number {
  return replicaSets.reduce((sum, rs) => sum + numberAt(from === 'spec' ? specOf(rs) : statusOf(rs), field), 0);
}

/**
 * NewRSNewReplicas for RollingUpdate: scale the new ReplicaSet up as far as maxSurge allows, never
 * past the desired count. Recreate scales it straight to the desired count (once the old are gone).
 */
export function newReplicaSetReplicas(deployment: KubeObject, all: KubeObject[], newRs: KubeObject | undefined): number {
  const replicas = replicasOf(deployment);
  const current = newRs ? numberAt(specOf(newRs), 'replicas') : 0;
  const { maxSurge } = surgeAndUnavailable(deployment);
  if (isRecreate(deployment)) return replicas;
  const maxTotal = replicas + maxSurge;
  const total = sumOf(all, 'replicas', 'spec');
  if (total >= maxTotal) return current;
  return current + Math.max(0, Math.min(maxTotal - total, replicas - current));
}

/** True for `strategy.type: Recreate`. */
export function isRecreate(deployment: KubeObject): boolean {
  const strategy = specOf(deployment).strategy;
  return isPlainObject(strategy) && strategy.type === 'Recreate';
}

/**
 * How far each old ReplicaSet scales down in this step of a rolling update (reconcileOldReplicaSets):
 * first unhealthy replicas (never available), then available ones, keeping at least
 * `replicas - maxUnavailable` available across all ReplicaSets. Returns new sizes by name.
 */
export function oldReplicaSetTargets(options: { deployment: KubeObject; newRs: KubeObject; old: KubeObject[] }): Map<string, number> {
  const { deployment, newRs, old } = options;
  const targets = new Map<string, number>();
  const all = [newRs, ...old];
  const minAvailable = replicasOf(deployment) - surgeAndUnavailable(deployment).maxUnavailable;
  const newUnavailable = numberAt(specOf(newRs), 'replicas') - availableOf(newRs);
  let budget = sumOf(all, 'replicas', 'spec') - minAvailable - newUnavailable;
  const sizes = new Map(old.map((rs) => [rs.metadata.name ?? '', numberAt(specOf(rs), 'replicas')]));
  for (const rs of byCreation(old)) {
    if (budget <= 0) break;
    const name = rs.metadata.name ?? '';
    const size = sizes.get(name) ?? 0;
    const unhealthy = Math.max(0, size - availableOf(rs));
    const cut = Math.min(budget, unhealthy);
    if (cut > 0) {
      sizes.set(name, size - cut);
      targets.set(name, size - cut);
      budget -= cut;
    }
  }
  let removable = all.reduce((sum, rs) => sum + availableOf(rs), 0) - minAvailable;
  for (const rs of byCreation(old)) {
    if (removable <= 0) break;
    const name = rs.metadata.name ?? '';
    const size = sizes.get(name) ?? 0;
    const cut = Math.min(size, removable);
    if (cut > 0) {
      targets.set(name, size - cut);
      removable -= cut;
    }
  }
  return targets;
}

/**
 * Available replicas as counted for scaling: never more than spec.replicas, because right after a
 * scale-down the ReplicaSet's status still counts the pods it is about to delete, and counting them
 * would let one sync scale down twice.
 */
export function availableOf(rs: KubeObject): number {
  return Math.min(numberAt(statusOf(rs), 'availableReplicas'), numberAt(specOf(rs), 'replicas'));
}
