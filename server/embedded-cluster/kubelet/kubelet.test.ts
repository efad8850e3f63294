import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from '../bootstrap';
import { createClock } from '../clock';
import { SharedInformers } from '../controllers/controller-loop';
import { deleteObject } from '../deletion';
import { createEventRecorder } from '../events';
import { findKind, type KindSpec } from '../kinds';
import { Registry } from '../registry';
import { runningPod } from '../seeds/running-pod';
import { ObjectStore } from '../store';
import type { KubeObject } from '../types';
import { startNodeAgents } from './index';

const PODS = findKind('', 'v1', 'pods') as KindSpec;
const NODES = findKind('', 'v1', 'nodes') as KindSpec;

interface Status {
  phase?: string;
  podIP?: string;
  hostIP?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
}
interface ContainerStatus {
  name: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  state: { waiting?: { reason: string; message?: string }; running?: object; terminated?: { exitCode: number; reason: string; containerID: string } };
  lastState: { terminated?: { exitCode: number; reason: string; containerID: string } };
}

function nanosOf(event: KubeObject): bigint {
  return BigInt(`0x${(event.metadata.name ?? '').split('.').pop()}`);
}

/**
 * A store with one node and its kubelet; pods are created already bound (no scheduler here). The kubelet
 * stops when the test ends, passed or failed: its timers would otherwise keep the file running forever.
 */
