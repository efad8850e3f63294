/**
 * The Deployment controller (pkg/controller/deployment): owns ReplicaSets named
 * `<deployment>-<pod-template-hash>`, makes a new one when the template changes and moves replicas to
 * it (RollingUpdate within maxSurge/maxUnavailable, or Recreate), keeps the revision annotations, and
 * reports status with the Available and Progressing conditions.
 */
import { ApiError } from '../status';
import { findKind, type KindSpec } from '../kinds';
import { deleteObject } from '../deletion';
import { deepCopy, isPlainObject, type KubeObject } from '../types';
import type { ControllerContext, RunningController } from './context';
import { keyOf, splitKey, startControllerLoop } from './controller-loop';
import {
  byCreation,
  DESIRED_REPLICAS,
  findNewReplicaSet,
  isRecreate,
  MAX_REPLICAS,
  newReplicaSetReplicas,
  oldReplicaSetTargets,
  POD_TEMPLATE_HASH,
  replicasOf,
  REVISION,
  revisionOf,
  surgeAndUnavailable,
} from './deployment-rollout';
import { syncDeploymentStatus } from './deployment-status';
import { controllerRefOf, newControllerRef, numberAt, podTemplateHash, specOf, statusOf, workloadSelector } from './workload-util';

const DEPLOYMENTS = findKind('apps', 'v1', 'deployments') as KindSpec;
const REPLICASETS = findKind('apps', 'v1', 'replicasets') as KindSpec;
const SOURCE = { component: 'deployment-controller' };

/** Starts the Deployment controller. */
export function startDeploymentController(ctx: ControllerContext): RunningController {
  const deployments = ctx.informers.for('deployments.apps');
  const replicaSets = ctx.informers.for('replicasets.apps');
  const loop = startControllerLoop({ name: 'deployment-controller', sync: (key) => sync(ctx, key) });
  const stopDeployments = deployments.onChange((event) => loop.enqueue(keyOf(event.object)));
  const stopReplicaSets = replicaSets.onChange((event) => {
    const rs = event.object;
    const namespace = rs.metadata.namespace ?? '';
    const ref = controllerRefOf(rs);
    if (ref) {
      if (ref.kind === 'Deployment') loop.enqueue(`${namespace}/${ref.name}`);
      return;
    }
    for (const d of deployments.list(namespace)) if (workloadSelector(d)(rs.metadata.labels)) loop.enqueue(keyOf(d));
  });
  for (const d of deployments.list()) loop.enqueue(keyOf(d));
  return {
    stop() {
      stopDeployments();
      stopReplicaSets();
      loop.stop();
    },
  };
}

function sync(ctx: ControllerContext, key: string): void {
  const { namespace, name } = splitKey(key);
  const deployment = ctx.informers.for('deployments.apps').get(namespace, name);
  if (!deployment) return;
  const owned = claimReplicaSets(ctx, deployment);
  if (deployment.metadata.deletionTimestamp || specOf(deployment).paused === true) {
    syncDeploymentStatus(ctx, { deployment, newRs: findNewReplicaSet(deployment, owned), all: owned });
    return;
  }
  const { newRs, created } = ensureNewReplicaSet(ctx, deployment, owned);
  const old = owned.filter((rs) => rs.metadata.uid !== newRs.metadata.uid);
  if (isRecreate(deployment)) recreate(ctx, deployment, newRs, old);
  else rollingUpdate(ctx, deployment, newRs, old);
  if (old.every((rs) => numberAt(specOf(rs), 'replicas') === 0)) cleanupHistory(ctx, deployment, old);
  const fresh = (rs: KubeObject) => ctx.informers.for('replicasets.apps').get(namespace, rs.metadata.name ?? '') ?? rs;
  syncDeploymentStatus(ctx, { deployment, newRs: fresh(newRs), all: [newRs, ...old].map(fresh), createdNewRs: created });
}

