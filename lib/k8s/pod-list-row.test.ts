import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podListRow, podRowComparator, sortPodRows, statusTone } from './pod-list-row';
import type { Pod } from './types';

function pod(name: string, extra: { created?: string; restarts?: number; namespace?: string; node?: string } = {}): Pod {
  return {
    metadata: { name, namespace: extra.namespace ?? 'default', uid: `uid-${name}`, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z', labels: { app: name } },
    spec: { containers: [{ name: 'c', image: 'i' }], nodeName: extra.node },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      containerStatuses: [{ name: 'c', ready: true, restartCount: extra.restarts ?? 0, image: 'i', imageID: '', state: { running: {} } }],
    },
  } as Pod;
}

test('a row carries the kubectl columns', () => {
  const row = podListRow(pod('kubia', { node: 'node-1' }));
  assert.equal(row.ready, '1/1');
  assert.equal(row.status, 'Running');
  assert.equal(row.node, 'node-1');
  assert.equal(row.ip, '10.0.0.1');
  assert.deepEqual(row.labels, { app: 'kubia' });
});

test("a pending pod's row carries the scheduler's reason; a running one none", () => {
  const pending = pod('gpu');
  pending.status = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] };
  assert.deepEqual(podListRow(pending).statusDetail, { source: 'scheduling', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' });
  assert.equal(podListRow(pod('kubia', { node: 'node-1' })).statusDetail, undefined);
});

test('rows are cached by object identity', () => {
  const p = pod('a');
  assert.equal(podListRow(p), podListRow(p));
  assert.notEqual(podListRow(p), podListRow({ ...p }));
});

test('sorting by name, restarts and age, with stable ties', () => {
  const rows = [pod('b', { restarts: 2, created: '2026-01-02T00:00:00Z' }), pod('a', { restarts: 5, created: '2026-01-01T00:00:00Z' }), pod('c', { created: '2026-01-03T00:00:00Z' })].map(podListRow);
  assert.deepEqual(sortPodRows([...rows], 'name', false).map((r) => r.name), ['a', 'b', 'c']);
  assert.deepEqual(sortPodRows([...rows], 'name', true).map((r) => r.name), ['c', 'b', 'a']);
  assert.deepEqual(sortPodRows([...rows], 'restarts', true).map((r) => r.name), ['a', 'b', 'c']);
  assert.deepEqual(sortPodRows([...rows], 'age', false).map((r) => r.name), ['c', 'b', 'a']);
  assert.deepEqual(sortPodRows([pod('x', { namespace: 'b' }), pod('x', { namespace: 'a' })].map(podListRow), 'name', false).map((r) => r.namespace), ['a', 'b']);
});

const tones: [string, ReturnType<typeof statusTone>][] = [
  ['Running', 'ok'],
  ['Completed', 'done'],
  ['Pending', 'progress'],
  ['ContainerCreating', 'progress'],
  ['Terminating', 'progress'],
  ['Init:0/1', 'progress'],
  ['Init:CrashLoopBackOff', 'error'],
  ['CrashLoopBackOff', 'error'],
  ['ErrImagePull', 'error'],
  ['ImagePullBackOff', 'error'],
  ['Error', 'error'],
  ['NotReady', 'warning'],
  ['Unknown', 'warning'],
];
for (const [status, tone] of tones) test(`statusTone(${status}) is ${tone}`, () => assert.equal(statusTone(status), tone));

test('podRowComparator orders numbers in names by value and is one function per column and direction', () => {
  const rows = ['web-10', 'web-2', 'web-1'].map((name) => podListRow(pod(name, {})));
  assert.deepEqual([...rows].sort(podRowComparator('name', false)).map((r) => r.name), ['web-1', 'web-2', 'web-10']);
  assert.equal(podRowComparator('node', true), podRowComparator('node', true));
  assert.notEqual(podRowComparator('node', true), podRowComparator('node', false));
});
