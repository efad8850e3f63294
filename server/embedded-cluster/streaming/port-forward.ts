/**
 * `pods/portforward` as the kubelet's CRI streaming server and containerd serve it
 * (kubelet/cri/streaming/portforward/httpstream.go, containerd sandbox_portforward_linux.go): every
 * forwarded connection is a pair of SPDY streams with the same `requestID`, `streamType` error and
 * data, and the `port` header. The data stream is dialled to that port inside the pod's network
 * namespace; nothing listening is containerd's error, written on the error stream, and the pair is
 * closed. The containers' apps speak HTTP, so the data stream is served by an HTTP server whose
 * requests go to the container listening on the port, from 127.0.0.1 as a real dial from inside the
 * namespace comes. The session ends when the pod's containers are gone.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { PodNetwork } from '../kubelet/streaming';
import type { ContainerInstance } from '../kubelet/runtime';
import { SpdySession, type SpdyStream } from './spdy/session';

/** The stream protocol of SPDY port-forward, and its WebSocket tunnelling subprotocol. */
export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
export const PORT_FORWARD_WEBSOCKET_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

// The kubelet's streamCreationTimeout: a pair not complete by then is dropped.
const PAIR_TIMEOUT_MS = 30_000;

/** Where a data stream's HTTP requests go. */
const dialled = new WeakMap<Duplex, { instance: ContainerInstance; port: number }>();

// One HTTP server parses every forwarded connection; it never listens on a port of its own.
const forwarded = createServer((req, res) => void answer(req, res));

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = dialled.get(req.socket);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!target?.instance.listens(target.port)) {
    req.socket.destroy();
    return;
  }
  const reply = await target.instance.request(target.port, { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks), remoteAddress: '127.0.0.1' });
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  res.writeHead(reply.status, { Date: new Date().toUTCString(), 'Content-Length': String(body.length), ...reply.headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** containerd's refusal for a port nobody listens on, as the kubelet wraps it (pod: sandbox ID, empty uid). */
export function refusedMessage(network: PodNetwork, port: number): string {
  const inside = `failed to connect to localhost:${port} inside namespace "${network.sandboxID}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
  return `error forwarding port ${port} to pod ${network.sandboxID}, uid : failed to execute portforward in network namespace "${network.netnsPath}": ${inside}`;
}

/** Serves port-forward streams on a SPDY transport until it closes or the pod goes. */
export async function servePortForward(options: { transport: Duplex; network: PodNetwork; pod: { namespace: string; name: string }; streams: Map<string, number> }): Promise<void> {
  const { network, streams } = options;
  const pairs = new Map<string, { error?: SpdyStream; data?: SpdyStream; timer: NodeJS.Timeout }>();
  const session = new SpdySession(options.transport, {
    count: (delta) => streams.set('portforward', (streams.get('portforward') ?? 0) + delta),
    onStream: (stream) => {
      const type = stream.headers.get('streamtype');
      if (type !== 'error' && type !== 'data') {
        stream.destroy();
        return;
      }
      // Old clients sent no requestID: the data stream then follows its error stream (ID + 2).
      const requestID = stream.headers.get('requestid') ?? String(type === 'error' ? stream.id : stream.id - 2);
      let pair = pairs.get(requestID);
      if (!pair) {
        const timer = setTimeout(() => {
          pairs.delete(requestID);
          pair?.error?.end('timed out waiting for streams');
          pair?.data?.destroy();
        }, PAIR_TIMEOUT_MS);
        timer.unref();
        pair = { timer };
        pairs.set(requestID, pair);
      }
      pair[type] = stream;
      stream.on('error', () => stream.destroy());
      if (pair.error && pair.data) {
        clearTimeout(pair.timer);
        pairs.delete(requestID);
        forward(pair.error, pair.data);
      }
    },
  });

  function forward(error: SpdyStream, data: SpdyStream): void {
    error.resume();
    const port = Number(data.headers.get('port'));
    const instance = Number.isInteger(port) && port > 0 && port < 65536 ? network.listener(port) : undefined;
    if (!instance) {
      error.end(refusedMessage(network, port));
      data.end();
      return;
    }
    dialled.set(data, { instance, port });
    // The kubelet closes the error stream once the forwarded connection is over.
    data.once('close', () => error.end());
    forwarded.emit('connection', data);
  }

  const onGone = () => session.close();
  network.gone.addEventListener('abort', onGone, { once: true });
  if (network.gone.aborted) onGone();
  await session.done;
  network.gone.removeEventListener('abort', onGone);
  for (const pair of pairs.values()) clearTimeout(pair.timer);
}
