import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LogEnd, LogError, LogTarget } from '@/lib/contract/logs';
import { logLinesOf } from '@/lib/contract/log-wire';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { SOCKET_LIMITS } from '../socket-limits';
import { connectSocket, recordWatch, type TestSocket } from '../watch-hub/socket-client';
import { podManifest, startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

let cluster: TestCluster;
let server: ConsoleProcess;
const sockets: TestSocket[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NS = 'logs';
const target = (pod: string, extra: Partial<LogTarget> = {}): LogTarget => ({ context: 'relayed', namespace: NS, pod, ...extra });

async function runningPod(name: string, linesPerSecond: number): Promise<void> {
  await cluster.api('POST', `/api/v1/namespaces/${NS}/pods`, podManifest(name, {}, { image: 'pilothouse/loggen', env: { LINES_PER_SECOND: String(linesPerSecond) } }));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const pod = await cluster.api<{ status?: { phase?: string } }>('GET', `/api/v1/namespaces/${NS}/pods/${name}`);
    if (pod.status?.phase === 'Running') return;
    await sleep(100);
  }
  throw new Error(`pod ${name} did not reach Running`);
}

/** A log subscription's record; `ackDelayMs` makes a slow reader. */
async function readLog(socket: TestSocket, id: string, logTarget: LogTarget, ackDelayMs = 0) {
  const record = { lines: [] as string[], end: undefined as LogEnd | undefined, error: undefined as LogError | undefined, batches: 0 };
  socket.on('log:lines', (batch, ack) => {
    if (batch.id !== id) return;
    record.batches++;
    record.lines.push(...logLinesOf(batch.data));
    if (ackDelayMs > 0) setTimeout(ack, ackDelayMs);
    else ack();
  });
  socket.on('log:end', (end) => end.id === id && (record.end = end));
  socket.on('log:error', (error) => error.id === id && (record.error = error));
  const ack = await socket.timeout(10_000).emitWithAck('log:subscribe', { id, target: logTarget });
  return { ...record, ack, get state() { return record; } };
}

const until = async (predicate: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
};
const numbers = (lines: string[]) => lines.map((l) => /loggen line (\d+):/.exec(l)?.[1]).filter(Boolean).map(Number);

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' }, clock: { mode: 'test' } });
  server = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: NS } });
  await runningPod('gen', 50);
});

after(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop('SIGKILL');
  await cluster?.stop();
});

const socket = async () => {
  const s = await connectSocket(server.url);
  sockets.push(s);
  return s;
};

test('tail: the last lines, then an end with reason "complete"', async () => {
  await sleep(500);
  const log = await readLog(await socket(), 'tail', target('gen', { tailLines: 5 }));
  assert.deepEqual(log.ack, { ok: true });
  await until(() => log.state.end !== undefined);
  assert.equal(log.state.lines.length, 5);
  assert.deepEqual(log.state.end, { id: 'tail', reason: 'complete' });
  const n = numbers(log.state.lines);
  assert.deepEqual(n, n.map((_, i) => n[0] + i), 'consecutive');
});

test('follow: new lines keep arriving in order, with timestamps when asked', async () => {
  const log = await readLog(await socket(), 'follow', target('gen', { follow: true, tailLines: 0, timestamps: true }));
  await until(() => numbers(log.state.lines).length >= 30);
  const n = numbers(log.state.lines);
  assert.deepEqual(n, n.map((_, i) => n[0] + i), 'no line lost or out of order');
  assert.match(log.state.lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z /);
  assert.equal(log.state.end, undefined);
});

test('a slow reader gets every line: the BFF waits for acks instead of dropping', async () => {
  await runningPod('fast', 2000);
  const log = await readLog(await socket(), 'slow', target('fast', { follow: true }), 150);
  await until(() => numbers(log.state.lines).length >= 5000, 30_000);
  const n = numbers(log.state.lines);
  assert.equal(n[0], 1);
  assert.deepEqual(n, n.map((_, i) => i + 1), 'no line lost');
  assert.ok(log.state.batches < n.length / 10, 'lines are batched');
});

