/**
 * The pod status a 1.32 kubelet reports (`generateAPIPodStatus`), computed from what the pod worker
 * knows about each container: the phase (`getPhase`), the five conditions in the kubelet's order,
 * container statuses with their fields in the API's order, addresses and start time.
 */
import { nowTimestamp } from '../names';
import { isPlainObject } from '../types';
import { buildCondition, CONDITION_ORDER, type PodConditionInput } from './pod-conditions';

/** A container state as the API writes it: exactly one of waiting, running, terminated (or none). */
export type ContainerState = Record<string, unknown>;

/** What the status builder reads about one container. */
export interface ContainerView {
  name: string;
  init: boolean;
  /** An init container with `restartPolicy: Always`. */
  sidecar: boolean;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started: boolean;
  restartCount: number;
  /** `docker.io/luksa/kubia:latest` once pulled, the spec's image before. */
  image: string;
  imageID: string;
  containerID?: string;
  volumeMounts: Record<string, unknown>[];
}

/** The pod-level facts the builder needs. */
export interface PodView {
  restartPolicy: string;
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  startTime: string;
  /** The pod is being deleted and its containers have been stopped. */
  terminated: boolean;
}

/** `getPhase`: Pending, Running, Succeeded or Failed from the container states. */
export function podPhase(pod: PodView, containers: ContainerView[]): string {
  const init = containers.filter((c) => c.init && !c.sidecar);
  const apps = containers.filter((c) => !c.init);
  const initFailed = init.some((c) => terminatedOf(c.state) && exitCodeOf(c.state) !== 0 && pod.restartPolicy === 'Never');
  if (initFailed) return 'Failed';
  const initPending = init.some((c) => !(terminatedOf(c.state) && exitCodeOf(c.state) === 0));
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of apps) {
    if (c.state.running) running++;
    else if (terminatedOf(c.state)) {
      stopped++;
      if (exitCodeOf(c.state) === 0) succeeded++;
    } else if (terminatedOf(c.lastState)) stopped++;
    else waiting++;
  }
  if (pod.terminated) return stopped === succeeded && waiting === 0 ? 'Succeeded' : 'Failed';
  if (initPending || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (pod.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (pod.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** The full status, keeping the scheduler's PodScheduled condition and fields the kubelet does not own. */
export function buildPodStatus(options: {
  previous: Record<string, unknown>;
  pod: PodView;
  containers: ContainerView[];
  now: Date;
}): Record<string, unknown> {
  const { previous, pod, containers, now } = options;
  const phase = podPhase(pod, containers);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const init = containers.filter((c) => c.init);
  const apps = containers.filter((c) => !c.init);
  const incompleteInit = init.filter((c) => (c.sidecar ? !c.started : !(terminatedOf(c.state) && exitCodeOf(c.state) === 0)));
  const unready = apps.filter((c) => !c.ready).map((c) => c.name);

  const wanted: PodConditionInput[] = [
    { type: 'PodReadyToStartContainers', status: pod.sandboxReady && !pod.terminated ? 'True' : 'False' },
    incompleteInit.length === 0 || terminal
      ? { type: 'Initialized', status: 'True', ...(terminal && incompleteInit.length > 0 ? { reason: 'PodCompleted' } : {}) }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incompleteInit.map((c) => c.name).join(' ')}]` },
    readiness('Ready', unready, terminal),
    readiness('ContainersReady', unready, terminal),
  ];
  const oldConditions = (Array.isArray(previous.conditions) ? previous.conditions : []).filter(isPlainObject);
  const scheduled = oldConditions.find((c) => c.type === 'PodScheduled') ?? buildCondition({ type: 'PodScheduled', status: 'True' }, undefined, now);
  const conditions = [
    ...wanted.map((c) => buildCondition(c, oldConditions.find((o) => o.type === c.type), now)),
    scheduled,
    // Conditions others own (DisruptionTarget, readiness gates) are kept after the kubelet's.
    ...oldConditions.filter((c) => !CONDITION_ORDER.includes(String(c.type))),
  ];

  const status: Record<string, unknown> = {
    ...previous,
    phase,
    conditions,
    hostIP: pod.hostIP,
    hostIPs: [{ ip: pod.hostIP }],
    startTime: pod.startTime,
  };
  if (pod.podIP) {
    status.podIP = pod.podIP;
    status.podIPs = [{ ip: pod.podIP }];
  }
  if (init.length > 0) status.initContainerStatuses = init.map(containerStatus);
  status.containerStatuses = apps.map(containerStatus);
  return status;
}

function readiness(type: string, unready: string[], terminal: boolean): PodConditionInput {
  if (terminal) return { type, status: 'False', reason: 'PodCompleted' };
  if (unready.length === 0) return { type, status: 'True' };
  return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
}

/** One container status, fields in v1.ContainerStatus order. */
export function containerStatus(c: ContainerView): Record<string, unknown> {
  return {
    name: c.name,
    state: c.state,
    lastState: c.lastState,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.image,
    imageID: c.imageID,
    ...(c.containerID ? { containerID: c.containerID } : {}),
    started: c.started,
    ...(c.volumeMounts.length > 0 ? { volumeMounts: c.volumeMounts } : {}),
  };
}

/** The status view of a container's volume mounts (RecursiveReadOnlyMounts, on by default in 1.32). */
export function statusVolumeMounts(mounts: unknown): Record<string, unknown>[] {
  if (!Array.isArray(mounts)) return [];
  return mounts.filter(isPlainObject).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
}

/** `{ waiting: { reason, message? } }`. */
export function waitingState(reason: string, message?: string): ContainerState {
  return { waiting: { reason, ...(message ? { message } : {}) } };
}

/** `{ running: { startedAt } }`. */
export function runningState(startedAt: Date): ContainerState {
  return { running: { startedAt: nowTimestamp(startedAt) } };
}

/** `{ terminated: { exitCode, reason, startedAt, finishedAt, containerID } }` (CRI reports no signal). */
export function terminatedState(exit: { exitCode: number; reason: string; startedAt: Date; finishedAt: Date; containerID: string }): ContainerState {
  return {
    terminated: {
      exitCode: exit.exitCode,
      reason: exit.reason,
      startedAt: nowTimestamp(exit.startedAt),
      finishedAt: nowTimestamp(exit.finishedAt),
      containerID: exit.containerID,
    },
  };
}

function terminatedOf(state: ContainerState): Record<string, unknown> | undefined {
  return isPlainObject(state.terminated) ? state.terminated : undefined;
}

function exitCodeOf(state: ContainerState): number | undefined {
  const terminated = terminatedOf(state);
  return typeof terminated?.exitCode === 'number' ? terminated.exitCode : undefined;
}
