/**
 * The disruption controller (pkg/controller/disruption): each PodDisruptionBudget's status from the
 * pods its selector matches, so `kubectl get pdb` shows ALLOWED DISRUPTIONS as on a real cluster. No
 * eviction is guarded here (the embedded cluster does not drain nodes); this only counts.
 */
import { fromLabelSelectorObject, matchesLabels, type LabelSelectorObject } from '@/lib/k8s/label-selector';
import { findKind, type KindSpec } from '../kinds';
import { nowTimestamp } from '../names';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import type { ControllerContext, RunningController } from './context';
import { keyOf, startControllerLoop } from './controller-loop';
import { controllerRefOf, isPodReady, numberAt, specOf, statusOf } from './workload-util';

const BUDGETS = findKind('policy', 'v1', 'poddisruptionbudgets') as KindSpec;

/** policy/v1: an empty selector matches every pod of the namespace, a missing one none. */
function budgetSelector(pdb: KubeObject): (labels: Record<string, string> | undefined) => boolean {
  const raw = specOf(pdb).selector;
  const parsed = fromLabelSelectorObject(isPlainObject(raw) ? (raw as LabelSelectorObject) : undefined);
  if (!parsed.ok || parsed.matchesNothing) return () => false;
  return (labels) => matchesLabels(parsed.selector, labels);
}

/** intstr.GetScaledValueFromIntOrPercent with roundUp, as the controller calls it. */
function scaled(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  return Math.ceil((Number.parseInt(String(value), 10) * total) / 100);
}

/**
 * getExpectedScale: the replicas of the controllers of the matched pods, each counted once. A
 * ReplicaSet owned by a Deployment counts as that Deployment's scale. Pods without a controller are
 * left out (unmanaged pods, reported by a real cluster as a warning).
 */
function expectedScale(ctx: ControllerContext, namespace: string, pods: KubeObject[]): number {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) continue;
    let owner = ref.kind === 'ReplicaSet' ? ctx.informers.for('replicasets.apps').get(namespace, ref.name) : undefined;
    const deploymentRef = owner && controllerRefOf(owner);
    if (deploymentRef?.kind === 'Deployment') owner = ctx.informers.for('deployments.apps').get(namespace, deploymentRef.name);
    if (owner?.metadata.uid && !seen.has(owner.metadata.uid)) seen.set(owner.metadata.uid, numberAt(specOf(owner), 'replicas', 1));
  }
  return [...seen.values()].reduce((sum, n) => sum + n, 0);
}

/** The status the controller writes (getExpectedPodCount, countHealthyPods, updatePdbStatus). */
export function budgetStatus(ctx: ControllerContext, pdb: KubeObject, now: Date): Record<string, unknown> {
  const namespace = pdb.metadata.namespace ?? '';
  const selects = budgetSelector(pdb);
  const pods = ctx.informers.for('pods').list(namespace).filter((pod) => selects(pod.metadata.labels));
  const spec = specOf(pdb);
  let expectedPods = 0;
  let desiredHealthy = 0;
  if (spec.maxUnavailable !== undefined) {
    expectedPods = expectedScale(ctx, namespace, pods);
    desiredHealthy = Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods));
  } else if (typeof spec.minAvailable === 'number') {
    expectedPods = pods.length;
    desiredHealthy = spec.minAvailable;
  } else if (spec.minAvailable !== undefined) {
    expectedPods = expectedScale(ctx, namespace, pods);
    desiredHealthy = scaled(spec.minAvailable, expectedPods);
  }
  const currentHealthy = pods.filter((pod) => !pod.metadata.deletionTimestamp && isPodReady(pod)).length;
  const allowed = expectedPods > 0 ? Math.max(0, currentHealthy - desiredHealthy) : 0;
  const observedGeneration = pdb.metadata.generation ?? 1;
  const previous = statusOf(pdb);
  const old = (Array.isArray(previous.conditions) ? previous.conditions : []).find((c) => isPlainObject(c) && c.type === 'DisruptionAllowed') as Record<string, unknown> | undefined;
  const conditionStatus = allowed > 0 ? 'True' : 'False';
  // apimeta.SetStatusCondition: the transition time moves only when the status does.
  const lastTransitionTime = old?.status === conditionStatus && typeof old.lastTransitionTime === 'string' ? old.lastTransitionTime : nowTimestamp(now);
  return {
    observedGeneration,
    disruptionsAllowed: allowed,
    currentHealthy,
    desiredHealthy,
    expectedPods,
    conditions: [
      { type: 'DisruptionAllowed', status: conditionStatus, observedGeneration, lastTransitionTime, reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods', message: '' },
    ],
  };
}

/** Starts the controller: a budget is synced when it or a pod of its namespace changes. */
export function startDisruptionController(ctx: ControllerContext): RunningController {
  const budgets = ctx.informers.for('poddisruptionbudgets.policy');
  const loop = startControllerLoop({
    name: 'disruption-controller',
    sync: (key) => {
      const [namespace, name] = key.split('/');
      const pdb = budgets.get(namespace, name);
      if (!pdb) return;
      const status = budgetStatus(ctx, pdb, ctx.clock.now());
      if (jsonEqual(status, statusOf(pdb))) return;
      ctx.registry.update({ kind: BUDGETS, namespace, name, body: { ...pdb, status }, target: 'status' });
    },
  });
  const stops = [
    budgets.onChange((event) => {
      if (event.type !== 'DELETED') loop.enqueue(keyOf(event.object));
    }),
    ctx.informers.for('pods').onChange((event) => {
      for (const pdb of budgets.list(event.object.metadata.namespace ?? '')) loop.enqueue(keyOf(pdb));
    }),
  ];
  for (const pdb of budgets.list()) loop.enqueue(keyOf(pdb));
  return {
    stop() {
      for (const stop of stops) stop();
      loop.stop();
    },
  };
}
