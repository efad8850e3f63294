/**
 * Socket subscribers for bench/event-bench.ts, in a worker thread, so their work neither delays the writers
 * and the API server on the main thread nor is delayed by them. Each speaks the socket.io protocol (engine.io
 * v4 over a WebSocket, as the console's client connects) with `ws` directly: a message is timed when its frame
 * arrives and its `bench-mark` labels are found with a regular expression, without parsing the pods in it.
 * 200 socket.io-client instances parsing every batch cost this 2-core machine more CPU than the BFF's whole
 * fan-out, and that decoding belongs to 200 browsers elsewhere, not to the delivery being measured.
 * Times are absolute (`performance.timeOrigin + performance.now()`), comparable across threads. Messages:
 * `{ op: 'connect' }` opens `workerData.clients` sockets, subscribes each and answers once every snapshot
 * arrived; `{ op: 'collect' }` answers with the receipt times of every `bench-mark` seen so far.
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const { bffUrl, context, namespace, clients, view } = workerData;
const now = () => performance.timeOrigin + performance.now();
const MARK = /"bench-mark":"(m\d+)"/g;
/** mark -> receipt times, one per client that saw it. */
const received = new Map();
const sockets = [];

/** One subscriber: resolves once its subscription was acknowledged and its snapshot arrived. */
function subscriber(index) {
  const url = `${bffUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const ws = new WebSocket(url, { headers: { origin: bffUrl } });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    let snapshot = false;
    let acked = false;
    // A later change to the same pod (its status, say) carries the label again: only the first receipt counts.
    const seen = new Set();
    ws.on('error', reject);
    ws.on('message', (data) => {
      const at = now();
      const text = data.toString();
      if (text === '2') return ws.send('3'); // engine.io ping -> pong
      if (text.startsWith('0')) return ws.send('40'); // open -> connect to the main namespace
      if (text.startsWith('40')) {
        // `view: 'rows'` as the Pods page subscribes; rows carry the labels, so the marks are found the same way.
        const target = { context, version: 'v1', resource: 'pods', namespace, ...(view ? { view } : {}) };
        return ws.send(`420${JSON.stringify(['watch:subscribe', { id: `bench-${index}`, target }])}`);
      }
      if (text.startsWith('430')) {
        const [ack] = JSON.parse(text.slice(3));
        if (!ack.ok) return reject(new Error(`subscribe refused: ${ack.status?.message}`));
        acked = true;
      } else if (text.startsWith('42["watch:snapshot"')) snapshot = true;
      else if (text.startsWith('42["watch:events"')) {
        for (const [, mark] of text.matchAll(MARK)) {
          if (seen.has(mark)) continue;
          seen.add(mark);
          const times = received.get(mark) ?? [];
          times.push(at);
          received.set(mark, times);
        }
      }
      if (acked && snapshot) resolve();
    });
  });
}

parentPort?.on('message', (message) => {
  if (message.op === 'connect') {
    (async () => {
      for (let i = 0; i < clients; i++) await subscriber(`${workerData.offset ?? 0}-${i}`);
    })().then(
      () => parentPort?.postMessage({ ok: true }),
      (error) => parentPort?.postMessage({ ok: false, error: String(error) }),
    );
  } else if (message.op === 'collect') {
    parentPort?.postMessage({ ok: true, received: Object.fromEntries(received) });
  } else if (message.op === 'close') {
    sockets.forEach((ws) => ws.close());
    parentPort?.postMessage({ ok: true });
  }
});
