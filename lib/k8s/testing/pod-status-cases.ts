/**
 * The pods of the STATUS, READY and RESTARTS rules (kubectl's printPod), one per rule, with what kubectl
 * prints for each: the table of lib/k8s/pod-status.test.ts, shared with the browser test that creates
 * them in the embedded cluster and compares the Pods page with the row function.
 */
import type { ContainerState, ContainerStatus, Pod, PodCondition } from '@/lib/k8s/types';

/** The time the cases' texts are written for. */
export const statusNow = new Date('2024-05-01T12:00:00Z');
const now = statusNow;
export const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

export const running: ContainerState = { running: { startedAt: '2024-05-01T11:00:00Z' } };
const waiting = (reason: string): ContainerState => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number): ContainerState => ({
  terminated: { exitCode, reason, signal },
});

export function cs(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, ready: false, restartCount: 0, state, ...extra };
}

interface PodOptions {
  containers?: string[];
  init?: string[];
  sidecars?: string[];
  phase?: string;
  reason?: string;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: PodCondition[];
  deleting?: boolean;
}

export function pod(o: PodOptions): Pod {
  const init = [
    ...(o.init ?? []).map((name) => ({ name })),
    ...(o.sidecars ?? []).map((name) => ({ name, restartPolicy: 'Always' })),
  ];
  return {
    metadata: {
      name: 'kubia',
      creationTimestamp: ago(5 * 60_000),
      deletionTimestamp: o.deleting ? now.toISOString() : undefined,
    },
    spec: { containers: (o.containers ?? ['main']).map((name) => ({ name })), initContainers: init },
    status: {
      phase: o.phase ?? 'Running',
      reason: o.reason,
      conditions: o.conditions,
      containerStatuses: o.statuses,
      initContainerStatuses: o.initStatuses,
    },
  };
}

const readyCond: PodCondition = { type: 'Ready', status: 'True' };
const initializedCond: PodCondition = { type: 'Initialized', status: 'True' };

/** A pod for each rule of STATUS and READY, with what `kubectl get pods` prints for it. */
export const podStatusCases: { name: string; pod: Pod; status: string; ready: string }[] = [
  { name: 'pending without statuses shows the phase', pod: pod({ phase: 'Pending' }), status: 'Pending', ready: '0/1' },
  { name: 'status.reason overrides phase', pod: pod({ phase: 'Failed', reason: 'Evicted' }), status: 'Evicted', ready: '0/1' },
  {
    name: 'scheduling gates',
    pod: pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
    status: 'SchedulingGated',
    ready: '0/1',
  },
  {
    name: 'unschedulable pod stays Pending',
    pod: pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }),
    status: 'Pending',
    ready: '0/1',
  },
  { name: 'running and ready', pod: pod({ statuses: [cs('main', running, { ready: true })] }), status: 'Running', ready: '1/1' },
  { name: 'running not ready', pod: pod({ statuses: [cs('main', running)] }), status: 'Running', ready: '0/1' },
  { name: 'ContainerCreating', pod: pod({ phase: 'Pending', statuses: [cs('main', waiting('ContainerCreating'))] }), status: 'ContainerCreating', ready: '0/1' },
  { name: 'CrashLoopBackOff', pod: pod({ statuses: [cs('main', waiting('CrashLoopBackOff'))] }), status: 'CrashLoopBackOff', ready: '0/1' },
  { name: 'ErrImagePull', pod: pod({ phase: 'Pending', statuses: [cs('main', waiting('ErrImagePull'))] }), status: 'ErrImagePull', ready: '0/1' },
  { name: 'ImagePullBackOff', pod: pod({ phase: 'Pending', statuses: [cs('main', waiting('ImagePullBackOff'))] }), status: 'ImagePullBackOff', ready: '0/1' },
  { name: 'waiting without reason keeps phase', pod: pod({ phase: 'Pending', statuses: [cs('main', { waiting: {} })] }), status: 'Pending', ready: '0/1' },
  { name: 'Completed', pod: pod({ phase: 'Succeeded', statuses: [cs('main', terminated(0, 'Completed'))] }), status: 'Completed', ready: '0/1' },
  { name: 'Error', pod: pod({ phase: 'Failed', statuses: [cs('main', terminated(1, 'Error'))] }), status: 'Error', ready: '0/1' },
  { name: 'OOMKilled', pod: pod({ statuses: [cs('main', terminated(137, 'OOMKilled'))] }), status: 'OOMKilled', ready: '0/1' },
  { name: 'Signal:9 without reason', pod: pod({ statuses: [cs('main', terminated(137, undefined, 9))] }), status: 'Signal:9', ready: '0/1' },
  { name: 'ExitCode:1 without reason', pod: pod({ statuses: [cs('main', terminated(1))] }), status: 'ExitCode:1', ready: '0/1' },
  {
    name: 'first container with a reason wins',
    pod: pod({ containers: ['a', 'b'], statuses: [cs('a', waiting('CrashLoopBackOff')), cs('b', waiting('ContainerCreating'))] }),
    status: 'CrashLoopBackOff',
    ready: '0/2',
  },
  {
    name: 'Completed beside a running container with Ready condition is Running',
    pod: pod({
      containers: ['a', 'b'],
      conditions: [readyCond],
      statuses: [cs('a', terminated(0, 'Completed')), cs('b', running, { ready: true })],
    }),
    status: 'Running',
    ready: '1/2',
  },
  {
    name: 'Completed beside a running container without Ready condition is NotReady',
    pod: pod({ containers: ['a', 'b'], statuses: [cs('a', terminated(0, 'Completed')), cs('b', running, { ready: true })] }),
    status: 'NotReady',
    ready: '1/2',
  },
  {
    name: 'init container running',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', running)], statuses: [cs('main', waiting('PodInitializing'))] }),
    status: 'Init:0/1',
    ready: '0/1',
  },
  {
    name: 'init container waiting PodInitializing counts as progress',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', waiting('PodInitializing'))] }),
    status: 'Init:0/1',
    ready: '0/1',
  },
  {
    name: 'second of two init containers',
    pod: pod({
      phase: 'Pending',
      init: ['a', 'b'],
      initStatuses: [cs('a', terminated(0, 'Completed')), cs('b', running)],
    }),
    status: 'Init:1/2',
    ready: '0/1',
  },
  {
    name: 'Init:CrashLoopBackOff',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', waiting('CrashLoopBackOff'))] }),
    status: 'Init:CrashLoopBackOff',
    ready: '0/1',
  },
  {
    name: 'Init:Error',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', terminated(1, 'Error'))] }),
    status: 'Init:Error',
    ready: '0/1',
  },
  {
    name: 'Init:ExitCode without reason',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', terminated(2))] }),
    status: 'Init:ExitCode:2',
    ready: '0/1',
  },
  {
    name: 'Init:Signal without reason',
    pod: pod({ phase: 'Pending', init: ['setup'], initStatuses: [cs('setup', terminated(143, undefined, 15))] }),
    status: 'Init:Signal:15',
    ready: '0/1',
  },
  {
    name: 'PodInitializing after init containers finished',
    pod: pod({
      phase: 'Pending',
      init: ['setup'],
      initStatuses: [cs('setup', terminated(0, 'Completed'))],
      statuses: [cs('main', waiting('PodInitializing'))],
    }),
    status: 'PodInitializing',
    ready: '0/1',
  },
  {
    name: 'initializing but Initialized condition true reads app containers',
    pod: pod({
      init: ['setup'],
      conditions: [initializedCond],
      initStatuses: [cs('setup', running)],
      statuses: [cs('main', running, { ready: true })],
    }),
    status: 'Init:0/1',
    ready: '1/1',
  },
  {
    name: 'started sidecar counts as a ready container',
    pod: pod({
      sidecars: ['proxy'],
      initStatuses: [cs('proxy', running, { started: true, ready: true })],
      statuses: [cs('main', running, { ready: true })],
    }),
    status: 'Running',
    ready: '2/2',
  },
  {
    name: 'sidecar not yet started blocks init',
    pod: pod({ phase: 'Pending', sidecars: ['proxy'], initStatuses: [cs('proxy', running, { started: false })] }),
    status: 'Init:0/1',
    ready: '0/2',
  },
  {
    name: 'Terminating when deletionTimestamp is set',
    pod: pod({ deleting: true, statuses: [cs('main', running, { ready: true })] }),
    status: 'Terminating',
    ready: '1/1',
  },
  {
    name: 'terminal pods being deleted keep their status',
    pod: pod({ deleting: true, phase: 'Succeeded', statuses: [cs('main', terminated(0, 'Completed'))] }),
    status: 'Completed',
    ready: '0/1',
  },
  {
    name: 'Unknown for NodeLost pods being deleted',
    pod: pod({ deleting: true, reason: 'NodeLost', statuses: [cs('main', running, { ready: true })] }),
    status: 'Unknown',
    ready: '1/1',
  },
  { name: 'empty object', pod: {}, status: '', ready: '0/0' },
];

