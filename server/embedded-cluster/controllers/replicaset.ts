/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods that match
 * the selector, adopting matching orphans and releasing owned pods that stopped matching, and reports
 * replicas / fullyLabeledReplicas / readyReplicas / availableReplicas / observedGeneration.
 */
import { deleteObject } from '../deletion';
import { findKind, type KindSpec } from '../kinds';
import { deepCopy, jsonEqual, type KubeObject } from '../types';
import type { ControllerContext, RunningController } from './context';
import { keyOf, splitKey, startControllerLoop } from './controller-loop';
import { rankPodsForDeletion } from './pod-ranking';
import {
  controllerRefOf,
  isPodActive,
  isPodReady,
  newControllerRef,
  numberAt,
  podAvailability,
  specOf,
  statusOf,
  workloadSelector,
} from './workload-util';

const REPLICASETS = findKind('apps', 'v1', 'replicasets') as KindSpec;
const PODS = findKind('', 'v1', 'pods') as KindSpec;
const SOURCE = { component: 'replicaset-controller' };
// replicaset.BurstReplicas: the most pods one sync creates or deletes.
const BURST_REPLICAS = 500;

/** Starts the ReplicaSet controller. */
export function startReplicaSetController(ctx: ControllerContext): RunningController {
  const replicaSets = ctx.informers.for('replicasets.apps');
  const pods = ctx.informers.for('pods');
  const loop = startControllerLoop({ name: 'replicaset-controller', sync: (key) => sync(ctx, key, loop.enqueueAfter) });

  const stopRs = replicaSets.onChange((event) => loop.enqueue(keyOf(event.object)));
  // A pod change wakes its controller, or, for an orphan, every ReplicaSet that could adopt it.
  const stopPods = pods.onChange((event) => {
    for (const pod of [event.object, event.previous]) {
      if (!pod) continue;
      const ref = controllerRefOf(pod);
      const namespace = pod.metadata.namespace ?? '';
      if (ref) {
        if (ref.kind === 'ReplicaSet') loop.enqueue(`${namespace}/${ref.name}`);
        continue;
      }
      for (const rs of replicaSets.list(namespace)) {
        if (workloadSelector(rs)(pod.metadata.labels)) loop.enqueue(keyOf(rs));
      }
    }
  });
  for (const rs of replicaSets.list()) loop.enqueue(keyOf(rs));
  return {
    stop() {
      stopRs();
      stopPods();
      loop.stop();
    },
  };
}

function sync(ctx: ControllerContext, key: string, requeueAfter: (key: string, ms: number) => void): void {
  const { namespace, name } = splitKey(key);
  const rs = ctx.informers.for('replicasets.apps').get(namespace, name);
  if (!rs) return;
  const owned = claimPods(ctx, rs);
  const active = owned.filter(isPodActive);
  if (!rs.metadata.deletionTimestamp) manageReplicas(ctx, rs, active);
  const afterMs = updateStatus(ctx, rs);
  if (afterMs !== undefined) requeueAfter(key, afterMs);
}

/**
 * ClaimPods: the pods this ReplicaSet controls after adopting matching orphans and releasing
 * controlled pods whose labels no longer match. A ReplicaSet being deleted adopts nothing.
 */
function claimPods(ctx: ControllerContext, rs: KubeObject): KubeObject[] {
  const matches = workloadSelector(rs);
  const uid = rs.metadata.uid;
  const claimed: KubeObject[] = [];
  for (const pod of ctx.informers.for('pods').list(rs.metadata.namespace ?? '')) {
    const ref = controllerRefOf(pod);
    const selected = matches(pod.metadata.labels);
    if (ref && ref.uid !== uid) continue;
    if (ref && selected) claimed.push(pod);
    else if (ref) setOwnerReferences(ctx, pod, (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid));
    else if (selected && !rs.metadata.deletionTimestamp && !pod.metadata.deletionTimestamp) {
      claimed.push(setOwnerReferences(ctx, pod, [...(pod.metadata.ownerReferences ?? []), newControllerRef(rs)]));
    }
  }
  return claimed;
}

