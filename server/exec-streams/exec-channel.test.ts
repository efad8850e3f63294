import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ExecEnd } from '@/lib/contract/exec';
import { rawRequest } from '../embedded-cluster/testing/raw-request';
import { startConsole, type ConsoleProcess } from '../testing/console-process';
import { connectSocket, type TestSocket } from '../watch-hub/socket-client';
import { podManifest, startTestCluster, type TestCluster } from '../watch-hub/test-cluster';

let cluster: TestCluster;
let server: ConsoleProcess;
const sockets: TestSocket[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const NS = 'exec';
const target = (extra: Record<string, unknown> = {}) => ({ context: 'relayed', namespace: NS, pod: 'web', container: 'main', command: ['sh'], ...extra });

const until = async (predicate: () => boolean, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
};

/** Opens a session and records what comes back for it. */
async function open(socket: TestSocket, id: string, extra: Record<string, unknown> = {}) {
  const record = { output: '', end: undefined as ExecEnd | undefined };
  socket.on('exec:data', (data) => data.id === id && (record.output += data.data));
  socket.on('exec:close', (end) => end.id === id && (record.end = end));
  const ack = await socket.timeout(10_000).emitWithAck('exec:open', { id, target: target(extra), cols: 100, rows: 30 });
  return { record, ack };
}

before(async () => {
  cluster = await startTestCluster({ seed: { name: 'demo' }, clock: { mode: 'test' } });
  server = await startConsole({ KUBECONFIG: cluster.kubeconfigPath, PILOTHOUSE_EMBEDDED: 'false' });
  await cluster.api('POST', '/api/v1/namespaces', { metadata: { name: NS } });
  await cluster.api('POST', `/api/v1/namespaces/${NS}/pods`, podManifest('web'));
  const deadline = Date.now() + 20_000;
  while ((await cluster.api<{ status?: { phase?: string } }>('GET', `/api/v1/namespaces/${NS}/pods/web`)).status?.phase !== 'Running') {
    if (Date.now() > deadline) throw new Error('pod web did not reach Running');
    await sleep(100);
  }
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

test('a TTY session: prompt, keystrokes, terminal size, and the exit code at the end', async () => {
  const s = await socket();
  const { record, ack } = await open(s, 'tty');
  assert.deepEqual(ack, { ok: true });
  await until(() => record.output.endsWith('# '), 'the prompt');
  s.emit('exec:data', { id: 'tty', data: 'hostname\r' });
  await until(() => record.output.includes('hostname\r\nweb\r\n# '), 'hostname');
  s.emit('exec:resize', { id: 'tty', cols: 120, rows: 40 });
  await sleep(100);
  s.emit('exec:data', { id: 'tty', data: 'stty size\r' });
  await until(() => record.output.includes('40 120\r\n'), 'the new size');
  s.emit('exec:data', { id: 'tty', data: 'exit 3\r' });
  await until(() => record.end !== undefined, 'the end');
  assert.deepEqual(record.end, { id: 'tty', reason: 'exited', exitCode: 3 });
});

test('a command the container does not have fails with the exec error', async () => {
  const { record } = await open(await socket(), 'missing', { command: ['foo'] });
  await until(() => record.end !== undefined, 'the end');
  assert.equal(record.end?.reason, 'failed');
  assert.match(record.end?.reason === 'failed' ? (record.end.status.message ?? '') : '', /exec: "foo": executable file not found in \$PATH/);
});

test('bad requests are refused with a Status', async () => {
  const { ack } = await open(await socket(), 'bad', { command: [] });
  assert.equal(ack.ok, false);
  assert.match(ack.ok ? '' : (ack.status.message ?? ''), /^invalid exec:open: target\.command/);
});

test('exec:close and a disconnect close the session upstream', async () => {
  const connects = async () => Number(/apiserver_longrunning_requests\{[^}]*subresource="exec",verb="CONNECT"[^}]*\} (\d+)/.exec((await rawRequest(cluster.cluster, { path: '/metrics', token: cluster.cluster.tokens.admin })).body)?.[1] ?? 0);
  const s = await socket();
  const { record } = await open(s, 'closing');
  await until(() => record.output.endsWith('# '), 'the prompt');
  s.emit('exec:close', { id: 'closing' });
  await until(() => record.end !== undefined, 'the end');
  assert.deepEqual(record.end, { id: 'closing', reason: 'closed' });
  const other = await socket();
  const second = await open(other, 'dropped');
  await until(() => second.record.output.endsWith('# '), 'the prompt');
  other.close();
  const deadline = Date.now() + 15_000;
  while ((await connects()) !== 0) {
    if (Date.now() > deadline) throw new Error('exec sessions still open upstream');
    await sleep(50);
  }
});
