import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rawRequest } from '../embedded-cluster/testing/raw-request';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { SOCKET_LIMITS } from '../socket-limits';
import { connectSocket, recordWatch, type TestSocket } from './socket-client';
import { podManifest, startTestCluster, type TestCluster } from './test-cluster';

let cluster: TestCluster;
let server: ConsoleProcess;
const sockets: TestSocket[] = [];
const socket = async () => {
  const s = await connectSocket(server.url);
  sockets.push(s);
  return s;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pods = (ns: string) => `/api/v1/namespaces/${ns}/pods`;
const createNamespace = (name: string) => cluster.api('POST', '/api/v1/namespaces', { metadata: { name } });
const createPod = (ns: string, name: string, labels: Record<string, string> = {}) => cluster.api('POST', pods(ns), podManifest(name, labels));
const relabel = (ns: string, name: string, labels: Record<string, string>) =>
  cluster.api('PATCH', `${pods(ns)}/${name}`, { metadata: { labels } }, { 'content-type': 'application/merge-patch+json' });
const apiNames = async (ns: string) =>
  ((await cluster.api<{ items: { metadata: { name: string } }[] }>('GET', pods(ns))).items.map((p) => p.metadata.name)).sort();
// Open pod watches on the cluster, read from its /metrics as one would on a real API server.
const watchCount = async () => {
  const metrics = await rawRequest(cluster.cluster, { path: '/metrics', token: cluster.cluster.tokens.admin });
  const line = metrics.body.split('\n').find((l) => l.startsWith('apiserver_longrunning_requests{') && l.includes('resource="pods"') && l.includes('verb="WATCH"'));
  return line ? Number(line.split(' ').pop()) : 0;
};
const target = (namespace: string, extra: Record<string, string> = {}) => ({ context: 'relayed', version: 'v1', resource: 'pods', namespace, ...extra });

before(async () => {
  cluster = await startTestCluster({ watchHistorySize: 20 });
  server = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_WATCH_IDLE_MS: '300' });
});

