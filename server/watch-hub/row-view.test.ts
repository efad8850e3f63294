import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { podListRow, type PodListRow } from '@/lib/k8s/pod-list-row';
import { namespaceListRow } from '@/lib/k8s/namespace-row';
import type { Namespace, Pod } from '@/lib/k8s/types';
import { rawRequest } from '../embedded-cluster/testing/raw-request';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from './socket-client';
import { podManifest, startTestCluster, type TestCluster } from './test-cluster';

// The rows view on the wire: what a list page receives instead of objects.
let cluster: TestCluster;
let server: ConsoleProcess;
let socket: TestSocket;
/** Every watch message the socket received, as JSON, with the subscription id it was for. */
const frames: { event: string; id: string; json: string }[] = [];
const pods = (ns: string) => `/api/v1/namespaces/${ns}/pods`;
const rowsOf = (ns: string, extra: Record<string, string> = {}) => ({ context: 'relayed', version: 'v1', resource: 'pods', namespace: ns, view: 'rows' as const, ...extra });
const relabel = (ns: string, name: string, labels: Record<string, string | null>) =>
  cluster.api('PATCH', `${pods(ns)}/${name}`, { metadata: { labels } }, { 'content-type': 'application/merge-patch+json' });
const apiPods = async (ns: string) => (await cluster.api<{ items: Pod[] }>('GET', pods(ns))).items;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const framesFor = (id: string) => frames.filter((f) => f.id === id);
// Open pod watches on the cluster, from its /metrics as on a real API server.
const watchCount = async () => {
  const metrics = await rawRequest(cluster.cluster, { path: '/metrics', token: cluster.cluster.tokens.admin });
  const line = metrics.body.split('\n').find((l) => l.startsWith('apiserver_longrunning_requests{') && l.includes('resource="pods"') && l.includes('verb="WATCH"'));
  return line ? Number(line.split(' ').pop()) : 0;
};

before(async () => {
  cluster = await startTestCluster();
  server = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  socket = await connectSocket(server.url);
  socket.onAny((event: string, payload: { id?: string }) => {
    if (event.startsWith('watch:')) frames.push({ event, id: payload?.id ?? '', json: JSON.stringify(payload) });
  });
});

after(async () => {
  socket?.close();
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

test("a rows view's snapshot is the pods' rows, exactly what podListRow makes of the API's objects, and no object", async () => {
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'r-snap' } });
  for (const name of ['a', 'b', 'c']) await cluster.api('POST', pods('r-snap'), podManifest(name, { app: name }));
  const rec = await recordWatch(socket, 'snap', rowsOf('r-snap'));
  assert.deepEqual(rec.ack, { ok: true });
  await rec.until((r) => r.snapshots === 1);
  // The embedded kubelet keeps moving the pods on: compare once both sides agree on every resourceVersion.
  const deadline = Date.now() + 15_000;
  let expected: PodListRow[] = [];
  let got: PodListRow[] = [];
  const byName = (a: PodListRow, b: PodListRow) => a.name.localeCompare(b.name);
  while (Date.now() < deadline) {
    expected = (await apiPods('r-snap')).map(podListRow).sort(byName);
    got = [...((rec.list?.items ?? []) as unknown as PodListRow[])].sort(byName);
    if (JSON.stringify(got.map((r) => r.resourceVersion)) === JSON.stringify(expected.map((r) => r.resourceVersion))) break;
    await sleep(100);
  }
  assert.deepEqual(got, expected);
  const snapshot = framesFor('snap').find((f) => f.event === 'watch:snapshot')!;
  for (const key of ['"spec"', '"metadata"', '"containerStatuses"', '"managedFields"']) assert.ok(!snapshot.json.includes(key), `the snapshot carries ${key}`);
});

test('changes arrive as row changes: ADDED, MODIFIED and DELETED each carry the row', async () => {
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'r-live' } });
  const rec = await recordWatch(socket, 'live', rowsOf('r-live'));
  await rec.until((r) => r.snapshots === 1);
  const row = (name: string) => (rec.list?.items as unknown as PodListRow[]).find((r) => r.name === name);

  await cluster.api('POST', pods('r-live'), podManifest('kubia', { app: 'kubia' }));
  await rec.until(() => row('kubia') !== undefined);
  await relabel('r-live', 'kubia', { tier: 'front' });
  await rec.until(() => row('kubia')?.labels.tier === 'front');
  const uid = row('kubia')!.uid;
  await cluster.api('DELETE', `${pods('r-live')}/kubia`, { gracePeriodSeconds: 0 });
  await rec.until(() => row('kubia') === undefined);

  const events = framesFor('live')
    .filter((f) => f.event === 'watch:events')
    .flatMap((f) => (JSON.parse(f.json) as { events: { type: string; object: PodListRow & { metadata?: unknown; spec?: unknown } }[] }).events);
  assert.deepEqual([...new Set(events.map((e) => e.type))].sort(), ['ADDED', 'DELETED', 'MODIFIED']);
  for (const event of events) {
    assert.equal(event.object.uid, uid);
    assert.equal(event.object.name, 'kubia');
    assert.equal(event.object.metadata, undefined);
    assert.equal(event.object.spec, undefined);
  }
  assert.equal(events.find((e) => e.type === 'DELETED')?.object.namespace, 'r-live');
});