function setOwnerReferences(ctx: ControllerContext, pod: KubeObject, refs: KubeObject['metadata']['ownerReferences']): KubeObject {
  const next = deepCopy(pod);
  if (refs && refs.length > 0) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  return ctx.registry.update({ kind: PODS, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', body: next });
}

function manageReplicas(ctx: ControllerContext, rs: KubeObject, active: KubeObject[]): void {
  const diff = active.length - numberAt(specOf(rs), 'replicas', 1);
  const namespace = rs.metadata.namespace ?? '';
  if (diff < 0) {
    for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
      let pod: KubeObject;
      try {
        pod = ctx.registry.create(PODS, namespace, podFromTemplate(rs));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        ctx.recorder.recordEvent({ involved: rs, reason: 'FailedCreate', message: `Error creating: ${message}`, type: 'Warning', source: SOURCE });
        throw err;
      }
      ctx.recorder.recordEvent({ involved: rs, reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name ?? ''}`, source: SOURCE });
    }
  } else if (diff > 0) {
    for (const pod of rankPodsForDeletion(active).slice(0, Math.min(diff, BURST_REPLICAS))) {
      const podName = pod.metadata.name ?? '';
      try {
        deleteObject(ctx.registry, { kind: PODS, namespace, name: podName });
      } catch {
        continue;
      }
      ctx.recorder.recordEvent({ involved: rs, reason: 'SuccessfulDelete', message: `Deleted pod: ${podName}`, source: SOURCE });
    }
  }
}

/** controller.GetPodFromTemplate: the template's labels, annotations and spec, a generated name. */
export function podFromTemplate(rs: KubeObject): KubeObject {
  const template = (specOf(rs).template ?? {}) as { metadata?: KubeObject['metadata']; spec?: unknown };
  const meta = template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name ?? ''}-`,
      namespace: rs.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [newControllerRef(rs)],
    },
    spec: deepCopy(template.spec ?? {}),
  };
}

/**
 * calculateStatus and updateReplicaSetStatus. Re-reads owned pods from the cache so pods created or
 * deleted in this sync count. Returns the ms until a ready pod becomes available, if one is waiting.
 */
function updateStatus(ctx: ControllerContext, cached: KubeObject): number | undefined {
  const now = ctx.clock.now();
  // The cache is current (store changes reach it synchronously), so it already holds this sync's writes.
  const rs = ctx.informers.for('replicasets.apps').get(cached.metadata.namespace ?? '', cached.metadata.name ?? '') ?? cached;
  const spec = specOf(rs);
  const minReadySeconds = numberAt(spec, 'minReadySeconds');
  const templateLabels = ((spec.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata?.labels ?? {});
  const active = ctx.informers
    .for('pods')
    .list(rs.metadata.namespace ?? '')
    .filter((pod) => controllerRefOf(pod)?.uid === rs.metadata.uid && isPodActive(pod));
  let soonest: number | undefined;
  let available = 0;
  for (const pod of active) {
    const result = podAvailability(pod, minReadySeconds, now);
    if (result.available) available++;
    else if (result.afterMs !== undefined) soonest = Math.min(soonest ?? Infinity, result.afterMs);
  }
  const previous = statusOf(rs);
  const status: Record<string, unknown> = {
    replicas: active.length,
    fullyLabeledReplicas: active.filter((pod) => Object.entries(templateLabels).every(([k, v]) => pod.metadata.labels?.[k] === v)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
    ...(Array.isArray(previous.conditions) && previous.conditions.length > 0 ? { conditions: previous.conditions } : {}),
  };
  // The API omits zero counts (omitempty) except replicas.
  for (const field of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[field] === 0) delete status[field];
  if (!jsonEqual(status, previous)) {
    ctx.registry.update({
      kind: REPLICASETS,
      namespace: rs.metadata.namespace ?? '',
      name: rs.metadata.name ?? '',
      body: { ...rs, status },
      target: 'status',
    });
  }
  return soonest;
}