/** ClaimReplicaSets: owned ones that still match, plus adopted matching orphans; releases the rest. */
function claimReplicaSets(ctx: ControllerContext, deployment: KubeObject): KubeObject[] {
  const matches = workloadSelector(deployment);
  const uid = deployment.metadata.uid;
  const claimed: KubeObject[] = [];
  for (const rs of ctx.informers.for('replicasets.apps').list(deployment.metadata.namespace ?? '')) {
    const ref = controllerRefOf(rs);
    if (ref && ref.uid !== uid) continue;
    const selected = matches(rs.metadata.labels);
    let owners = rs.metadata.ownerReferences ?? [];
    if (ref && selected) {
      claimed.push(rs);
      continue;
    }
    if (ref) owners = owners.filter((r) => r.uid !== uid);
    else if (selected && !deployment.metadata.deletionTimestamp && !rs.metadata.deletionTimestamp) owners = [...owners, newControllerRef(deployment)];
    else continue;
    const next = deepCopy(rs);
    next.metadata.ownerReferences = owners;
    const updated = writeReplicaSet(ctx, next);
    if (!ref) claimed.push(updated);
  }
  return claimed;
}

/**
 * getNewReplicaSet: the ReplicaSet running the current template, created when missing as
 * `<name>-<hash>` with the hash in its labels and selector and the next revision. A name taken by a
 * ReplicaSet with another template is a hash collision: status.collisionCount goes up and the next
 * sync tries the next name.
 */
function ensureNewReplicaSet(ctx: ControllerContext, deployment: KubeObject, owned: KubeObject[]): { newRs: KubeObject; created: boolean } {
  const maxOldRevision = Math.max(0, ...owned.map(revisionOf));
  const existing = findNewReplicaSet(deployment, owned);
  const replicas = replicasOf(deployment);
  const { maxSurge } = surgeAndUnavailable(deployment);
  if (existing) {
    const wantRevision = revisionOf(existing) >= maxOldRevision ? revisionOf(existing) : maxOldRevision + 1;
    const annotations = { ...existing.metadata.annotations, [REVISION]: String(wantRevision || 1) };
    const next: KubeObject = { ...existing, metadata: { ...existing.metadata, annotations } };
    const minReady = specOf(deployment).minReadySeconds;
    if (minReady !== undefined) next.spec = { ...specOf(existing), minReadySeconds: minReady };
    const unchanged = existing.metadata.annotations?.[REVISION] === annotations[REVISION] && (minReady === undefined || specOf(existing).minReadySeconds === minReady);
    const updated = unchanged ? existing : writeReplicaSet(ctx, next);
    setDeploymentRevision(ctx, deployment, annotations[REVISION]);
    return { newRs: updated, created: false };
  }
  const collisionCount = numberAt(statusOf(deployment), 'collisionCount');
  const template = deepCopy(isPlainObject(specOf(deployment).template) ? specOf(deployment).template : {}) as { metadata?: KubeObject['metadata'] };
  const hash = podTemplateHash(template, collisionCount);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = deepCopy((specOf(deployment).selector ?? {}) as { matchLabels?: Record<string, string> });
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const revision = String(maxOldRevision + 1);
  const namespace = deployment.metadata.namespace ?? '';
  const name = `${deployment.metadata.name ?? ''}-${hash}`;
  const size = newReplicaSetReplicas(deployment, owned, undefined);
  const initial = isRecreate(deployment) && owned.some((rs) => numberAt(statusOf(rs), 'replicas') > 0) ? 0 : size;
  let created: KubeObject;
  try {
    created = ctx.registry.create(REPLICASETS, namespace, {
      metadata: {
        name,
        labels: { ...template.metadata.labels },
        annotations: { [DESIRED_REPLICAS]: String(replicas), [MAX_REPLICAS]: String(replicas + maxSurge), [REVISION]: revision },
        ownerReferences: [newControllerRef(deployment)],
      },
      spec: { replicas: initial, minReadySeconds: specOf(deployment).minReadySeconds ?? 0, selector, template },
    });
  } catch (err) {
    if (err instanceof ApiError && err.code === 409 && err.reason === 'AlreadyExists') {
      bumpCollisionCount(ctx, deployment, collisionCount + 1);
    }
    throw err;
  }
  if (initial > 0) {
    ctx.recorder.recordEvent({ involved: deployment, reason: 'ScalingReplicaSet', message: `Scaled up replica set ${name} to ${initial}`, source: SOURCE });
  }
  setDeploymentRevision(ctx, deployment, revision);
  return { newRs: created, created: true };
}

function rollingUpdate(ctx: ControllerContext, deployment: KubeObject, newRs: KubeObject, old: KubeObject[]): void {
  const replicas = replicasOf(deployment);
  const current = numberAt(specOf(newRs), 'replicas');
  const target = current > replicas ? replicas : newReplicaSetReplicas(deployment, [newRs, ...old], newRs);
  const scaledNew = scaleReplicaSet(ctx, { deployment, rs: newRs, replicas: target });
  for (const [name, size] of oldReplicaSetTargets({ deployment, newRs: scaledNew, old })) {
    const rs = old.find((r) => r.metadata.name === name);
    if (rs) scaleReplicaSet(ctx, { deployment, rs, replicas: size });
  }
}

