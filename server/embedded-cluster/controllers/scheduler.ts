/**
 * The embedded cluster's kube-scheduler. Pods with no `spec.nodeName` (and `schedulerName:
 * default-scheduler`) wait in a queue; each scheduling cycle is the console's scheduling preview
 * (`previewScheduling` in `lib/k8s/scheduling/`: the default profile's filters, scores and random
 * tie-break), so the preview and the cluster never disagree. The picked node is bound as
 * `pods/binding` does it (spec.nodeName plus a True PodScheduled condition); a pod no node takes gets a
 * False PodScheduled condition and a FailedScheduling event with the preview's summary, and waits
 * among the unschedulable pods until a node or a placed pod changes.
 */
import { PodsByNodeIndex } from '@/lib/k8s/scheduling/pods-by-node';
import { DEFAULT_SCHEDULER_NAME, previewScheduling } from '@/lib/k8s/scheduling/preview';
import type { Node, Pod } from '@/lib/k8s/types';
import { sleep } from '../clock';
import { findKind, type KindSpec } from '../kinds';
import type { Registry } from '../registry';
import type { StoreEvent } from '../store';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import { setPodCondition } from '../kubelet/pod-conditions';
import type { ControllerContext, RunningController } from './context';

/** The default profile's name: pods asking for another scheduler are left alone. */
export const SCHEDULER_NAME = DEFAULT_SCHEDULER_NAME;

const SOURCE = { component: SCHEDULER_NAME };
const PODS = findKind('', 'v1', 'pods') as KindSpec;

// The scheduling queue's per-pod back-off (podInitialBackoffDuration 1s, podMaxBackoffDuration 10s)
// and podMaxInUnschedulablePodsDuration: a pod left unschedulable that long is retried anyway.
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_INTERVAL_MS = 30_000;

/** A running scheduler. */
export interface Scheduler extends RunningController {
  /** Resolves once the queue is empty (for tests and for a deterministic start). */
  idle(): Promise<void>;
}

interface Waiting {
  attempts: number;
  /** The plugins that rejected some node in the last attempt (the framework's UnschedulablePlugins). */
  rejectedBy: Set<string>;
  /** Real ms of the last attempt (Date.now), to compute the back-off. */
  lastAttempt: number;
  /** Cluster ms spent unschedulable so far, for the periodic flush. */
  since: number;
}

