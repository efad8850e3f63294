import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrap } from './bootstrap';
import { createClock, sleep } from './clock';
import { createEventRecorder, referenceOf } from './events';
import { findKind, type KindSpec } from './kinds';
import { Registry } from './registry';
import { ObjectStore } from './store';

function setup() {
  const registry = new Registry(new ObjectStore());
  bootstrap(registry);
  const pods = findKind('', 'v1', 'pods') as KindSpec;
  const pod = registry.create(pods, 'default', { metadata: { name: 'kubia-manual' }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } });
  const recorder = createEventRecorder({ registry, clock: createClock({ mode: 'test' }) });
  return { registry, pod, recorder };
}

test('an event is a core/v1 Event as the legacy recorder writes it', () => {
  const { pod, recorder } = setup();
  const ev = recorder.recordEvent({
    involved: pod,
    fieldPath: 'spec.containers{kubia}',
    reason: 'Pulling',
    message: 'Pulling image "luksa/kubia"',
    source: { component: 'kubelet', host: 'node-1' },
  });
  assert.ok(ev);
  assert.match(ev.metadata.name ?? '', /^kubia-manual\.[0-9a-f]+$/);
  assert.equal(ev.metadata.namespace, 'default');
  assert.deepEqual(ev.involvedObject, {
    kind: 'Pod',
    apiVersion: 'v1',
    name: 'kubia-manual',
    namespace: 'default',
    uid: pod.metadata.uid,
    resourceVersion: pod.metadata.resourceVersion,
    fieldPath: 'spec.containers{kubia}',
  });
  assert.equal(ev.type, 'Normal');
  assert.equal(ev.count, 1);
  assert.equal(ev.firstTimestamp, ev.lastTimestamp);
  assert.deepEqual(ev.source, { component: 'kubelet', host: 'node-1' });
  assert.equal(ev.reportingComponent, 'kubelet');
  assert.equal(ev.reportingInstance, 'node-1');
  assert.equal(ev.eventTime, null);
});

test('an identical event bumps count and lastTimestamp of the first instead of creating another', async () => {
  const { registry, pod, recorder } = setup();
  const input = { involved: pod, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning' as const, source: { component: 'kubelet', host: 'node-1' } };
  const first = recorder.recordEvent(input);
  await sleep(1100);
  const second = recorder.recordEvent(input);
  recorder.recordEvent({ ...input, message: 'something else' });
  assert.equal(second?.metadata.name, first?.metadata.name);
  assert.equal(second?.count, 2);
  assert.equal(second?.firstTimestamp, first?.firstTimestamp);
  assert.notEqual(second?.lastTimestamp, first?.lastTimestamp);
  assert.equal(registry.store.list('events', 'default').length, 2);
});

test('events about cluster-scoped objects go to default; a deleted event is created again', () => {
  const { registry, recorder } = setup();
  const node = { kind: 'Node', apiVersion: 'v1', name: 'node-1', uid: 'node-1' };
  const first = recorder.recordEvent({ involved: node, reason: 'NodeReady', message: 'Node node-1 status is now: NodeReady', source: { component: 'kubelet', host: 'node-1' } });
  assert.equal(first?.metadata.namespace, 'default');
  registry.store.remove('events', 'default', first?.metadata.name ?? '');
  const again = recorder.recordEvent({ involved: node, reason: 'NodeReady', message: 'Node node-1 status is now: NodeReady', source: { component: 'kubelet', host: 'node-1' } });
  assert.equal(again?.count, 1);
  assert.equal(registry.store.list('events', 'default').length, 1);
});

test('recording into a missing namespace drops the event instead of throwing', () => {
  const { recorder } = setup();
  const ref = referenceOf({ kind: 'Pod', apiVersion: 'v1', name: 'x', namespace: 'nope' });
  assert.equal(recorder.recordEvent({ involved: ref, reason: 'Scheduled', message: 'm', source: { component: 'default-scheduler' } }), undefined);
});

test('the clock scales waits, not timestamps', async () => {
  const clock = createClock({ timeScale: 0.001 });
  assert.equal(clock.scaled(10_000), 10);
  const started = Date.now();
  await clock.delay(20_000);
  assert.ok(Date.now() - started < 5_000, 'the 20s wait took a twentieth of that, not all of it');
  assert.ok(Math.abs(clock.now().getTime() - Date.now()) < 50);
  const aborted = new AbortController();
  aborted.abort();
  const t0 = Date.now();
  await createClock().delay(60_000, aborted.signal);
  assert.ok(Date.now() - t0 < 100);
  assert.equal(createClock({ mode: 'test' }).timeScale, 0.01);
  assert.throws(() => createClock({ timeScale: -1 }), RangeError);
});

test('events expire an hour after their last write (the API server event TTL)', async () => {
  const registry = new Registry(new ObjectStore());
  bootstrap(registry);
  const recorder = createEventRecorder({ registry, clock: createClock({ mode: 'test' }), ttlMs: 1000 });
  const source = { component: 'kubelet', host: 'node-1' };
  const involved = { kind: 'Pod', apiVersion: 'v1', name: 'p', namespace: 'default', uid: 'u' };
  recorder.recordEvent({ involved, reason: 'Old', message: 'old', source });
  await sleep(2100);
  recorder.recordEvent({ involved, reason: 'New', message: 'new', source });
  assert.deepEqual(registry.store.list('events', 'default').map((e) => e.reason), ['New']);
});
