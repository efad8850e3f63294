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
import { LineSplitter } from './line-splitter';

/** Where a log's lines go. `lines` resolves when the reader has taken them (the socket.io ack). */
export interface LogSink {
  lines(lines: string[]): Promise<void>;
  end(reason: LogEndReason): void;
  error(status: K8sStatus): void;
}

export interface LogStreamOptions {
  kubeConfig: KubeConfig;
  target: ParsedLogTarget;
  sink: LogSink;
  /** Most lines per batch sent to the reader. */
  maxBatchLines?: number;
  /** Lines held for a slow reader before the upstream read pauses. */
  maxBufferedLines?: number;
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
 * One reader's log: one upstream request, its lines batched to the reader one batch at a time. While a batch
 * waits for its ack, lines gather; past `maxBufferedLines` the upstream response is paused, so TCP pushes
 * back on the API server. Lines are never dropped and the BFF holds at most that many (plus one chunk).
 * Returns `stop`, which closes the upstream request.
 */
export function startLogStream(options: LogStreamOptions): { stop(reason?: 'unsubscribed' | 'disconnected'): void } {
  const { kubeConfig, target, sink } = options;
  const maxBatch = options.maxBatchLines ?? 1000;
  const maxBuffered = options.maxBufferedLines ?? 10_000;
  const abort = new AbortController();
  const splitter = new LineSplitter();
  let buffer: string[] = [];
  let response: IncomingMessage | undefined;
  let sending = false;
  let upstreamDone = false;
  let finished = false;
  let onDrained: (() => void) | undefined;
  const subscription = openSubscription('logs');

  const finish = (done: () => void) => {
    if (finished) return;
    finished = true;
    subscription.close();
    response?.destroy();
    done();
  };

  const pump = async () => {
    if (sending || finished) return;
    sending = true;
    while (buffer.length > 0 && !finished) {
      const batch = buffer.slice(0, maxBatch);
      buffer = buffer.slice(batch.length);
      await sink.lines(batch);
      if (response?.isPaused() && buffer.length < maxBuffered / 2) response.resume();
    }
    sending = false;
    if (buffer.length === 0) onDrained?.();
  };

  const drained = () => new Promise<void>((resolve) => {
    if (!sending && buffer.length === 0) return resolve();
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
        buffer.push(...splitter.push(chunk));
        if (buffer.length >= maxBuffered) res.pause();
        void pump();
      });
      const ended = new Promise<boolean>((resolve) => {
        res.on('end', () => resolve(true));
        res.on('close', () => resolve(res.complete));
        res.on('error', () => resolve(false));
      });
      const complete = await ended;
      upstreamDone = true;
      buffer.push(...splitter.end());
      void pump();
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