test('the upstream stream closes when the reader unsubscribes or disconnects', async () => {
  // Readers of the earlier tests leave first.
  sockets.splice(0).forEach((old) => old.close());
  await sleep(300);
  const s = await socket();
  const flowing = async () => {
    const before = cluster.relay.bytesDown;
    await sleep(600);
    return cluster.relay.bytesDown - before;
  };
  assert.equal(await flowing(), 0, 'nothing flows before anyone reads');
  const log = await readLog(s, 'leave', target('gen', { follow: true }));
  await until(() => log.state.lines.length > 0);
  assert.ok((await flowing()) > 0);
  s.emit('log:unsubscribe', { id: 'leave' });
  await until(() => log.state.end !== undefined);
  assert.equal(log.state.end?.reason, 'unsubscribed');
  await sleep(200);
  assert.equal(await flowing(), 0, 'the upstream log still flows after unsubscribe');

  const other = await socket();
  const again = await readLog(other, 'gone', target('gen', { follow: true }));
  await until(() => again.state.lines.length > 0);
  other.disconnect();
  await sleep(200);
  assert.equal(await flowing(), 0, 'the upstream log still flows after the reader disconnected');
});

test('a followed log ends with "pod-deleted" when its pod is deleted', async () => {
  await runningPod('short', 20);
  const log = await readLog(await socket(), 'del', target('short', { follow: true }));
  await until(() => log.state.lines.length > 0);
  await cluster.api('DELETE', `/api/v1/namespaces/${NS}/pods/short`, {});
  await until(() => log.state.end !== undefined);
  assert.equal(log.state.end?.reason, 'pod-deleted');
});

test('one socket is refused past its log-stream limit, and a flood of streams starves no one else', async () => {
  await runningPod('quiet', 1);
  // Followers that never ack their lines: each holds its upstream connection for as long as it is open.
  const follow = (s: TestSocket, id: string) =>
    s.timeout(10_000).emitWithAck('log:subscribe', { id, target: target('quiet', { follow: true, tailLines: 0 }) });
  const fill = async (s: TestSocket) => Promise.all(Array.from({ length: SOCKET_LIMITS.logStreams }, (_, i) => follow(s, `flood-${i}`)));
  const flood = await socket();
  assert.ok((await fill(flood)).every((a) => a.ok));
  const refused = await follow(flood, 'one-too-many');
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.status.code, 429);
  assert.equal(!refused.ok && refused.status.reason, 'TooManyRequests');
  assert.match(!refused.ok ? (refused.status.message ?? '') : '', new RegExp(`already has ${SOCKET_LIMITS.logStreams} log streams open`));
  // More sockets take more streams than the console's pool of one-shot connections (64) has sockets.
  for (let i = 0; i * SOCKET_LIMITS.logStreams <= 64; i++) assert.ok((await fill(await socket())).every((a) => a.ok));

  // Someone else still reads a log and gets a watched list (a list request) promptly.
  const other = await socket();
  const log = await readLog(other, 'other', target('gen', { tailLines: 3 }));
  await until(() => log.state.end !== undefined, 10_000);
  assert.equal(log.state.lines.length, 3);
  const pods = await recordWatch(other, 'pods', { context: 'relayed', version: 'v1', resource: 'pods', namespace: NS });
  await pods.until((r) => r.snapshots === 1, 10_000);
  assert.ok(pods.names().includes('quiet'));
});

test("a log that cannot be read is an error with the server's Status", async () => {
  const log = await readLog(await socket(), 'missing', target('no-such-pod'));
  await until(() => log.state.error !== undefined);
  assert.equal(log.state.error?.status.code, 404);
  assert.equal(log.state.error?.status.message, 'pods "no-such-pod" not found');
  const bad = await (await socket()).timeout(5000).emitWithAck('log:subscribe', { id: 'x', target: { ...target('gen'), namespace: 'Bad_NS' } });
  assert.equal(bad.ok, false);
});