function recreate(ctx: ControllerContext, deployment: KubeObject, newRs: KubeObject, old: KubeObject[]): void {
  for (const rs of old) scaleReplicaSet(ctx, { deployment, rs, replicas: 0 });
  // Recreate waits until no old pod is left before the new ones start.
  const oldPodsLeft = old.some((rs) => numberAt(statusOf(ctx.informers.for('replicasets.apps').get(rs.metadata.namespace ?? '', rs.metadata.name ?? '') ?? rs), 'replicas') > 0);
  if (!oldPodsLeft) scaleReplicaSet(ctx, { deployment, rs: newRs, replicas: replicasOf(deployment) });
}

/** scaleReplicaSetAndRecordEvent: spec.replicas and the desired/max annotations, then the event. */
function scaleReplicaSet(ctx: ControllerContext, options: { deployment: KubeObject; rs: KubeObject; replicas: number }): KubeObject {
  const { deployment, rs, replicas } = options;
  const from = numberAt(specOf(rs), 'replicas');
  const desired = String(replicasOf(deployment));
  const max = String(replicasOf(deployment) + surgeAndUnavailable(deployment).maxSurge);
  const annotations = rs.metadata.annotations ?? {};
  if (from === replicas && annotations[DESIRED_REPLICAS] === desired && annotations[MAX_REPLICAS] === max) return rs;
  const next = deepCopy(rs);
  next.metadata.annotations = { ...annotations, [DESIRED_REPLICAS]: desired, [MAX_REPLICAS]: max };
  next.spec = { ...specOf(rs), replicas };
  const updated = writeReplicaSet(ctx, next);
  if (from !== replicas) {
    const direction = replicas > from ? 'up' : 'down';
    const message = `Scaled ${direction} replica set ${rs.metadata.name ?? ''} to ${replicas} from ${from}`;
    ctx.recorder.recordEvent({ involved: deployment, reason: 'ScalingReplicaSet', message, source: SOURCE });
  }
  return updated;
}

/** cleanupDeployment: old, empty ReplicaSets beyond spec.revisionHistoryLimit go, oldest first. */
function cleanupHistory(ctx: ControllerContext, deployment: KubeObject, old: KubeObject[]): void {
  const limit = numberAt(specOf(deployment), 'revisionHistoryLimit', 10);
  const removable = byCreation(old).filter(
    (rs) => !rs.metadata.deletionTimestamp && numberAt(specOf(rs), 'replicas') === 0 && numberAt(statusOf(rs), 'replicas') === 0,
  );
  const excess = old.length - limit;
  for (const rs of removable.sort((a, b) => revisionOf(a) - revisionOf(b)).slice(0, Math.max(0, excess))) {
    deleteObject(ctx.registry, { kind: REPLICASETS, namespace: rs.metadata.namespace ?? '', name: rs.metadata.name ?? '' });
  }
}

function setDeploymentRevision(ctx: ControllerContext, deployment: KubeObject, revision: string): void {
  const cached = ctx.informers.for('deployments.apps').get(deployment.metadata.namespace ?? '', deployment.metadata.name ?? '');
  if (!cached || cached.metadata.annotations?.[REVISION] === revision) return;
  const current = deepCopy(cached);
  current.metadata.annotations = { ...current.metadata.annotations, [REVISION]: revision };
  ctx.registry.update({ kind: DEPLOYMENTS, namespace: current.metadata.namespace ?? '', name: current.metadata.name ?? '', body: current });
}

function bumpCollisionCount(ctx: ControllerContext, deployment: KubeObject, collisionCount: number): void {
  const current = ctx.registry.get(DEPLOYMENTS, deployment.metadata.namespace ?? '', deployment.metadata.name ?? '');
  const status = { ...statusOf(current), collisionCount };
  ctx.registry.update({ kind: DEPLOYMENTS, namespace: current.metadata.namespace ?? '', name: current.metadata.name ?? '', body: { ...current, status }, target: 'status' });
}

function writeReplicaSet(ctx: ControllerContext, rs: KubeObject): KubeObject {
  return ctx.registry.update({ kind: REPLICASETS, namespace: rs.metadata.namespace ?? '', name: rs.metadata.name ?? '', body: rs });
}
