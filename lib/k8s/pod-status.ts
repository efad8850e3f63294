/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, computed exactly as kubernetes 1.32
 * `pkg/printers/internalversion/printers.go` `printPod` does on the API server (kubectl only displays
 * the server's Table cells). The three columns come out of one pass because they depend on each other:
 * a pod still initializing reports init-container restarts and no ready app containers.
 */

import { parseTimestamp, translateTimestampSince } from '@/lib/k8s/duration';
import type { Container, ContainerStatus, Pod, PodCondition } from '@/lib/k8s/types';

/** `status.reason` the node lifecycle controller sets when a node stops reporting (NodeUnreachablePodReason). */
const NODE_LOST_REASON = 'NodeLost';

/** What `printPod` derives from a pod before it formats the cells. */
export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  /** The STATUS column. */
  reason: string;
  restarts: number;
  /** `finishedAt` of the most recent counted `lastState.terminated`; absent when none is known. */
  lastRestart?: Date;
}

/** RESTARTS of a pod: the count, when the last restart happened, and the cell text kubectl shows. */
export interface PodRestarts {
  count: number;
  lastRestart?: Date;
  /** `"0"`, `"3"` or `"3 (2m10s ago)"`. */
  text: string;
}

/** A sidecar: an init container with `restartPolicy: Always` (KEP-753), which counts as a pod container. */
function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function isPhaseTerminal(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Only the first `Initialized` condition counts, as in printers.go `isPodInitializedConditionTrue`. */
function isInitializedConditionTrue(conditions: PodCondition[]): boolean {
  const initialized = conditions.find((c) => c.type === 'Initialized');
  return initialized?.status === 'True';
}

function hasPodReadyCondition(conditions: PodCondition[]): boolean {
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Keeps the later of two dates, the way printPod keeps `lastRestartDate` with `Before`. */
function laterOf(current: Date | undefined, status: ContainerStatus): Date | undefined {
  const finished = parseTimestamp(status.lastState?.terminated?.finishedAt);
  if (!finished) return current;
  return !current || current.getTime() < finished.getTime() ? finished : current;
}

/** A terminated container's reason, or `Signal:N` / `ExitCode:N` when the runtime gave none. */
function terminatedReason(terminated: { reason?: string; signal?: number; exitCode: number }): string {
  if (terminated.reason) return terminated.reason;
  if (terminated.signal) return `Signal:${terminated.signal}`;
  return `ExitCode:${terminated.exitCode}`;
}

/**
 * Computes READY counts, STATUS and RESTARTS of a pod in one pass, following printPod rule by rule.
 */
export function summarizePod(pod: Pod): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const specInitContainers = spec.initContainers ?? [];

  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: Date | undefined;
  let lastSidecarRestart: Date | undefined;

  const phase = status.phase;
  let reason = status.reason || phase || '';

  // A pod held by scheduling gates reports {type: PodScheduled, reason: SchedulingGated}.
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) {
    reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Container>();
  for (const container of specInitContainers) {
    initByName.set(container.name, container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }

  // Init containers run in order: the first one not finished decides the status, and printPod stops there.
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    const state = container.state ?? {};
    const sidecar = isRestartableInitContainer(initByName.get(container.name));
    restarts += container.restartCount ?? 0;
    lastRestart = laterOf(lastRestart, container);
    if (sidecar) {
      sidecarRestarts += container.restartCount ?? 0;
      lastSidecarRestart = laterOf(lastSidecarRestart, container);
    }

    if (state.terminated && state.terminated.exitCode === 0) continue;
    if (sidecar && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (state.terminated) {
      reason = `Init:${terminatedReason(state.terminated)}`;
    } else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${specInitContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isInitializedConditionTrue(conditions)) {
    // Once initialized, only sidecar restarts still matter; finished init containers are history.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Walked backwards, so the first container with a waiting/terminated reason wins.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      const state = container.state ?? {};
      restarts += container.restartCount ?? 0;
      lastRestart = laterOf(lastRestart, container);
      if (state.waiting?.reason) {
        reason = state.waiting.reason;
      } else if (state.terminated) {
        reason = terminatedReason(state.terminated);
      } else if (container.ready && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A completed container beside a running one does not make the pod Completed.
    if (reason === 'Completed' && hasRunning) {
      reason = hasPodReadyCondition(conditions) ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_LOST_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && !isPhaseTerminal(phase)) {
    reason = 'Terminating';
  }

  return { readyContainers, totalContainers, reason, restarts, lastRestart };
}

/** The READY column, e.g. `"1/1"`: ready containers over app containers plus sidecars. */
export function podReady(pod: Pod): string {
  const { readyContainers, totalContainers } = summarizePod(pod);
  return `${readyContainers}/${totalContainers}`;
}

/** The STATUS column, e.g. `Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`. */
export function podStatusReason(pod: Pod): string {
  return summarizePod(pod).reason;
}

/** The RESTARTS column; `now` stands in for the server clock when formatting "(2m10s ago)". */
export function podRestarts(pod: Pod, now: Date): PodRestarts {
  const { restarts, lastRestart } = summarizePod(pod);
  return { count: restarts, lastRestart, text: formatRestarts(restarts, lastRestart, now) };
}

function formatRestarts(count: number, lastRestart: Date | undefined, now: Date): string {
  if (count === 0 || !lastRestart) return String(count);
  return `${count} (${translateTimestampSince(lastRestart, now)} ago)`;
}

/** One column of the pod Table, as `metav1.TableColumnDefinition`. Priority 1 columns show with `-o wide`. */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** The pod Table columns of kubernetes 1.32, in cell order. */
export const podTableColumns: readonly TableColumnDefinition[] = [
  { name: 'Name', type: 'string', format: 'name', priority: 0, description: 'Name must be unique within a namespace.' },
  { name: 'Ready', type: 'string', format: '', priority: 0, description: 'The aggregate readiness state of this pod for accepting traffic.' },
  { name: 'Status', type: 'string', format: '', priority: 0, description: 'The aggregate status of the containers in this pod.' },
  {
    name: 'Restarts',
    type: 'string',
    format: '',
    priority: 0,
    description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  },
  { name: 'Age', type: 'string', format: '', priority: 0, description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' },
  { name: 'IP', type: 'string', format: '', priority: 1, description: 'podIP address allocated to the pod.' },
  { name: 'Node', type: 'string', format: '', priority: 1, description: 'NodeName indicates in which node this pod is scheduled.' },
  { name: 'Nominated Node', type: 'string', format: '', priority: 1, description: 'nominatedNodeName is set only when this pod preempts other pods on the node.' },
  { name: 'Readiness Gates', type: 'string', format: '', priority: 1, description: 'If specified, all readiness gates will be evaluated for pod readiness.' },
];

/** The first pod IP, as the internal type sees it after conversion: `podIP` wins over `podIPs[0]`. */
function primaryPodIP(pod: Pod): string {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || '';
}

/** READINESS GATES: `<none>` without gates, else gates whose condition is `True` over all gates. */
function readinessGatesCell(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

/**
 * The cells of a pod's row in the server-side Table, in `podTableColumns` order. The API server always
 * generates the wide cells; kubectl hides priority-1 columns unless asked for `-o wide`.
 */
export function podTableRow(pod: Pod, now: Date): string[] {
  const summary = summarizePod(pod);
  return [
    pod.metadata?.name ?? '',
    `${summary.readyContainers}/${summary.totalContainers}`,
    summary.reason,
    formatRestarts(summary.restarts, summary.lastRestart, now),
    translateTimestampSince(pod.metadata?.creationTimestamp, now),
    primaryPodIP(pod) || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    readinessGatesCell(pod),
  ];
}