const lastState = (msAgo: number): ContainerState => ({ terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(msAgo) } });
/** A pod for each rule of RESTARTS, with the count and the cell at `statusNow`. */
export const podRestartCases: { name: string; pod: Pod; count: number; text: string }[] = [
  { name: 'no restarts', pod: pod({ statuses: [cs('main', running)] }), count: 0, text: '0' },
  {
    name: 'restarts with last termination',
    pod: pod({ statuses: [cs('main', running, { restartCount: 3, lastState: lastState(130_000) })] }),
    count: 3,
    text: '3 (2m10s ago)',
  },
  {
    name: 'restarts without a known last termination',
    pod: pod({ statuses: [cs('main', running, { restartCount: 3 })] }),
    count: 3,
    text: '3',
  },
  {
    name: 'sums containers and keeps the latest termination',
    pod: pod({
      containers: ['a', 'b'],
      statuses: [
        cs('a', running, { restartCount: 1, lastState: lastState(3_600_000) }),
        cs('b', running, { restartCount: 2, lastState: lastState(45_000) }),
      ],
    }),
    count: 3,
    text: '3 (45s ago)',
  },
  {
    name: 'init container restarts count while initializing',
    pod: pod({
      phase: 'Pending',
      init: ['setup'],
      initStatuses: [cs('setup', waiting('CrashLoopBackOff'), { restartCount: 4, lastState: lastState(20_000) })],
    }),
    count: 4,
    text: '4 (20s ago)',
  },
  {
    name: 'finished init container restarts are dropped once initialized',
    pod: pod({
      init: ['setup'],
      initStatuses: [cs('setup', terminated(0, 'Completed'), { restartCount: 4, lastState: lastState(20_000) })],
      statuses: [cs('main', running, { restartCount: 1, lastState: lastState(600_000) })],
    }),
    count: 1,
    text: '1 (10m ago)',
  },
  {
    name: 'sidecar restarts still count once initialized',
    pod: pod({
      sidecars: ['proxy'],
      initStatuses: [cs('proxy', running, { started: true, ready: true, restartCount: 2, lastState: lastState(90_000) })],
      statuses: [cs('main', running, { restartCount: 1, lastState: lastState(600_000) })],
    }),
    count: 3,
    text: '3 (90s ago)',
  },
];
