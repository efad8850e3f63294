import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/socket-events';
import type { DirectClient } from './direct-client';
import { percentile } from './stats';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface EventLatencyResult {
  clients: number;
  writes: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * `clients` sockets watch one namespace's pods through the BFF; each write (a label patch) is timed from
 * just before the API request to the moment each client receives the MODIFIED event carrying it.
 */
export async function benchEventLatency(options: {
  bffUrl: string;
  context: string;
  namespace: string;
  pod: string;
  direct: DirectClient;
  clients: number;
  writes: number;
  gapMs: number;
}): Promise<EventLatencyResult> {
  const { bffUrl, namespace, pod } = options;
  const sent = new Map<string, number>();
  const samples: number[] = [];
  const sockets: ClientSocket[] = [];
  let snapshots = 0;
  for (let i = 0; i < options.clients; i++) {
    const socket: ClientSocket = io(bffUrl, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: bffUrl }, forceNew: true });
    sockets.push(socket);
    socket.on('watch:snapshot', () => snapshots++);
    socket.on('watch:events', (batch) => {
      const now = performance.now();
      for (const event of batch.events) {
        const mark = (event.object as { metadata?: { labels?: Record<string, string> } }).metadata?.labels?.['bench-mark'];
        const at = mark ? sent.get(mark) : undefined;
        if (at !== undefined) samples.push(now - at);
      }
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ack = await socket.timeout(30_000).emitWithAck('watch:subscribe', { id: 'bench', target: { context: options.context, version: 'v1', resource: 'pods', namespace } });
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.status.message}`);
  }
  while (snapshots < options.clients) await new Promise((resolve) => setTimeout(resolve, 20));

  for (let i = 0; i < options.writes; i++) {
    const mark = `m${i}`;
    sent.set(mark, performance.now());
    const res = await options.direct.request('PATCH', resourcePath({ ...pods, namespace, name: pod }), { metadata: { labels: { 'bench-mark': mark } } }, 'application/merge-patch+json');
    if (res.status !== 200) throw new Error(`patch failed: ${res.status} ${res.text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, options.gapMs));
  }
  const deadline = Date.now() + 10_000;
  while (samples.length < options.clients * options.writes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  sockets.forEach((s) => s.close());
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    clients: options.clients,
    writes: options.writes,
    samples: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(percentile(samples, 100)),
  };
}