after(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

test('a subscriber gets a snapshot with its resourceVersion, then every change in order', async () => {
  await createNamespace('w-basic');
  await createPod('w-basic', 'a');
  await createPod('w-basic', 'b');
  const rec = await recordWatch(await socket(), 'basic', target('w-basic'));
  assert.deepEqual(rec.ack, { ok: true });
  await rec.until((r) => r.snapshots === 1);
  assert.deepEqual(rec.names(), ['a', 'b']);
  assert.equal(typeof rec.list?.resourceVersion, 'string');
  assert.notEqual(rec.list?.resourceVersion, '');

  await createPod('w-basic', 'c');
  await relabel('w-basic', 'a', { tier: 'front' });
  await cluster.api('DELETE', `${pods('w-basic')}/b`, { gracePeriodSeconds: 0 });
  // Exact: the same objects at the same resourceVersions as a list straight from the API server (polled,
  // since the embedded scheduler keeps updating the pods).
  const versions = (items: readonly { metadata?: { name?: string; resourceVersion?: string } | null }[]) =>
    JSON.stringify(items.map((i) => `${i.metadata?.name}@${i.metadata?.resourceVersion}`).sort());
  const deadline = Date.now() + 10_000;
  let direct = '';
  while (Date.now() < deadline) {
    direct = versions((await cluster.api<{ items: { metadata: { name: string; resourceVersion: string } }[] }>('GET', pods('w-basic'))).items);
    if (versions(rec.list!.items) === direct) break;
    await sleep(100);
  }
  assert.equal(versions(rec.list!.items), direct);
  assert.equal(rec.list!.items.find((p) => p.metadata?.name === 'a')?.metadata?.labels?.tier, 'front');
  assert.equal(rec.snapshots, 1);
});

test('selectors are applied in the BFF: objects move in and out of a view', async () => {
  await createNamespace('w-sel');
  await createPod('w-sel', 'web-1', { app: 'web' });
  await createPod('w-sel', 'db-1', { app: 'db' });
  const s = await socket();
  const web = await recordWatch(s, 'web', target('w-sel', { labelSelector: 'app=web' }));
  const named = await recordWatch(s, 'named', target('w-sel', { fieldSelector: 'metadata.name=db-1' }));
  await web.until((r) => r.snapshots === 1);
  await named.until((r) => r.snapshots === 1);
  assert.deepEqual(web.names(), ['web-1']);
  assert.deepEqual(named.names(), ['db-1']);

  await createPod('w-sel', 'web-2', { app: 'web' });
  await relabel('w-sel', 'db-1', { app: 'web' });
  await web.until((r) => r.names().join() === 'db-1,web-1,web-2');
  await relabel('w-sel', 'web-1', { app: 'db' });
  await web.until((r) => r.names().join() === 'db-1,web-2');
  assert.deepEqual(named.names(), ['db-1']);

  const bad = await recordWatch(s, 'bad', target('w-sel', { labelSelector: 'app in (' }));
  assert.equal(bad.ack.ok, false);
  assert.equal(!bad.ack.ok && bad.ack.status.code, 400);
  const field = await recordWatch(s, 'badfield', target('w-sel', { fieldSelector: 'spec.nope=1' }));
  assert.equal(!field.ack.ok && field.ack.status.message, 'field label not supported: spec.nope');
});

test('ten clients on one namespace cost exactly one upstream watch, closed after the last leaves', async () => {
  await createNamespace('w-ten');
  await createPod('w-ten', 'p');
  const before = await watchCount();
  const clients = await Promise.all(Array.from({ length: 10 }, () => connectSocket(server.url)));
  const recordings = await Promise.all(
    clients.map((c, i) => recordWatch(c, `ten-${i}`, target('w-ten', i % 2 ? { labelSelector: 'x notin (y)' } : {}))),
  );
  await Promise.all(recordings.map((r) => r.until((x) => x.snapshots === 1)));
  assert.equal((await watchCount()) - before, 1);
  await createPod('w-ten', 'q');
  await Promise.all(recordings.map((r) => r.until((x) => x.names().join() === 'p,q')));
  assert.equal((await watchCount()) - before, 1);

  clients.forEach((c) => c.close());
  const deadline = Date.now() + 5_000;
  while ((await watchCount()) !== before && Date.now() < deadline) await sleep(50);
  assert.equal(await watchCount(), before, 'the upstream watch stayed open after every subscriber left');
});

test('no upstream watch outlives a flood of subscriptions that left while their lists were in flight', async () => {
  const before = await watchCount();
  // Lists are held back, so every shared watch below is closed (idle, 300 ms) before its list returns:
  // the moment at which client-node's ListWatch would still start its watch.
  cluster.relay.freeze();
  const clients = await Promise.all(Array.from({ length: 4 }, () => connectSocket(server.url)));
  const ids = Array.from({ length: 10 }, (_, j) => `flood-${j}`);
  const acks = await Promise.all(
    clients.flatMap((c, i) => ids.map((id) => c.timeout(10_000).emitWithAck('watch:subscribe', { id, target: target(`w-flood-${i}-${id}`) }))),
  );
  assert.ok(acks.every((a) => a.ok));
  for (const c of clients.slice(0, 2)) {
    ids.forEach((id) => c.emit('watch:unsubscribe', { id }));
    await c.timeout(10_000).emitWithAck('server:ping');
  }
  clients.slice(2).forEach((c) => c.close());
  // Well past the idle timeout: a window in which the watches must close, not a wait for a result.
  await sleep(2_000);
  cluster.relay.thaw();

  // Once a later subscription has its snapshot, the held-back lists have been answered too.
  const probe = await recordWatch(clients[0], 'probe', target('w-flood-probe'));
  await probe.until((r) => r.snapshots === 1);
  const deadline = Date.now() + 10_000;
  while ((await watchCount()) !== before + 1 && Date.now() < deadline) await sleep(100);
  assert.equal((await watchCount()) - before, 1, 'upstream watches stayed open after their subscribers left');
  clients.forEach((c) => c.close());
  while ((await watchCount()) !== before && Date.now() < deadline + 5_000) await sleep(100);
  await sleep(1_000);
  assert.equal(await watchCount(), before, 'an upstream watch was opened after everyone left');
});

test('a watch whose resourceVersion expired (410) relists and the list stays exact', async () => {
  await createNamespace('w-gone');
  await createPod('w-gone', 'keep');
  await createPod('w-gone', 'doomed');
  const rec = await recordWatch(await socket(), 'gone', target('w-gone'));
  await rec.until((r) => r.snapshots === 1);

  // The console stops hearing the cluster while more changes happen than its watch history (20) holds.
  cluster.relay.freeze();
  await cluster.api('DELETE', `${pods('w-gone')}/doomed`, { gracePeriodSeconds: 0 });
  for (let i = 0; i < 25; i++) await createPod('w-gone', `new-${i}`);
  cluster.relay.cut();

  const want = await apiNames('w-gone');
  await rec.until((r) => r.names().join() === want.join(), 15_000);
  assert.ok(!rec.names().includes('doomed'));
  // ListWatch relisted on its own: no failure, no reconnect, no second snapshot.
  assert.deepEqual(rec.statuses, []);
  assert.equal(rec.snapshots, 1);
});

test('when the cluster goes away the subscriber hears "reconnecting", then gets a fresh snapshot', async () => {
  await createNamespace('w-down');
  await createPod('w-down', 'before');
  const rec = await recordWatch(await socket(), 'down', target('w-down'));
  await rec.until((r) => r.snapshots === 1);

  await cluster.relay.stop();
  await rec.until((r) => r.statuses.some((s) => s.state === 'reconnecting'));
  const status = rec.statuses.find((s) => s.state === 'reconnecting')!;
  assert.equal(status.status?.code, 503);
  assert.equal(typeof status.retryInMs, 'number');
  await createPod('w-down', 'during');
  await cluster.api('DELETE', `${pods('w-down')}/before`, { gracePeriodSeconds: 0 });
  await cluster.relay.start();

  await rec.until((r) => r.snapshots >= 2, 20_000);
  await rec.until((r) => r.names().join() === 'during');
});

test('a client that reconnects and subscribes again gets a fresh snapshot', async () => {
  await createNamespace('w-again');
  await createPod('w-again', 'x');
  const first = await socket();
  const rec = await recordWatch(first, 'again', target('w-again'));
  await rec.until((r) => r.snapshots === 1);
  first.disconnect();
  await createPod('w-again', 'y');
  first.connect();
  await new Promise<void>((resolve) => first.once('connect', () => resolve()));
  const again = await recordWatch(first, 'again', target('w-again'));
  await again.until((r) => r.snapshots === 1);
  await again.until((r) => r.names().join() === 'x,y');
});

test('one socket is refused past its subscription limit with a 429 Status; another socket is not', async () => {
  await createNamespace('w-limit');
  await createPod('w-limit', 'p');
  const greedy = await socket();
  const subscribe = (s: TestSocket, id: string) => s.timeout(10_000).emitWithAck('watch:subscribe', { id, target: target('w-limit', { labelSelector: `n!=${id}` }) });
  const acks = await Promise.all(Array.from({ length: SOCKET_LIMITS.watchSubscriptions }, (_, i) => subscribe(greedy, `s-${i}`)));
  assert.ok(acks.every((a) => a.ok));
  const refused = await subscribe(greedy, 'one-too-many');
  assert.equal(!refused.ok && refused.status.code, 429);
  assert.match(!refused.ok ? (refused.status.message ?? '') : '', new RegExp(`already has ${SOCKET_LIMITS.watchSubscriptions} watch subscriptions open`));
  // Leaving one makes room again.
  greedy.emit('watch:unsubscribe', { id: 's-0' });
  assert.ok((await subscribe(greedy, 'again')).ok);
  const other = await recordWatch(await socket(), 'other', target('w-limit'));
  await other.until((r) => r.names().join() === 'p');
  greedy.close();
});

test('subscribing to an unknown context is refused with a 404 Status', async () => {
  const rec = await recordWatch(await socket(), 'nope', { ...target('default'), context: 'no-such-context' });
  assert.equal(rec.ack.ok, false);
  assert.equal(!rec.ack.ok && rec.ack.status.code, 404);
});

test('a resource the cluster does not serve ends the subscription with the 404 Status', async () => {
  const rec = await recordWatch(await socket(), 'gizmos', { context: 'relayed', version: 'v1', resource: 'gizmos', namespace: 'default' });
  assert.deepEqual(rec.ack, { ok: true });
  await rec.until((r) => r.statuses.some((s) => s.state === 'error'));
  assert.equal(rec.statuses[0].status?.code, 404);
  assert.equal(rec.snapshots, 0);
});
