import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from '../bootstrap';
import { createClock } from '../clock';
import { createEventRecorder } from '../events';
import { findKind, type KindSpec } from '../kinds';
import { Registry } from '../registry';
import { ObjectStore } from '../store';
import type { KubeObject } from '../types';
import { SharedInformers } from './controller-loop';
import { startScheduler } from './scheduler';

const PODS = findKind('', 'v1', 'pods') as KindSpec;
const NODES = findKind('', 'v1', 'nodes') as KindSpec;

function node(name: string, extra: { labels?: Record<string, string>; cpu?: string; unschedulable?: boolean; taints?: object[] } = {}) {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...extra.labels } },
    spec: { ...(extra.unschedulable ? { unschedulable: true } : {}), ...(extra.taints ? { taints: extra.taints } : {}) },
    status: {
      capacity: { cpu: extra.cpu ?? '2', memory: '4Gi', pods: '110' },
      allocatable: { cpu: extra.cpu ?? '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

function pod(name: string, spec: Record<string, unknown> = {}) {
  return { metadata: { name }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }], ...spec } };
}

async function setup(nodes: ReturnType<typeof node>[]) {
  const registry = new Registry(new ObjectStore());
  bootstrap(registry);
  for (const n of nodes) registry.create(NODES, '', n);
  const informers = new SharedInformers(registry.store);
  const clock = createClock({ mode: 'test' });
  const scheduler = startScheduler({ registry, informers, clock, recorder: createEventRecorder({ registry, clock }) });
  const get = (name: string) => registry.get(PODS, 'default', name);
  const events = (name: string) =>
    registry.store.list('events', 'default').filter((e) => (e.involvedObject as { name: string }).name === name);
  const condition = (p: KubeObject) => ((p.status as { conditions?: { type: string; status?: string }[] }).conditions ?? []).find((c) => c.type === 'PodScheduled');
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 30));
    await scheduler.idle();
  };
  return { registry, scheduler, get, events, condition, settle, stop: () => { scheduler.stop(); informers.stop(); } };
}

test('binds a pending pod to a node, with PodScheduled True and a Scheduled event', async () => {
  const c = await setup([node('node-1')]);
  c.registry.create(PODS, 'default', pod('kubia-manual'));
  await c.settle();
  const bound = c.get('kubia-manual');
  assert.equal((bound.spec as { nodeName: string }).nodeName, 'node-1');
  assert.deepEqual({ ...c.condition(bound), lastTransitionTime: undefined }, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: undefined });
  const [ev] = c.events('kubia-manual');
  assert.equal(ev?.reason, 'Scheduled');
  assert.equal(ev?.message, 'Successfully assigned default/kubia-manual to node-1');
  assert.deepEqual(ev?.source, { component: 'default-scheduler' });
  c.stop();
});

test('a pod no node accepts waits with the real FailedScheduling message, and runs once a node is labelled', async () => {
  const c = await setup([node('node-1'), node('node-2'), node('node-3')]);
  c.registry.create(PODS, 'default', pod('kubia-gpu', { nodeSelector: { gpu: 'true' } }));
  await c.settle();
  const waiting = c.get('kubia-gpu');
  assert.equal((waiting.spec as { nodeName?: string }).nodeName, undefined);
  const message =
    "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..";
  assert.deepEqual(
    { ...c.condition(waiting), lastTransitionTime: undefined },
    { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: undefined },
  );
  const failed = c.events('kubia-gpu');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.reason, 'FailedScheduling');
  assert.equal(failed[0]?.type, 'Warning');
  assert.equal(failed[0]?.message, message);

  // A node change that does not matter for scheduling (a heartbeat) does not retry the pod.
  const n2 = c.registry.get(NODES, '', 'node-2');
  c.registry.replaceRaw(NODES, { ...n2, status: { ...(n2.status as object), conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: 'x' }] } });
  await c.settle();
  assert.equal(c.events('kubia-gpu')[0]?.count, 1);

  c.registry.replaceRaw(NODES, { ...n2, metadata: { ...n2.metadata, labels: { ...n2.metadata.labels, gpu: 'true' } } });
  const deadline = Date.now() + 3000;
  while (!(c.get('kubia-gpu').spec as { nodeName?: string }).nodeName && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal((c.get('kubia-gpu').spec as { nodeName?: string }).nodeName, 'node-2');
  assert.equal(c.condition(c.get('kubia-gpu'))?.status, 'True');
  c.stop();
});

