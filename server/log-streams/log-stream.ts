import type { IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import type { LogEndReason, ParsedLogTarget } from '@/lib/contract/logs';
import { failureStatus, isStatus, type K8sStatus } from '@/lib/contract/status';
import { pods } from '@/lib/k8s/resources';
import { resourcePath } from '@/lib/k8s/resource-path';
import { toStatus } from '@/lib/server/errors';
import { kubeJson } from '@/lib/server/kube/kube-json';
import { readResponseBody, upstreamRequest } from '@/lib/server/kube/upstream-request';
import { countLogBytes, openSubscription } from '../metrics/metrics';
import { LineChunker } from './line-chunker';

/**
 * Where a log's lines go. `lines` gets whole lines as the log's bytes (the wire of `lib/contract/log-wire.ts`)
 * and resolves when the reader has taken them (the socket.io ack); every byte streamed passes through it once.
 */
export interface LogSink {
  lines(data: Buffer): Promise<void>;
  end(reason: LogEndReason): void;
  error(status: K8sStatus): void;
}

/** Batches sent and not yet acked, at most. */
const BATCHES_IN_FLIGHT = 2;

export interface LogStreamOptions {
  kubeConfig: KubeConfig;
  target: ParsedLogTarget;
  sink: LogSink;
  /** Most bytes per batch sent to the reader (a batch is never cut inside a chunk of whole lines). */
  maxBatchBytes?: number;
  /** Bytes held for a slow reader before the upstream read pauses. */
  maxBufferedBytes?: number;
}

/** `GET /api/v1/namespaces/{ns}/pods/{name}/log` with the target's options. */
export function logPath(target: ParsedLogTarget): string {
  return resourcePath({
    ...pods,
    namespace: target.namespace,
    name: target.pod,
    subresource: 'log',
    query: {
      container: target.container || undefined,
      follow: target.follow || undefined,
      tailLines: target.tailLines,
      sinceSeconds: target.sinceSeconds,
      timestamps: target.timestamps || undefined,
      previous: target.previous || undefined,
    },
  });
}

interface PodShape {
  metadata?: { deletionTimestamp?: string };
  status?: { containerStatuses?: { name: string; state?: { running?: unknown } }[] };
}

/** Why a followed log ended, told by the pod: gone or going, its container stopped, or neither. */
async function followEndReason(kubeConfig: KubeConfig, target: ParsedLogTarget): Promise<LogEndReason> {
  try {
    const pod = await kubeJson<PodShape>(kubeConfig, { method: 'GET', path: resourcePath({ ...pods, namespace: target.namespace, name: target.pod }) });
    if (pod.metadata?.deletionTimestamp) return 'pod-deleted';
    const statuses = pod.status?.containerStatuses ?? [];
    const container = target.container ? statuses.find((s) => s.name === target.container) : statuses[0];
    return container?.state?.running ? 'upstream-closed' : 'container-stopped';
  } catch (error) {
    return toStatus(error).code === 404 ? 'pod-deleted' : 'upstream-closed';
  }
}

/**
 * One reader's log: one upstream request, its lines batched to the reader, at most two batches awaiting
 * their acks. Meanwhile lines gather; past `maxBufferedBytes` the upstream response is paused, so TCP pushes
 * back on the API server. Lines are never dropped and the BFF holds at most that many bytes (plus one chunk
 * and the batches in flight).
 * Returns `stop`, which closes the upstream request.
 */
export function startLogStream(options: LogStreamOptions): { stop(reason?: 'unsubscribed' | 'disconnected'): void } {
  const { kubeConfig, target, sink } = options;
  // One ack per MiB of log: fewer round trips (docs/benchmarks.md has the steps measured).
  const maxBatch = options.maxBatchBytes ?? 1024 * 1024;
  const maxBuffered = options.maxBufferedBytes ?? 4 * 1024 * 1024;
  const abort = new AbortController();
  const chunker = new LineChunker();
  // Runs of whole lines, each as the pieces the chunker gave; a batch joins whole runs.
  const queue: { pieces: Buffer[]; bytes: number }[] = [];
  let queued = 0;
  let response: IncomingMessage | undefined;
  let upstreamDone = false;
  let finished = false;
  let onDrained: (() => void) | undefined;
  const subscription = openSubscription('logs');

  const enqueue = (pieces: Buffer[]) => {
    if (pieces.length === 0) return;
    let bytes = 0;
    for (const piece of pieces) bytes += piece.length;
    queue.push({ pieces, bytes });
    queued += bytes;
  };

  const finish = (done: () => void) => {
    if (finished) return;
    finished = true;
    subscription.close();
    response?.destroy();
    done();
  };

  // Two batches may await their acks at once: the next one travels while the reader handles the last, so
  // the pipe never idles for a round trip; the reader still bounds what is in flight.
  let inFlight = 0;
  const pump = () => {
    while (queue.length > 0 && inFlight < BATCHES_IN_FLIGHT && !finished) {
      // Whole chunks up to the batch size: one ack per batch, not per line.
      let take = 1;
      let bytes = queue[0].bytes;
      while (take < queue.length && bytes + queue[take].bytes <= maxBatch) bytes += queue[take++].bytes;
      const pieces = queue.splice(0, take).flatMap((run) => run.pieces);
      const batch = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, bytes);
      queued -= bytes;
      inFlight++;
      void sink.lines(batch).then(() => {
        inFlight--;
        if (response?.isPaused() && queued < maxBuffered / 2) response.resume();
        pump();
      });
    }
    if (queue.length === 0 && inFlight === 0) onDrained?.();
  };

  const drained = () => new Promise<void>((resolve) => {
    if (inFlight === 0 && queue.length === 0) return resolve();
    onDrained = resolve;
  });

  void (async () => {
    try {
      const res = await upstreamRequest(kubeConfig, { method: 'GET', path: logPath(target), streaming: true, signal: abort.signal });
      if (finished) return void res.destroy();
      if (res.statusCode !== 200) {
        const text = (await readResponseBody(res, 1024 * 1024)).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const code = res.statusCode ?? 500;
        const status = isStatus(parsed) ? parsed : failureStatus({ code, reason: res.statusMessage ?? 'Unknown', message: text.slice(0, 500) });
        return finish(() => sink.error(status));
      }
      response = res;
      res.on('data', (chunk: Buffer) => {
        countLogBytes(chunk.length);
        enqueue(chunker.push(chunk));
        if (queued >= maxBuffered) res.pause();
        pump();
      });
      const ended = new Promise<boolean>((resolve) => {
        res.on('end', () => resolve(true));
        res.on('close', () => resolve(res.complete));
        res.on('error', () => resolve(false));
      });
      const complete = await ended;
      upstreamDone = true;
      enqueue(chunker.end());
      pump();
      await drained();
      if (finished) return;
      if (!complete) {
        return finish(() => sink.error(failureStatus({ code: 503, reason: 'ServiceUnavailable', message: 'the connection to the API server broke while reading the log' })));
      }
      const reason = target.follow ? await followEndReason(kubeConfig, target) : 'complete';
      finish(() => sink.end(reason));
    } catch (error) {
      if (!finished && !upstreamDone) finish(() => sink.error(toStatus(error)));
    }
  })();

  return {
    stop(reason = 'unsubscribed') {
      abort.abort();
      finish(() => {
        if (reason === 'unsubscribed') sink.end('unsubscribed');
      });
    },
  };
}
