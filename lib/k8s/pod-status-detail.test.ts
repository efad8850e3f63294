import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podStatusDetail, podStatusDetailText, type PodStatusDetail } from './pod-status-detail';
import type { ContainerStatus, Pod, PodCondition } from './types';

const waiting = (name: string, reason: string, message?: string): ContainerStatus => ({ name, ready: false, restartCount: 0, state: { waiting: { reason, message } } });
const running = (name: string): ContainerStatus => ({ name, ready: true, restartCount: 0, state: { running: {} } });
const unschedulable: PodCondition = { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' };

function pod(extra: { node?: string; phase?: string; conditions?: PodCondition[]; init?: ContainerStatus[]; containers?: ContainerStatus[]; deleting?: boolean }): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', deletionTimestamp: extra.deleting ? '2026-01-01T00:00:00Z' : undefined },
    spec: { containers: [{ name: 'app', image: 'i' }], nodeName: extra.node },
    status: { phase: extra.phase ?? 'Pending', conditions: extra.conditions, initContainerStatuses: extra.init, containerStatuses: extra.containers },
  } as Pod;
}

const cases: [string, Pod, PodStatusDetail | undefined][] = [
  ['an unschedulable pod: the scheduler reason and message', pod({ conditions: [unschedulable] }), { source: 'scheduling', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }],
  ['a gated pod: SchedulingGated', pod({ conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }] }), { source: 'scheduling', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }],
  ['a pending pod the scheduler has not tried yet: nothing', pod({}), undefined],
  ['a bound pod keeps no stale PodScheduled=False', pod({ node: 'n1', conditions: [unschedulable], containers: [running('app')], phase: 'Running' }), undefined],
  ['ImagePullBackOff with the kubelet message', pod({ node: 'n1', conditions: [{ type: 'PodScheduled', status: 'True' }], containers: [waiting('app', 'ImagePullBackOff', 'Back-off pulling image "x:does-not-exist"')] }), { source: 'container', reason: 'ImagePullBackOff', message: 'Back-off pulling image "x:does-not-exist"', container: 'app' }],
  ['ErrImagePull', pod({ node: 'n1', containers: [waiting('app', 'ErrImagePull', 'pull failed')] }), { source: 'container', reason: 'ErrImagePull', message: 'pull failed', container: 'app' }],
  ['CrashLoopBackOff of the second container', pod({ node: 'n1', phase: 'Running', containers: [running('web'), waiting('app', 'CrashLoopBackOff', 'back-off 20s restarting failed container=app pod=p_default')] }), { source: 'container', reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=app pod=p_default', container: 'app' }],
  ['ContainerCreating is routine: nothing', pod({ node: 'n1', containers: [waiting('app', 'ContainerCreating')] }), undefined],
  ['an init container stuck first', pod({ node: 'n1', init: [waiting('init', 'ImagePullBackOff', 'Back-off')], containers: [waiting('app', 'PodInitializing')] }), { source: 'container', reason: 'ImagePullBackOff', message: 'Back-off', container: 'init' }],
  ['a waiting reason without a message keeps an empty message', pod({ node: 'n1', containers: [waiting('app', 'CreateContainerConfigError')] }), { source: 'container', reason: 'CreateContainerConfigError', message: '', container: 'app' }],
  ['a running pod: nothing', pod({ node: 'n1', phase: 'Running', containers: [running('app')] }), undefined],
  ['a pod being deleted: nothing (Terminating says it)', pod({ node: 'n1', deleting: true, containers: [waiting('app', 'CrashLoopBackOff', 'back-off')] }), undefined],
];
for (const [name, input, expected] of cases) test(name, () => assert.deepEqual(podStatusDetail(input), expected));

test('the one-line text names the container, or the scheduler reason with its message', () => {
  assert.equal(podStatusDetailText({ source: 'container', reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"', container: 'app' }), 'container "app": Back-off pulling image "x"');
  assert.equal(podStatusDetailText({ source: 'scheduling', reason: 'Unschedulable', message: '0/3 nodes are available.' }), 'Unschedulable: 0/3 nodes are available.');
  assert.equal(podStatusDetailText({ source: 'scheduling', reason: 'SchedulingGated', message: '' }), 'SchedulingGated');
  assert.equal(podStatusDetailText({ source: 'container', reason: 'CreateContainerConfigError', message: '', container: 'app' }), 'container "app": CreateContainerConfigError');
});