test('honours cordoned nodes, taints and cpu already placed', async () => {
  const c = await setup([
    node('cordoned', { unschedulable: true }),
    node('tainted', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
    node('small', { cpu: '1' }),
  ]);
  c.registry.create(PODS, 'default', pod('first', { containers: [{ name: 'a', image: 'luksa/kubia', resources: { requests: { cpu: '600m' } } }] }));
  await c.settle();
  assert.equal((c.get('first').spec as { nodeName: string }).nodeName, 'small');
  c.registry.create(PODS, 'default', pod('second', { containers: [{ name: 'a', image: 'luksa/kubia', resources: { requests: { cpu: '600m' } } }] }));
  await c.settle();
  assert.equal(
    (c.condition(c.get('second')) as { message?: string }).message,
    '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: db}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..',
  );
  // Deleting the first pod frees the cpu: the second is retried and placed.
  c.registry.store.remove('pods', 'default', 'first');
  const deadline = Date.now() + 3000;
  while (!(c.get('second').spec as { nodeName?: string }).nodeName && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal((c.get('second').spec as { nodeName?: string }).nodeName, 'small');
  c.stop();
});

test('leaves pods for other schedulers and pods with a nodeName alone; gated pods get SchedulingGated', async () => {
  const c = await setup([node('node-1')]);
  c.registry.create(PODS, 'default', pod('other', { schedulerName: 'my-scheduler' }));
  c.registry.create(PODS, 'default', pod('pinned', { nodeName: 'node-9' }));
  c.registry.create(PODS, 'default', pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
  await c.settle();
  assert.equal((c.get('other').spec as { nodeName?: string }).nodeName, undefined);
  assert.equal((c.get('pinned').spec as { nodeName?: string }).nodeName, 'node-9');
  assert.deepEqual(c.events('other'), []);
  assert.equal((c.condition(c.get('gated')) as { reason?: string }).reason, 'SchedulingGated');
  c.stop();
});

test('no nodes at all: the scheduler says so', async () => {
  const c = await setup([]);
  c.registry.create(PODS, 'default', pod('lonely'));
  await c.settle();
  assert.equal((c.condition(c.get('lonely')) as { message?: string }).message, 'no nodes available to schedule pods');
  c.stop();
});

test('a placed pod going away retries only the pods that resources or host ports turned away', async () => {
  const c = await setup([node('node-1', { cpu: '1' })]);
  c.registry.create(PODS, 'default', pod('placed', { containers: [{ name: 'a', image: 'luksa/kubia', resources: { requests: { cpu: '600m' } } }] }));
  await c.settle();
  c.registry.create(PODS, 'default', pod('kubia-gpu', { nodeSelector: { gpu: 'true' } }));
  c.registry.create(PODS, 'default', pod('big', { containers: [{ name: 'a', image: 'luksa/kubia', resources: { requests: { cpu: '600m' } } }] }));
  await c.settle();
  assert.equal(c.events('kubia-gpu')[0]?.count, 1);
  // Queueing hints: the freed cpu may help `big`, never a pod whose nodeSelector no node matches.
  c.registry.store.remove('pods', 'default', 'placed');
  const deadline = Date.now() + 3000;
  while (!(c.get('big').spec as { nodeName?: string }).nodeName && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal((c.get('big').spec as { nodeName?: string }).nodeName, 'node-1');
  await c.settle();
  assert.equal(c.events('kubia-gpu')[0]?.count, 1);
  c.stop();
});