test('selectors match the objects before they are projected: fields that are not in the row still select', async () => {
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'r-sel' } });
  const never = { ...podManifest('once', { app: 'web' }), spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'nginx' }] } };
  await cluster.api('POST', pods('r-sel'), never);
  await cluster.api('POST', pods('r-sel'), podManifest('always', { app: 'web' }));
  // spec.restartPolicy is no part of a row: only the object can answer it.
  const byField = await recordWatch(socket, 'field', rowsOf('r-sel', { fieldSelector: 'spec.restartPolicy=Never' }));
  const byLabel = await recordWatch(socket, 'label', rowsOf('r-sel', { labelSelector: 'app=web' }));
  await byField.until((r) => r.snapshots === 1);
  await byLabel.until((r) => r.names().join() === 'always,once');
  assert.deepEqual(byField.names(), ['once']);

  // Out of the label selector's view: a DELETED carrying the row, as the API server's filtered watch does.
  await relabel('r-sel', 'always', { app: 'db' });
  await byLabel.until((r) => r.names().join() === 'once');
  const left = framesFor('label')
    .filter((f) => f.event === 'watch:events')
    .flatMap((f) => (JSON.parse(f.json) as { events: { type: string; object: PodListRow }[] }).events)
    .find((e) => e.type === 'DELETED');
  assert.equal(left?.object.name, 'always');
  assert.deepEqual(left?.object.labels, { app: 'db' });
});

test('objects stay the default, and both views of one scope share one upstream watch', async () => {
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'r-both' } });
  await cluster.api('POST', pods('r-both'), podManifest('p'));
  const before = await watchCount();
  const objects = await recordWatch(socket, 'objects', { context: 'relayed', version: 'v1', resource: 'pods', namespace: 'r-both' });
  const rows = await recordWatch(socket, 'rows', rowsOf('r-both'));
  await objects.until((r) => r.snapshots === 1);
  await rows.until((r) => r.snapshots === 1);
  assert.equal((await watchCount()) - before, 1);
  const object = objects.list!.items[0] as Pod;
  assert.equal(object.metadata?.name, 'p');
  assert.ok(object.spec?.containers);
  assert.equal((rows.list!.items[0] as unknown as PodListRow).uid, object.metadata?.uid);
});

test('namespaces have a rows view; a resource without one is refused with 400', async () => {
  const rec = await recordWatch(socket, 'ns', { context: 'relayed', version: 'v1', resource: 'namespaces', view: 'rows' });
  await rec.until((r) => r.names().includes('r-snap'));
  const direct = await cluster.api<Namespace>('GET', '/api/v1/namespaces/r-snap');
  const got = (rec.list!.items as unknown as ReturnType<typeof namespaceListRow>[]).find((r) => r.name === 'r-snap');
  assert.deepEqual(got, namespaceListRow(direct));

  const refused = await recordWatch(socket, 'cm', { context: 'relayed', version: 'v1', resource: 'configmaps', view: 'rows' });
  assert.equal(refused.ack.ok, false);
  assert.equal(!refused.ack.ok && refused.ack.status.code, 400);
});

test('a rows snapshot is a fraction of the objects snapshot', async () => {
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: 'r-size' } });
  for (let i = 0; i < 20; i++) await cluster.api('POST', pods('r-size'), podManifest(`p-${i}`, { app: 'size' }));
  const objects = await recordWatch(socket, 'size-objects', { context: 'relayed', version: 'v1', resource: 'pods', namespace: 'r-size' });
  const rows = await recordWatch(socket, 'size-rows', rowsOf('r-size'));
  await objects.until((r) => r.snapshots === 1);
  await rows.until((r) => r.snapshots === 1);
  const bytes = (id: string) => framesFor(id).find((f) => f.event === 'watch:snapshot')!.json.length;
  assert.ok(bytes('size-rows') < bytes('size-objects') / 2, `rows ${bytes('size-rows')} B, objects ${bytes('size-objects')} B`);
});
