/**
 * The embedded cluster's kube-scheduler. Pods with no `spec.nodeName` (and `schedulerName:
 * default-scheduler`) wait in a queue; each is filtered against every node with the same pure
 * predicates the console's scheduling preview uses (`fitsNode`, `schedulingSummary` in
 * `lib/k8s/scheduling/`), so the preview and the cluster never disagree. A fitting node is chosen by a
 * LeastAllocated score and the pod is bound as `pods/binding` does it (spec.nodeName plus a True
 * PodScheduled condition); a pod no node takes gets a False PodScheduled condition and a
 * FailedScheduling event, and waits among the unschedulable pods until a node or a placed pod changes.
 */
import { fitsNode, type FitResult } from '@/lib/k8s/scheduling/fit';
import { nodeAllocatable, podRequests } from '@/lib/k8s/scheduling/pod-requests';
import { schedulingSummary } from '@/lib/k8s/scheduling/summary';
import type { Node, Pod } from '@/lib/k8s/types';
import { sleep } from '../clock';
import { findKind, type KindSpec } from '../kinds';
import type { Registry } from '../registry';
import type { StoreEvent } from '../store';
import { isPlainObject, jsonEqual, type KubeObject } from '../types';
import { setPodCondition } from '../kubelet/pod-conditions';
import type { ControllerContext, RunningController } from './context';

/** The default profile's name: pods asking for another scheduler are left alone. */
export const SCHEDULER_NAME = 'default-scheduler';

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
    const nodes = nodeInformer.list() as Node[];
    const podsByNode = new Map<string, Pod[]>();
    for (const other of podInformer.list() as Pod[]) {
      const nodeName = other.spec?.nodeName;
      if (!nodeName) continue;
      const list = podsByNode.get(nodeName);
      if (list) list.push(other);
      else podsByNode.set(nodeName, [other]);
    }
    const results = nodes.map((node) => ({ node, result: fitsNode(pod as Pod, node, { podsOnNode: podsByNode.get(node.metadata?.name ?? '') ?? [] }) }));
    const feasible = results.filter((r) => r.result.fits).map((r) => r.node);
    if (feasible.length === 0) {
      fail(pod, key, results.map((r) => r.result), nodes.length);
      return;
    }
    const chosen = pickNode(pod as Pod, feasible, podsByNode);
    const nodeName = chosen.metadata?.name ?? '';
    bindPod(registry, pod, nodeName, clock.now());
    unschedulable.delete(key);
    events.recordEvent({
      involved: pod,
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
      source: SOURCE,
    });
  }

  function fail(pod: KubeObject, key: string, results: FitResult[], totalNodes: number): void {
    const message = schedulingSummary(results, totalNodes);
    const previous = unschedulable.get(key);
    unschedulable.set(key, { attempts: (previous?.attempts ?? 0) + 1, lastAttempt: Date.now(), since: previous?.since ?? Date.now() });
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
  function retryUnschedulable(): void {
    for (const [key, waiting] of unschedulable) {
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
    if (wasPlaced && left) retryUnschedulable();
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

/**
 * Picks among feasible nodes as the default score plugins mostly do: NodeResourcesFit's LeastAllocated
 * (the node with the most cpu and memory left after placing the pod), with the scheduler's non-zero
 * defaults for pods that request nothing (100m cpu, 200Mi memory), ties broken at random (selectHost).
 */
function pickNode(pod: Pod, nodes: Node[], podsByNode: Map<string, Pod[]>): Node {
  const score = (node: Node) => {
    const allocatable = nodeAllocatable(node.status?.allocatable);
    const placed = [...(podsByNode.get(node.metadata?.name ?? '') ?? []).filter((p) => !isTerminal(p as KubeObject)), pod];
    let total = 0;
    for (const [resource, fallback] of [['cpu', 100], ['memory', 200 * 1024 * 1024]] as const) {
      const capacity = allocatable[resource] ?? 0;
      const requested = placed.reduce((sum, p) => sum + (podRequests(p)[resource] || fallback), 0);
      total += capacity > 0 ? Math.max(0, ((capacity - requested) * 100) / capacity) : 0;
    }
    return total / 2;
  };
  const scored = nodes.map((node) => ({ node, score: score(node) }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  return (top[Math.floor(Math.random() * top.length)] ?? scored[0]).node;
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
