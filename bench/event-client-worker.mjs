/**
 * Socket.io subscribers for bench/event-bench.ts, in a worker thread: decoding what hundreds of clients
 * receive must not slow the writers and the API server on the main thread (nor they the clients). Times are
 * absolute (`performance.timeOrigin + performance.now()`), comparable across threads. Messages:
 * `{ op: 'connect' }` opens `workerData.clients` sockets, subscribes each and answers once every snapshot
 * arrived; `{ op: 'collect' }` answers with the receipt time of every `bench-mark` label seen so far.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const { bffUrl, context, namespace, clients } = workerData;
const now = () => performance.timeOrigin + performance.now();
/** mark -> receipt times, one per client that saw it. */
const received = new Map();
const sockets = [];

async function connectAll() {
  let snapshots = 0;
  for (let i = 0; i < clients; i++) {
    const socket = io(bffUrl, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: bffUrl }, forceNew: true });
    sockets.push(socket);
    socket.on('watch:snapshot', () => snapshots++);
    socket.on('watch:events', (batch) => {
      const at = now();
      for (const event of batch.events) {
        const mark = event.object?.metadata?.labels?.['bench-mark'];
        if (!mark) continue;
        const times = received.get(mark) ?? [];
        times.push(at);
        received.set(mark, times);
      }
    });
    await new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const ack = await socket.timeout(60_000).emitWithAck('watch:subscribe', { id: `bench-${i}`, target: { context, version: 'v1', resource: 'pods', namespace } });
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.status.message}`);
  }
  while (snapshots < clients) await new Promise((resolve) => setTimeout(resolve, 20));
}

parentPort?.on('message', (message) => {
  if (message.op === 'connect') {
    connectAll().then(
      () => parentPort?.postMessage({ ok: true }),
      (error) => parentPort?.postMessage({ ok: false, error: String(error) }),
    );
  } else if (message.op === 'collect') {
    parentPort?.postMessage({ ok: true, received: Object.fromEntries(received) });
  } else if (message.op === 'close') {
    sockets.forEach((socket) => socket.close());
    parentPort?.postMessage({ ok: true });
  }
});