function setup(t: TestContext, options: { node?: KubeObject; timeScale?: number } = {}) {
  const registry = new Registry(new ObjectStore(10_000));
  bootstrap(registry);
  registry.create(NODES, '', options.node ?? { metadata: { name: 'node-1' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '10.132.0.3' }] } });
  const informers = new SharedInformers(registry.store);
  const clock = createClock({ mode: 'test', timeScale: options.timeScale });
  const nodes = startNodeAgents({ registry, informers, clock, recorder: createEventRecorder({ registry, clock }) });
  // Every state the pod went through, as a watcher would see it: "Phase reason/running rN".
  const history = new Map<string, string[]>();
  registry.store.subscribe({
    resourceKey: 'pods',
    onEvent: (event) => {
      const name = event.object.metadata.name ?? '';
      const status = (event.object.status ?? {}) as Status;
      const c = status.containerStatuses?.[0];
      const state = c ? (c.state.waiting?.reason ?? (c.state.running ? 'running' : `terminated:${c.state.terminated?.reason}`)) : '-';
      const line = event.type === 'DELETED' ? 'DELETED' : `${status.phase} ${state} r${c?.restartCount ?? 0}`;
      const list = history.get(name) ?? [];
      if (list[list.length - 1] !== line) list.push(line);
      history.set(name, list);
    },
  });
  const create = (name: string, spec: Record<string, unknown>) =>
    registry.create(PODS, 'default', { metadata: { name }, spec: { nodeName: 'node-1', ...spec } });
  const pod = (name: string) => registry.store.get('pods', 'default', name);
  const status = (name: string) => (pod(name)?.status ?? {}) as Status;
  const events = (name: string) =>
    registry.store
      .list('events', 'default')
      .filter((e) => (e.involvedObject as { name: string }).name === name)
      // Event names end in their creation time in hex nanoseconds: sort by it for recording order.
      .sort((a, b) => (nanosOf(a) < nanosOf(b) ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  const waitFor = async (what: string, test: () => boolean, ms = 20_000) => {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  t.after(() => {
    nodes.stop();
    informers.stop();
  });
  return { registry, nodes, create, pod, status, events, history, waitFor };
}

test('a bound pod goes ContainerCreating -> Running with the kubelet status and events', async (t) => {
  const k = setup(t);
  k.create('kubia', { containers: [{ name: 'kubia', image: 'luksa/kubia', imagePullPolicy: 'Always' }] });
  await k.waitFor('Running', () => k.status('kubia').containerStatuses?.[0]?.ready === true);
  assert.deepEqual(k.history.get('kubia'), ['Pending - r0', 'Pending ContainerCreating r0', 'Running running r0']);
  const status = k.status('kubia');
  assert.equal(status.hostIP, '10.132.0.3');
  assert.equal(status.podIP, '10.244.1.2');
  assert.deepEqual(
    status.conditions?.map((c) => `${c.type}=${c.status}`),
    ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
  );
  const events = k.events('kubia');
  assert.equal(events[0], 'Normal Pulling: Pulling image "luksa/kubia"');
  assert.match(events[1] ?? '', /^Normal Pulled: Successfully pulled image "luksa\/kubia" in \d+ms \(\d+(\.\d+)?m?s including waiting\)\. Image size: 254246484 bytes\.$/);
  assert.deepEqual(events.slice(2), ['Normal Created: Created container kubia', 'Normal Started: Started container kubia']);
  const ev = k.registry.store.list('events', 'default').find((e) => e.reason === 'Started');
  assert.equal((ev?.involvedObject as { fieldPath: string }).fieldPath, 'spec.containers{kubia}');
  assert.deepEqual(ev?.source, { component: 'kubelet', host: 'node-1' });

  // While starting, Ready names the unready container.
  k.create('second', { containers: [{ name: 'a', image: 'luksa/kubia:v1' }] });
  await k.waitFor('ContainerCreating', () => k.status('second').containerStatuses?.[0]?.state.waiting?.reason === 'ContainerCreating');
  const ready = k.status('second').conditions?.find((c) => c.type === 'Ready');
  assert.deepEqual({ ...ready, lastTransitionTime: undefined, lastProbeTime: undefined }, {
    type: 'Ready',
    status: 'False',
    reason: 'ContainersNotReady',
    message: 'containers with unready status: [a]',
    lastTransitionTime: undefined,
    lastProbeTime: undefined,
  });
  await k.waitFor('second Running', () => k.status('second').phase === 'Running');
  // The image is on the node now: IfNotPresent does not pull it again.
  k.create('third', { containers: [{ name: 'a', image: 'luksa/kubia:v1', imagePullPolicy: 'IfNotPresent' }] });
  await k.waitFor('third Running', () => k.status('third').phase === 'Running');
  assert.equal(k.events('third')[0], 'Normal Pulled: Container image "luksa/kubia:v1" already present on machine');
});

test('a missing tag alternates ErrImagePull and ImagePullBackOff with the kubelet messages', async (t) => {
  const k = setup(t);
  k.create('missing', { containers: [{ name: 'c', image: 'luksa/kubia:does-not-exist' }] });
  await k.waitFor('ImagePullBackOff', () => k.status('missing').containerStatuses?.[0]?.state.waiting?.reason === 'ImagePullBackOff');
  const history = k.history.get('missing') ?? [];
  assert.deepEqual(history.slice(0, 4), ['Pending - r0', 'Pending ContainerCreating r0', 'Pending ErrImagePull r0', 'Pending ImagePullBackOff r0']);
  const c = k.status('missing').containerStatuses?.[0];
  assert.equal(c?.state.waiting?.message, 'Back-off pulling image "luksa/kubia:does-not-exist"');
  assert.equal(c?.image, 'luksa/kubia:does-not-exist');
  assert.equal(c?.imageID, '');
  const events = k.events('missing');
  assert.ok(events.includes('Warning Failed: Error: ErrImagePull'));
  assert.ok(events.includes('Warning Failed: Error: ImagePullBackOff'));
  assert.ok(events.includes('Normal BackOff: Back-off pulling image "luksa/kubia:does-not-exist"'));
  assert.ok(
    events.includes(
      'Warning Failed: Failed to pull image "luksa/kubia:does-not-exist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/luksa/kubia:does-not-exist": failed to resolve reference "docker.io/luksa/kubia:does-not-exist": docker.io/luksa/kubia:does-not-exist: not found',
    ),
  );
});

test('a crashing container restarts with a doubling back-off and keeps the previous instance', async (t) => {
  const k = setup(t);
  k.create('crash', { containers: [{ name: 'crash', image: 'pilothouse/crash', env: [{ name: 'CRASH_AFTER_SECONDS', value: '1' }] }] });
  await k.waitFor('3 restarts', () => (k.status('crash').containerStatuses?.[0]?.restartCount ?? 0) >= 3, 10_000);
  const history = k.history.get('crash') ?? [];
  // First crash: restarted at once; later ones wait in CrashLoopBackOff. A container that runs 10 ms may be
  // written only once it has ended (the status of a busy kubelet catches up in one write), so the
  // intermediate `running` states are not required.
  assert.deepEqual(history.slice(0, 2), ['Pending - r0', 'Pending ContainerCreating r0'], history.join('\n'));
  const firstCrash = history.indexOf('Running terminated:Error r0');
  assert.ok(firstCrash > 1, history.join('\n'));
  assert.ok(!history.some((h) => h.includes('CrashLoopBackOff r0')), 'the first restart waits for no back-off');
  assert.ok(history.indexOf('Running CrashLoopBackOff r1') > firstCrash, history.join('\n'));
  const messages = k.registry.store
    .list('events', 'default')
    .filter((e) => e.reason === 'BackOff')
    .map((e) => e.message);
  assert.match(messages[0] as string, /^Back-off restarting failed container crash in pod crash_default\([0-9a-f-]{36}\)$/);
  const c = k.status('crash').containerStatuses?.[0];
  assert.equal(c?.lastState.terminated?.exitCode, 1);
  assert.equal(c?.lastState.terminated?.reason, 'Error');
  const worker = k.nodes.kubelet('node-1')?.worker(k.pod('crash')?.metadata.uid ?? '');
  const runner = worker?.runner('crash');
  assert.ok(runner?.previous);
  assert.equal(runner?.previous?.id, c?.lastState.terminated?.containerID);
  assert.deepEqual(runner?.previous?.log.snapshot().map((l) => l.text), ['crash: starting up', 'crash: will fail in 1s', 'crash: fatal error, exiting with code 1']);
});

test('crash loop messages name the doubling back-off', async (t) => {
  const k = setup(t);
  k.create('fast', { containers: [{ name: 'c', image: 'pilothouse/crash', env: [{ name: 'CRASH_AFTER_SECONDS', value: '0' }] }] });
  const seen = new Set<string>();
  await k.waitFor('back-off 40s', () => {
    const message = k.status('fast').containerStatuses?.[0]?.state.waiting?.message ?? '';
    const match = /^back-off (\S+) restarting failed container=c pod=fast_default\(/.exec(message);
    if (match) seen.add(match[1] as string);
    return seen.has('40s');
  }, 15_000);
  assert.deepEqual([...seen], ['10s', '20s', '40s']);
});

test('restartPolicy Never and OnFailure end in Failed and Succeeded; init containers run first', async (t) => {
  const k = setup(t);
  k.create('never', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'pilothouse/crash', env: [{ name: 'CRASH_AFTER_SECONDS', value: '0' }] }] });
  k.create('done', {
    restartPolicy: 'OnFailure',
    containers: [{ name: 'c', image: 'pilothouse/crash', env: [{ name: 'CRASH_AFTER_SECONDS', value: '0' }, { name: 'EXIT_CODE', value: '0' }] }],
  });
  k.create('init', { initContainers: [{ name: 'setup', image: 'busybox' }], containers: [{ name: 'app', image: 'luksa/kubia' }] });
  await k.waitFor('Failed', () => k.status('never').phase === 'Failed');
  await k.waitFor('Succeeded', () => k.status('done').phase === 'Succeeded');
  assert.equal(k.status('never').containerStatuses?.[0]?.restartCount, 0);
  const ready = k.status('done').conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.reason, 'PodCompleted');
  await k.waitFor('init Initialized=False', () => k.status('init').conditions?.find((c) => c.type === 'Initialized')?.status === 'False');
  assert.equal(k.status('init').conditions?.find((c) => c.type === 'Initialized')?.message, 'containers with incomplete status: [setup]');
  await k.waitFor('init Running', () => k.status('init').phase === 'Running', 10_000);
  const init = k.status('init').initContainerStatuses?.[0];
  assert.equal(init?.state.terminated?.reason, 'Completed');
  assert.equal(init?.state.terminated?.exitCode, 0);
});

