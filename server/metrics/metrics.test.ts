import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from '../watch-hub/socket-client';
import { podManifest, startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

let cluster: TestCluster;
let server: ConsoleProcess;
let metricsUrl: string;
const sockets: TestSocket[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' } });
  server = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false', PILOTHOUSE_METRICS_PORT: '0' });
  // The metrics listener is up right after the console's own (it says so on the next line).
  for (let i = 0; !/metrics on (http:\/\/\S+)/.test(server.output()); i++) {
    if (i > 200) throw new Error(`no metrics listener:\n${server.output()}`);
    await sleep(25);
  }
  metricsUrl = /metrics on (http:\/\/\S+)/.exec(server.output())![1].replace(/["}].*$/, '');
});

after(async () => {
  for (const socket of sockets) socket.close();
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, the samples only. */
function parse(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

async function scrape(): Promise<{ text: string; value: (name: string, labels?: Record<string, string>) => number }> {
  const res = await fetch(metricsUrl);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  const samples = parse(text);
  // The sum over every series of `name` whose labels include `labels`.
  const value = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
  return { text, value };
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function socket(): Promise<TestSocket> {
  const s = await connectSocket(server.url);
  sockets.push(s);
  return s;
}

test('every family is there, with prom-client\'s process metrics', async () => {
  const { text } = await scrape();
  for (const family of [
    'pilothouse_http_request_duration_seconds',
    'pilothouse_sockets_open',
    'pilothouse_subscriptions',
    'pilothouse_upstream_watches',
    'pilothouse_upstream_watch_lists_total',
    'pilothouse_watch_events_fanned_out_total',
    'pilothouse_log_bytes_streamed_total',
    'pilothouse_upstream_request_duration_seconds',
    'process_cpu_user_seconds_total',
    'process_resident_memory_bytes',
    'nodejs_eventloop_lag_seconds',
  ]) {
    assert.match(text, new RegExp(`^# TYPE ${family} `, 'm'), family);
  }
});

test('an HTTP request is counted by its route pattern and code, and its upstream request by context', async () => {
  const route = { route: '/api/clusters/[context]/k8s/[...path]', method: 'GET', code: '200' };
  const before = await scrape();
  const res = await fetch(`${server.url}/api/clusters/relayed/k8s/api/v1/namespaces/default/pods/kubia-zxzij`);
  assert.equal(res.status, 200);
  assert.equal((await fetch(`${server.url}/api/clusters/relayed/k8s/api/v1/namespaces/default/pods/no-such-pod`)).status, 404);
  assert.equal((await (await fetch(`${server.url}/pods/default/kubia-zxzij?labelSelector=run%3Dkubia`)).text()).length > 0, true);
  const after = await scrape();
  assert.equal(after.value('pilothouse_http_request_duration_seconds_count', route) - before.value('pilothouse_http_request_duration_seconds_count', route), 1);
  assert.equal(after.value('pilothouse_http_request_duration_seconds_count', { ...route, code: '404' }) - before.value('pilothouse_http_request_duration_seconds_count', { ...route, code: '404' }), 1);
  assert.ok(after.value('pilothouse_http_request_duration_seconds_count', { route: '/pods/[namespace]/[name]', code: '200' }) >= 1);
  const upstream = (s: typeof after, code: string) => s.value('pilothouse_upstream_request_duration_seconds_count', { context: 'relayed', code });
  assert.ok(upstream(after, '200') - upstream(before, '200') >= 1);
  assert.ok(upstream(after, '404') - upstream(before, '404') >= 1);
  // Bounded labels: no namespace, pod or selector from the paths above.
  assert.doesNotMatch(after.text, /kubia|no-such-pod|labelSelector/);
});

test('a socket, its watch subscription and the shared upstream watch are counted while open; events fanned out and relists too', async () => {
  const before = await scrape();
  const s = await socket();
  const watch = await recordWatch(s, 'pods', { context: 'relayed', version: 'v1', resource: 'pods', namespace: 'default' });
  await watch.until((r) => r.snapshots === 1);
  const open = await scrape();
  assert.equal(open.value('pilothouse_sockets_open'), before.value('pilothouse_sockets_open') + 1);
  assert.equal(open.value('pilothouse_subscriptions', { channel: 'watch' }), before.value('pilothouse_subscriptions', { channel: 'watch' }) + 1);
  assert.equal(open.value('pilothouse_upstream_watches'), before.value('pilothouse_upstream_watches') + 1);
  assert.equal(open.value('pilothouse_upstream_watch_lists_total', { kind: 'initial' }), before.value('pilothouse_upstream_watch_lists_total', { kind: 'initial' }) + 1);

  await cluster.api('POST', '/api/v1/namespaces/default/pods', podManifest('metrics-fan-out'));
  await watch.until((r) => r.names().includes('metrics-fan-out'));
  const fanned = await scrape();
  assert.ok(fanned.value('pilothouse_watch_events_fanned_out_total') > open.value('pilothouse_watch_events_fanned_out_total'));

  // The cluster goes away and comes back on the same address: the watch lists again.
  await cluster.relay.stop();
  await watch.until((r) => r.statuses.some((status) => status.state === 'reconnecting'));
  await cluster.relay.start();
  await watch.until((r) => r.snapshots === 2, 20_000);
  assert.ok((await scrape()).value('pilothouse_upstream_watch_lists_total', { kind: 'relist' }) > fanned.value('pilothouse_upstream_watch_lists_total', { kind: 'relist' }));

  s.close();
  await eventually(async () => (await scrape()).value('pilothouse_sockets_open') === before.value('pilothouse_sockets_open'), 'the socket to be gone');
  assert.equal((await scrape()).value('pilothouse_subscriptions', { channel: 'watch' }), before.value('pilothouse_subscriptions', { channel: 'watch' }));
});

test('a log stream is a subscription while open, and its bytes are counted', async () => {
  const s = await socket();
  const before = await scrape();
  let lines = 0;
  s.on('log:lines', (batch, ack) => {
    lines += batch.data.byteLength;
    ack();
  });
  const ack = await s.timeout(10_000).emitWithAck('log:subscribe', { id: 'log', target: { context: 'relayed', namespace: 'default', pod: 'kubia-zxzij', follow: true } });
  assert.deepEqual(ack, { ok: true });
  await eventually(async () => lines > 0, 'log lines');
  const open = await scrape();
  assert.equal(open.value('pilothouse_subscriptions', { channel: 'logs' }), before.value('pilothouse_subscriptions', { channel: 'logs' }) + 1);
  assert.ok(open.value('pilothouse_log_bytes_streamed_total') > before.value('pilothouse_log_bytes_streamed_total'));
  s.emit('log:unsubscribe', { id: 'log' });
  await eventually(async () => (await scrape()).value('pilothouse_subscriptions', { channel: 'logs' }) === before.value('pilothouse_subscriptions', { channel: 'logs' }), 'the log stream to end');
});

test('an exec session is a subscription while open', async () => {
  const s = await socket();
  const before = await scrape();
  let ended = false;
  s.on('exec:close', () => (ended = true));
  const ack = await s.timeout(10_000).emitWithAck('exec:open', { id: 'sh', target: { context: 'relayed', namespace: 'default', pod: 'kubia-zxzij', container: 'kubia', command: ['sh'] }, cols: 80, rows: 24 });
  assert.deepEqual(ack, { ok: true });
  assert.equal((await scrape()).value('pilothouse_subscriptions', { channel: 'exec' }), before.value('pilothouse_subscriptions', { channel: 'exec' }) + 1);
  s.emit('exec:close', { id: 'sh' });
  await eventually(async () => ended, 'the session to end');
  assert.equal((await scrape()).value('pilothouse_subscriptions', { channel: 'exec' }), before.value('pilothouse_subscriptions', { channel: 'exec' }));
});

test('the console\'s own port answers /metrics too (no login in this mode); the metrics port answers nothing else', async () => {
  const own = await fetch(`${server.url}/metrics`);
  assert.equal(own.status, 200);
  assert.match(await own.text(), /^# TYPE pilothouse_sockets_open gauge$/m);
  assert.equal((await fetch(new URL('/pods', metricsUrl))).status, 404);
  assert.equal((await fetch(metricsUrl, { method: 'POST' })).status, 405);
});
