/**
 * Deployment status (calculateStatus and syncRolloutStatus in pkg/controller/deployment): replica
 * counts summed over the ReplicaSets, and the Available and Progressing conditions with the reasons
 * and messages `kubectl describe deployment` and `kubectl rollout status` show.
 */
import { findKind, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import type { ControllerContext } from './context';
import { availableOf, replicasOf, sumOf, surgeAndUnavailable } from './deployment-rollout';
import { numberAt, statusOf } from './workload-util';

const DEPLOYMENTS = findKind('apps', 'v1', 'deployments') as KindSpec;

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/** Writes the Deployment's status when it changed. */
export function syncDeploymentStatus(
  ctx: ControllerContext,
  options: { deployment: KubeObject; newRs: KubeObject | undefined; all: KubeObject[]; createdNewRs?: boolean },
): void {
  const { newRs, all, createdNewRs } = options;
  const namespace = options.deployment.metadata.namespace ?? '';
  const name = options.deployment.metadata.name ?? '';
  const deployment = ctx.registry.store.get('deployments.apps', namespace, name);
  if (!deployment) return;
  const previous = statusOf(deployment);
  const replicas = replicasOf(deployment);
  const available = all.reduce((sum, rs) => sum + Math.min(numberAt(statusOf(rs), 'availableReplicas'), numberAt(statusOf(rs), 'replicas')), 0);
  const counts = {
    observedGeneration: deployment.metadata.generation ?? 1,
    replicas: sumOf(all, 'replicas', 'status'),
    updatedReplicas: newRs ? numberAt(statusOf(newRs), 'replicas') : 0,
    readyReplicas: sumOf(all, 'readyReplicas', 'status'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumOf(all, 'replicas', 'spec') - all.reduce((sum, rs) => sum + availableOf(rs), 0)),
  };
  const status: Record<string, unknown> = { ...counts };
  // Zero counts are omitted on the wire (omitempty), as kubectl get -o yaml shows.
  for (const [field, value] of Object.entries(counts)) if (value === 0 && field !== 'observedGeneration') delete status[field];
  if (previous.collisionCount !== undefined) status.collisionCount = previous.collisionCount;

  const now = nowTimestamp(ctx.clock.now());
  let conditions = Array.isArray(previous.conditions) ? (previous.conditions as Condition[]) : [];
  const minAvailable = replicas - surgeAndUnavailable(deployment).maxUnavailable;
  conditions = setCondition(
    conditions,
    available >= minAvailable
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    now,
  );
  const progressing = progressingCondition({ deployment, newRs, counts, previous, createdNewRs });
  if (progressing) conditions = setCondition(conditions, progressing, now);
  if (conditions.length > 0) status.conditions = conditions;
  if (jsonEqual(status, previous)) return;
  ctx.registry.update({ kind: DEPLOYMENTS, namespace, name, body: { ...deployment, status }, target: 'status' });
}

/**
 * The Progressing condition: NewReplicaSetCreated when this sync made the ReplicaSet,
 * NewReplicaSetAvailable once the rollout completed, ReplicaSetUpdated while counts move, and
 * FoundNewReplicaSet for a Deployment seen for the first time mid-way.
 */
function progressingCondition(options: {
  deployment: KubeObject;
  newRs: KubeObject | undefined;
  counts: Record<string, number>;
  previous: Record<string, unknown>;
  createdNewRs?: boolean;
}): Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'> | undefined {
  const { deployment, newRs, counts, previous, createdNewRs } = options;
  if (!newRs) return undefined;
  const rsName = newRs.metadata.name ?? '';
  const replicas = replicasOf(deployment);
  if (createdNewRs) return { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` };
  const complete =
    counts.updatedReplicas === replicas && counts.replicas === replicas && counts.availableReplicas === replicas;
  if (complete) return { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` };
  const moved = ['updatedReplicas', 'readyReplicas', 'availableReplicas', 'replicas'].some(
    (field) => (counts[field] ?? 0) !== numberAt(previous, field),
  );
  const hasCondition = Array.isArray(previous.conditions) && previous.conditions.some((c) => isPlainObject(c) && c.type === 'Progressing');
  if (moved || !hasCondition) {
    return hasCondition
      ? { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }
      : { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${rsName}"` };
  }
  return undefined;
}

/**
 * SetDeploymentCondition: an unchanged status and reason keeps the condition as it is; a changed
 * reason with the same status keeps lastTransitionTime; Available stays before Progressing.
 */
function setCondition(conditions: Condition[], next: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>, now: string): Condition[] {
  const current = conditions.find((c) => c.type === next.type);
  if (current && current.status === next.status && current.reason === next.reason && current.message === next.message) return conditions;
  const lastTransitionTime = current && current.status === next.status ? current.lastTransitionTime : now;
  const updated: Condition = { type: next.type, status: next.status, lastUpdateTime: now, lastTransitionTime, reason: next.reason, message: next.message };
  const rest = conditions.filter((c) => c.type !== next.type);
  return [...rest, updated].sort((a, b) => order(a.type) - order(b.type));
}

function order(type: string): number {
  return type === 'Available' ? 0 : type === 'Progressing' ? 1 : 2;
}