test('graceful deletion: Killing, SIGTERM, SIGKILL at the end of the grace period, then removal', async (t) => {
  const k = setup(t);
  k.create('kubia', { containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  k.create('polite', { containers: [{ name: 'loggen', image: 'pilothouse/loggen' }] });
  await k.waitFor('both Running', () => k.status('kubia').phase === 'Running' && k.status('polite').phase === 'Running');
  const started = Date.now();
  // kubia ignores SIGTERM: it lives until the grace period (20s, 200ms in test mode) ends, then 137.
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'kubia' }, { gracePeriodSeconds: 20 });
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'polite' }, { gracePeriodSeconds: 20 });
  assert.ok(k.pod('kubia')?.metadata.deletionTimestamp);
  await k.waitFor('polite removed', () => !k.pod('polite'));
  assert.ok(k.pod('kubia'), 'kubia still terminating');
  await k.waitFor('kubia removed', () => !k.pod('kubia'));
  assert.ok(Date.now() - started >= 190, 'kubia waited for its grace period');
  const history = k.history.get('kubia') ?? [];
  assert.deepEqual(history.slice(-2), ['Failed terminated:Error r0', 'DELETED']);
  assert.deepEqual(k.history.get('polite')?.slice(-2), ['Succeeded terminated:Completed r0', 'DELETED']);
  assert.ok(k.events('kubia').includes('Normal Killing: Stopping container kubia'));

  // A shorter second delete (--now after a long one) cuts the wait.
  k.create('long', { containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  await k.waitFor('long Running', () => k.status('long').phase === 'Running');
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'long' }, { gracePeriodSeconds: 3600 });
  const first = k.pod('long')?.metadata;
  // Only a shorter grace period is taken; the deletionTimestamp moves back by the difference.
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'long' }, { gracePeriodSeconds: 7200 });
  assert.equal(k.pod('long')?.metadata.deletionGracePeriodSeconds, 3600);
  await new Promise((r) => setTimeout(r, 50));
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'long' }, { gracePeriodSeconds: 1 });
  const shortened = k.pod('long')?.metadata;
  assert.equal(shortened?.deletionGracePeriodSeconds, 1);
  assert.equal(Date.parse(first?.deletionTimestamp ?? '') - Date.parse(shortened?.deletionTimestamp ?? ''), 3599_000);
  await k.waitFor('long removed', () => !k.pod('long'), 10_000);
});

