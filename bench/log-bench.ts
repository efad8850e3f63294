import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/socket-events';
import type { DirectClient } from './direct-client';
import { median } from './stats';
import { logLinesOf } from '@/lib/contract/log-wire';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LogThroughputResult {
  lines: number;
  directLinesPerSecond: number;
  bffLinesPerSecond: number;
}

/** Reads one whole container log straight from the API server. */
async function readDirect(direct: DirectClient, path: string): Promise<{ lines: number; ms: number }> {
  const start = performance.now();
  const { text } = await direct.request('GET', path);
  return { lines: text.split('\n').filter((l) => l.length > 0).length, ms: performance.now() - start };
}

/** Reads the same log through `log:subscribe`, acking every batch as a page would. */
async function readThroughBff(socket: ClientSocket, target: { context: string; namespace: string; pod: string }, id: string): Promise<{ lines: number; ms: number }> {
  let lines = 0;
  const start = performance.now();
  const done = new Promise<void>((resolve, reject) => {
    socket.on('log:lines', (batch, ack) => {
      if (batch.id !== id) return;
      lines += logLinesOf(batch.data).length;
      ack();
    });
    socket.on('log:end', (end) => end.id === id && resolve());
    socket.on('log:error', (error) => error.id === id && reject(new Error(error.status.message)));
  });
  const ack = await socket.timeout(30_000).emitWithAck('log:subscribe', { id, target });
  if (!ack.ok) throw new Error(ack.status.message);
  await done;
  return { lines, ms: performance.now() - start };
}

/** Lines per second reading a finished log of `pod`, `runs` times each way; medians reported. */
export async function benchLogThroughput(options: { bffUrl: string; context: string; namespace: string; pod: string; direct: DirectClient; runs: number }): Promise<LogThroughputResult> {
  const path = resourcePath({ ...pods, namespace: options.namespace, name: options.pod, subresource: 'log' });
  const socket: ClientSocket = io(options.bffUrl, { path: '/socket.io/', transports: ['websocket'], extraHeaders: { origin: options.bffUrl }, forceNew: true });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const direct: number[] = [];
  const bff: number[] = [];
  let lines = 0;
  for (let run = -1; run < options.runs; run++) {
    const straight = await readDirect(options.direct, path);
    const through = await readThroughBff(socket, { context: options.context, namespace: options.namespace, pod: options.pod }, `log-${run}`);
    if (run < 0) continue;
    lines = straight.lines;
    direct.push((straight.lines / straight.ms) * 1000);
    bff.push((through.lines / through.ms) * 1000);
  }
  socket.close();
  return { lines, directLinesPerSecond: Math.round(median(direct)), bffLinesPerSecond: Math.round(median(bff)) };
}