/** Starts the scheduler: it watches pods and nodes until stopped. */
export function startScheduler(ctx: ControllerContext): Scheduler {
  const { registry, clock, recorder: events } = ctx;
  const podInformer = ctx.informers.for('pods');
  const nodeInformer = ctx.informers.for('nodes');
  // The scheduler cache's pods by node, kept from the informer's events (it fires them synchronously,
  // after its own store): a cycle no longer regroups every pod of the cluster.
  const podsByNode = new PodsByNodeIndex(podInformer.list() as Pod[]);
  const stopIndex = podInformer.onChange((event) => podsByNode.apply([{ type: event.type, object: event.object as Pod }]));
  const stopping = new AbortController();
  const signal = stopping.signal;
  const active = new Set<string>();
  const unschedulable = new Map<string, Waiting>();
  let draining: Promise<void> | undefined;
  const idleWaiters: (() => void)[] = [];

  const enqueue = (key: string) => {
    active.add(key);
    kick();
  };

  function kick(): void {
    if (draining || signal.aborted) return;
    draining = new Promise<void>((resolve) => setImmediate(resolve)).then(drain).finally(() => {
      draining = undefined;
      if (active.size > 0) kick();
      else for (const resolve of idleWaiters.splice(0)) resolve();
    });
  }

  function drain(): void {
    while (active.size > 0 && !signal.aborted) {
      const key = active.values().next().value as string;
      active.delete(key);
      const [namespace = '', name = ''] = key.split('/');
      const pod = podInformer.get(namespace, name);
      if (!pod || !needsScheduling(pod)) {
        unschedulable.delete(key);
        continue;
      }
      scheduleOne(pod, key);
    }
  }

  function scheduleOne(pod: KubeObject, key: string): void {
    const gates = (spec(pod).schedulingGates as unknown[] | undefined) ?? [];
    if (gates.length > 0) {
      // SchedulingGates PreEnqueue: the pod never enters the active queue while gated.
      writeCondition(pod, { status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' });
      return;
    }
    const preview = previewScheduling({ pod: pod as Pod, nodes: nodeInformer.list() as Node[], podsByNode: podsByNode.podsByNode });
    if (!preview.pick) {
      const rejectedBy = new Set(preview.nodes.flatMap((n) => (n.fit.fits ? [] : [n.fit.plugin])));
      fail(pod, key, { message: preview.summary ?? '', rejectedBy });
      return;
    }
    const nodeName = preview.pick.name;
    bindPod(registry, pod, nodeName, clock.now());
    unschedulable.delete(key);
    events.recordEvent({
      involved: pod,
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
      source: SOURCE,
    });
  }

  function fail(pod: KubeObject, key: string, { message, rejectedBy }: { message: string; rejectedBy: Set<string> }): void {
    const previous = unschedulable.get(key);
    unschedulable.set(key, { attempts: (previous?.attempts ?? 0) + 1, rejectedBy, lastAttempt: Date.now(), since: previous?.since ?? Date.now() });
    writeCondition(pod, { status: 'False', reason: 'Unschedulable', message });
    events.recordEvent({ involved: pod, reason: 'FailedScheduling', message, type: 'Warning', source: SOURCE });
  }

  function writeCondition(pod: KubeObject, condition: { status: 'False'; reason: string; message: string }): void {
    const status = isPlainObject(pod.status) ? { ...pod.status } : {};
    const next = setPodCondition(status, { type: 'PodScheduled', ...condition }, clock.now());
    if (jsonEqual(next, pod.status)) return;
    registry.replaceRaw(PODS, { ...pod, status: next });
  }

  /** MoveAllToActiveOrBackoffQueue: every unschedulable pod is retried once its back-off ends. */
  function retryUnschedulable(helps: (waiting: Waiting) => boolean = () => true): void {
    for (const [key, waiting] of unschedulable) {
      if (!helps(waiting)) continue;
      const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (waiting.attempts - 1), MAX_BACKOFF_MS);
      const remaining = waiting.lastAttempt + clock.scaled(backoff) - Date.now();
      if (remaining <= 0) enqueue(key);
      else void sleep(remaining, signal).then(() => unschedulable.has(key) && enqueue(key));
    }
  }

  const stopPods = podInformer.onChange(onPodEvent);
  const stopNodes = nodeInformer.onChange(onNodeEvent);

  function onPodEvent(event: StoreEvent): void {
    const key = `${event.object.metadata.namespace ?? ''}/${event.object.metadata.name ?? ''}`;
    if (event.type !== 'DELETED' && needsScheduling(event.object)) {
      // A change to a waiting pod (new tolerations, removed gates) is worth a new attempt.
      if (!unschedulable.has(key) || !jsonEqual(spec(event.object), event.previous && spec(event.previous))) enqueue(key);
      return;
    }
    unschedulable.delete(key);
    // A placed pod leaving (deleted, finished) frees its node's resources and ports.
    const wasPlaced = Boolean(spec(event.previous ?? event.object).nodeName);
    const left = event.type === 'DELETED' || (isTerminal(event.object) && !isTerminal(event.previous));
    // Queueing hints: a pod leaving frees resources and host ports, which can only help pods that
    // NodeResourcesFit or NodePorts turned away (not a nodeSelector or a taint).
    if (wasPlaced && left) retryUnschedulable((waiting) => waiting.rejectedBy.has('NodeResourcesFit') || waiting.rejectedBy.has('NodePorts'));
  }

  function onNodeEvent(event: StoreEvent): void {
    if (event.type === 'DELETED') return;
    if (event.type === 'MODIFIED' && event.previous && !schedulingRelevantChange(event.previous, event.object)) return;
    retryUnschedulable();
  }

  void (async () => {
    while (!signal.aborted) {
      await clock.delay(FLUSH_INTERVAL_MS, signal);
      for (const [key, waiting] of unschedulable) {
        if (Date.now() - waiting.since >= clock.scaled(MAX_UNSCHEDULABLE_MS)) enqueue(key);
      }
    }
  })();

  for (const pod of podInformer.list()) if (needsScheduling(pod)) enqueue(`${pod.metadata.namespace}/${pod.metadata.name}`);

  return {
    stop() {
      stopping.abort();
      stopIndex();
      stopPods();
      stopNodes();
    },
    idle: () => (draining || active.size > 0 ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
  };
}

/** Whether the default scheduler should place this pod. */
export function needsScheduling(pod: KubeObject): boolean {
  const podSpec = spec(pod);
  if (podSpec.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod)) return false;
  return (podSpec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
}

/**
 * What `POST pods/{name}/binding` does (pkg/registry/core/pod/storage `assignPod`): set spec.nodeName
 * and mark the pod scheduled. Returns the stored pod.
 */
export function bindPod(registry: Registry, pod: KubeObject, nodeName: string, now: Date): KubeObject {
  const status = setPodCondition(isPlainObject(pod.status) ? { ...pod.status } : {}, { type: 'PodScheduled', status: 'True' }, now);
  return registry.replaceRaw(PODS, { ...pod, spec: { ...spec(pod), nodeName }, status });
}

/** Labels, taints, unschedulable and allocatable decide where pods fit; heartbeats do not. */
function schedulingRelevantChange(before: KubeObject, after: KubeObject): boolean {
  const status = (obj: KubeObject) => (isPlainObject(obj.status) ? obj.status : {});
  return (
    !jsonEqual(before.metadata.labels, after.metadata.labels) ||
    !jsonEqual(spec(before), spec(after)) ||
    !jsonEqual(status(before).allocatable, status(after).allocatable)
  );
}

function spec(obj: KubeObject | undefined): Record<string, unknown> {
  return obj && isPlainObject(obj.spec) ? obj.spec : {};
}

function isTerminal(pod: KubeObject | undefined): boolean {
  const phase = pod && isPlainObject(pod.status) ? pod.status.phase : undefined;
  return phase === 'Succeeded' || phase === 'Failed';
}