test('a changed image restarts the container with it, whatever the restart policy', async (t) => {
  const k = setup(t);
  k.create('edit', { restartPolicy: 'Never', containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  await k.waitFor('Running', () => k.status('edit').phase === 'Running');
  const pod = k.pod('edit') as KubeObject;
  const spec = pod.spec as { containers: { image: string }[] };
  spec.containers[0]!.image = 'luksa/kubia:v2';
  k.registry.update({ kind: PODS, namespace: 'default', name: 'edit', body: pod });
  await k.waitFor('restarted with v2', () => k.status('edit').containerStatuses?.[0]?.image === 'docker.io/luksa/kubia:v2' && k.status('edit').phase === 'Running');
  const c = k.status('edit').containerStatuses?.[0];
  assert.equal(c?.restartCount, 1);
  assert.equal(c?.lastState.terminated?.exitCode, 137, 'kubia ignored SIGTERM and was killed after the grace period');
  const events = k.events('edit');
  assert.ok(events.includes('Normal Killing: Container kubia definition changed, will be restarted'));
  assert.ok(events.includes('Normal Pulling: Pulling image "luksa/kubia:v2"'));
});

test('a force-deleted pod stops its containers and frees its IP', async (t) => {
  const k = setup(t);
  k.create('a', { containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  await k.waitFor('a Running', () => k.status('a').phase === 'Running');
  const worker = k.nodes.kubelet('node-1')?.worker(k.pod('a')?.metadata.uid ?? '');
  const instance = worker?.runner('kubia')?.current;
  deleteObject(k.registry, { kind: PODS, namespace: 'default', name: 'a' }, { gracePeriodSeconds: 0 });
  await k.waitFor('container killed', () => instance?.running === false);
  assert.equal(instance?.exit?.exitCode, 137);
  assert.ok(instance?.log.closed);
  // Its address goes back to the pool (host-local hands addresses out in turn, so take a full turn).
  assert.equal(k.nodes.kubelet('node-1')?.worker(k.pod('a')?.metadata.uid ?? ''), undefined);
});

test('pods of a deleted node are collected after the pod GC quarantine', async (t) => {
  const k = setup(t);
  k.create('orphan', { containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  await k.waitFor('Running', () => k.status('orphan').phase === 'Running');
  k.registry.store.remove('nodes', '', 'node-1');
  const removed = performance.now();
  await k.waitFor('collected', () => !k.pod('orphan'), 10_000);
  const kept = performance.now() - removed;
  assert.ok(kept >= 390, `kept ${kept} ms, not for the quarantine (40s, 400ms in test mode)`);
  // So is a pod created bound to a node that never existed.
  k.registry.create(PODS, 'default', { metadata: { name: 'nowhere' }, spec: { nodeName: 'node-9', containers: [{ name: 'a', image: 'luksa/kubia' }] } });
  await k.waitFor('nowhere collected', () => !k.pod('nowhere'), 10_000);
});

test('the kubelet reports its node status again every 5 minutes with a fresh heartbeat', async (t) => {
  const old = '2020-01-01T00:00:00Z';
  const k = setup(t, {
    timeScale: 0.0002,
    node: { metadata: { name: 'node-1' }, status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: old, lastTransitionTime: old }] } },
  });
  const ready = () => ((k.registry.store.get('nodes', '', 'node-1')?.status as Status).conditions ?? [])[0] as { lastHeartbeatTime?: string; lastTransitionTime?: string };
  await k.waitFor('a heartbeat', () => ready().lastHeartbeatTime !== old, 10_000);
  assert.equal(ready().lastTransitionTime, old);
});

test('adopts a pod stored as already running: no events, no status write, logs dated from its start', async (t) => {
  const registry = new Registry(new ObjectStore());
  bootstrap(registry);
  registry.create(NODES, '', { metadata: { name: 'node-1' }, spec: { podCIDR: '10.244.1.0/24' } });
  const created = registry.create(PODS, 'default', { metadata: { name: 'kubia-zxzij' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
  const startedAt = new Date(Date.now() - 3_600_000);
  registry.replaceRaw(PODS, runningPod(created, { node: 'node-1', hostIP: '10.132.0.2', podIP: '10.244.1.7', startedAt }));
  const before = registry.store.get('pods', 'default', 'kubia-zxzij');
  const informers = new SharedInformers(registry.store);
  const clock = createClock({ mode: 'test' });
  const nodes = startNodeAgents({ registry, informers, clock, recorder: createEventRecorder({ registry, clock }) });
  t.after(() => {
    nodes.stop();
    informers.stop();
  });
  const runner = () => nodes.kubelet('node-1')?.worker(created.metadata.uid ?? '')?.runner('kubia');
  const deadline = Date.now() + 10_000;
  while (!runner()?.current && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  assert.equal(registry.store.get('pods', 'default', 'kubia-zxzij')?.metadata.resourceVersion, before?.metadata.resourceVersion);
  assert.deepEqual(registry.store.list('events', 'default'), []);
  const [line] = runner()?.current?.log.snapshot() ?? [];
  assert.equal(line?.text, 'Kubia server starting...');
  assert.equal(Number((line?.time ?? 0n) / 1_000_000n), startedAt.getTime() - (startedAt.getTime() % 1000));
  assert.equal(runner()?.current?.id, (before?.status as Status).containerStatuses?.[0]?.containerID);
});
