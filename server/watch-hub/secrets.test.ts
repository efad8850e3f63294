import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_SECRET } from '../embedded-cluster';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket, recordWatch, type TestSocket } from './socket-client';
import { startTestCluster, type TestCluster } from './test-cluster';

// A Secret's value may reach the browser, the console's memory or its log only when a user asks for that key.
let cluster: TestCluster;
let server: ConsoleProcess;
let socket: TestSocket;
const heapDir = mkdtempSync(join(tmpdir(), 'pilothouse-heap-'));
const frames: string[] = [];
// Made up at run time: a literal would be in the console's memory anyway, as source code.
const PASSWORD = `pw-${randomUUID()}`;
const APPLIED = `applied-${randomUUID()}`;
const WATCHED = 'watched';
/** Every way a value could travel: as text, as base64, inside a last-applied annotation. */
const leaks = (text: string) => [PASSWORD, APPLIED].flatMap((v) => [v, Buffer.from(v).toString('base64')]).filter((v) => text.includes(v));
const secrets = `/api/v1/namespaces/${DEMO_SECRET.namespace}/secrets`;

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' }, clock: { mode: 'test' } });
  await cluster.api('POST', secrets, { metadata: { name: WATCHED }, stringData: { password: PASSWORD } });
  // As `kubectl apply` leaves it: the whole manifest, value included, in an annotation.
  const manifest = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'applied', namespace: 'default' }, stringData: { token: APPLIED } };
  await cluster.api('POST', secrets, { ...manifest, metadata: { ...manifest.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(manifest) } } });
  server = await startConsole({
    KUBECONFIG: cluster.kubeconfigPath,
    PILOTHOUSE_EMBEDDED: 'false',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir}`,
  });
  socket = await connectSocket(server.url);
  socket.onAny((event, ...args) => frames.push(JSON.stringify([event, ...args])));
});

after(async () => {
  socket?.close();
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

const proxied = (path: string, accept = 'application/json') => fetch(`${server.url}/api/clusters/relayed/k8s${path}`, { headers: { accept } });

test('a watched list of Secrets carries names, labels and keys of nothing: no data, no last-applied value', async () => {
  const rec = await recordWatch(socket, 'secrets', { context: 'relayed', version: 'v1', resource: 'secrets', namespace: DEMO_SECRET.namespace });
  assert.deepEqual(rec.ack, { ok: true });
  await rec.until((r) => [DEMO_SECRET.name, WATCHED, 'applied'].every((n) => r.names().includes(n)));
  const applied = rec.list?.items.find((i) => i.metadata?.name === 'applied') as { data?: unknown; metadata: { annotations?: Record<string, string> } };
  assert.equal(applied.data, undefined);
  assert.equal(applied.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'], undefined);

  // A change of value comes as an event, still without it.
  await cluster.api('PATCH', `${secrets}/${WATCHED}`, { metadata: { labels: { rotated: 'yes' } }, stringData: { password: `${PASSWORD}-2` } }, { 'content-type': 'application/merge-patch+json' });
  await rec.until((r) => r.list?.items.some((i) => i.metadata?.name === WATCHED && i.metadata.labels?.rotated === 'yes') ?? false);
  assert.deepEqual(leaks(frames.join('\n')), []);
});

test("the watch hub keeps no Secret value: a heap snapshot of the console holds none", async () => {
  server.child.kill('SIGUSR2');
  // The snapshot is written progressively: read it once it is whole (its JSON closes) and no longer grows.
  const deadline = Date.now() + 120_000;
  let text = '';
  while (Date.now() < deadline) {
    const file = readdirSync(heapDir).find((f) => f.endsWith('.heapsnapshot'));
    const read = file ? readFileSync(join(heapDir, file), 'utf8') : '';
    if (read.length > 0 && read.length === text.length && read.trimEnd().endsWith(']}')) break;
    text = read;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.ok(text.trimEnd().endsWith(']}'), 'no complete heap snapshot was written');
  assert.ok(text.includes(WATCHED), 'a snapshot with the watched names in it');
  assert.deepEqual(leaks(text), []);
});

test('Secrets through the REST proxy: lists, objects and tables without values, whatever the Accept', async () => {
  for (const [path, accept] of [
    [secrets, 'application/json'],
    [`${secrets}/${WATCHED}`, 'application/json'],
    [`${secrets}/applied`, 'application/vnd.kubernetes.protobuf'],
    [secrets, 'application/yaml'],
    [secrets, 'application/json;as=Table;v=v1;g=meta.k8s.io'],
  ]) {
    const res = await proxied(`${path}?includeObject=Object`, accept);
    const text = await res.text();
    assert.equal(res.status, 200, `${path} ${accept}: ${text}`);
    assert.deepEqual(leaks(text), [], `${path} ${accept}`);
    assert.doesNotMatch(text, /"data":/, `${path} ${accept}`);
  }
  const labelled = await fetch(`${server.url}/api/clusters/relayed/k8s${secrets}/applied`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/merge-patch+json', 'x-pilothouse-request': '1' },
    body: JSON.stringify({ metadata: { labels: { team: 'a' } } }),
  });
  assert.equal(labelled.status, 200);
  assert.deepEqual(leaks(await labelled.text()), [], 'a write answers with the object, redacted');
});

test('one value is revealed on request, never cached, and never written to the log', async () => {
  const reveal = (key: string, headers: Record<string, string> = { 'x-pilothouse-request': '1' }) =>
    fetch(`${server.url}/api/clusters/relayed/secrets/${DEMO_SECRET.namespace}/${WATCHED}/reveal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ key }),
    });
  const res = await reveal('password');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await res.json(), { key: 'password', value: `${PASSWORD}-2`, base64: Buffer.from(`${PASSWORD}-2`).toString('base64') });
  assert.equal((await reveal('password', {})).status, 403, 'only the console pages may ask');
  const missing = await reveal('nope');
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).message, `secret "${WATCHED}" has no key "nope"`);
  assert.equal((await reveal('../x')).status, 400);
  assert.deepEqual(leaks(server.output()), []);
});
