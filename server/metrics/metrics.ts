import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PilothouseRuntime } from '@/lib/server/runtime';
import { methodLabel, routeLabel } from './route-label';

/**
 * The console's Prometheus metrics, in one registry of their own (not prom-client's global one, which any
 * other copy of prom-client in the process would share). Each place that counts calls one function here.
 * Labels are bounded: route patterns, methods, status codes, channel kinds and the console's context names,
 * never a path, a namespace, an object's name or a user.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
const registers = [metricsRegistry];

const httpRequests = new Histogram({
  name: 'pilothouse_http_request_duration_seconds',
  help: 'HTTP requests answered by the console (its _count is the number of requests), by route pattern, method and status code.',
  labelNames: ['route', 'method', 'code'] as const,
  registers,
});

/** What the running server counts from (set once by server/index.ts). */
let live: { openSockets(): number; watches(): { upstreamWatches: number; subscribers: number } } | undefined;

new Gauge({
  name: 'pilothouse_sockets_open',
  help: 'socket.io connections (browser tabs) open now.',
  registers,
  collect() {
    this.set(live?.openSockets() ?? 0);
  },
});

type StreamChannel = 'logs' | 'exec';
const streams: Record<StreamChannel, number> = { logs: 0, exec: 0 };
new Gauge({
  name: 'pilothouse_subscriptions',
  help: 'Subscriptions open now on the sockets, by channel: watch (a live list), logs (a log stream), exec (a shell session).',
  labelNames: ['channel'] as const,
  registers,
  collect() {
    this.set({ channel: 'watch' }, live?.watches().subscribers ?? 0);
    for (const channel of ['logs', 'exec'] as const) this.set({ channel }, streams[channel]);
  },
});

new Gauge({
  name: 'pilothouse_upstream_watches',
  help: 'Shared upstream list+watches open now (one per identity, context and list path, whatever the number of subscribers).',
  registers,
  collect() {
    this.set(live?.watches().upstreamWatches ?? 0);
  },
});

const upstreamLists = new Counter({
  name: 'pilothouse_upstream_watch_lists_total',
  help: 'Lists made by the shared upstream watches: kind=initial when a watch starts, kind=relist after a 410 Gone or a broken watch.',
  labelNames: ['kind'] as const,
  registers,
});

const eventsFannedOut = new Counter({
  name: 'pilothouse_watch_events_fanned_out_total',
  help: 'Watch events sent to subscribers (an upstream event that three subscribers see counts three times).',
  registers,
});

const logBytes = new Counter({
  name: 'pilothouse_log_bytes_streamed_total',
  help: 'Bytes of container logs read from API servers and streamed to readers.',
  registers,
});

const upstreamRequests = new Histogram({
  name: 'pilothouse_upstream_request_duration_seconds',
  help: "Requests to API servers until their response headers, by the console's context name and status code (error: no answer).",
  labelNames: ['context', 'code'] as const,
  registers,
});

/** Gives the gauges what they read: the socket server and the watch hub. */
export function observeServer(server: NonNullable<typeof live>): void {
  live = server;
}

/** Counts one HTTP request when its answer is done (or abandoned: code `aborted`). */
export function observeHttpRequest(req: IncomingMessage, res: ServerResponse): void {
  const done = httpRequests.startTimer({ route: routeLabel(req.url ?? '/'), method: methodLabel(req.method) });
  res.once('close', () => done({ code: res.writableFinished ? String(res.statusCode) : 'aborted' }));
}

/** A log stream or exec session opened; `close` (idempotent) when it ends, however it ends. */
export function openSubscription(channel: StreamChannel): { close(): void } {
  streams[channel]++;
  let open = true;
  return {
    close() {
      if (open) streams[channel]--;
      open = false;
    },
  };
}

const listed = new WeakSet<object>();

/**
 * Wraps a shared watch's list function: its first call is the watch's initial list, every later one (a
 * reconnect, or client-node's ListWatch relisting on 410 Gone) a relist.
 */
export function countedLists<T>(owner: object, list: () => Promise<T>): () => Promise<T> {
  return () => {
    upstreamLists.inc({ kind: listed.has(owner) ? 'relist' : 'initial' });
    listed.add(owner);
    return list();
  };
}
export const countEventsFannedOut = (count: number): void => eventsFannedOut.inc(count);
export const countLogBytes = (bytes: number): void => logBytes.inc(bytes);

/** For the Next-bundled code, through the runtime registry (it has its own copy of every module). */
export const runtimeMetrics: NonNullable<PilothouseRuntime['metrics']> = {
  upstreamRequest: ({ context, code, seconds }) => upstreamRequests.observe({ context, code }, seconds),
};

/** The metrics path, on the console's port (behind the session gate in a team mode) and on `PILOTHOUSE_METRICS_PORT`. */
export const METRICS_PATH = '/metrics';

/** Answers a scrape in Prometheus' text format. */
export async function answerMetrics(res: ServerResponse): Promise<void> {
  const text = await metricsRegistry.metrics();
  res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' }).end(text);
}
