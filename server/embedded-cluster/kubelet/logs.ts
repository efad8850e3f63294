/**
 * `GET /api/v1/namespaces/{ns}/pods/{name}/log`: what the API server checks itself (PodLogOptions
 * validation, choosing the container, no node yet), then what the kubelet answers (`containerLogs`):
 * the container's state decides between its lines and the kubelet's errors, worded as
 * `validateContainerLogStatus` words them. Lines come from the instance's log buffer, with `tailLines`,
 * `sinceSeconds`/`sinceTime`, `timestamps`, `limitBytes`, `previous`, and `follow` streaming until
 * the container stops, the pod is deleted or the client goes away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalid as invalidField, invalidMessage, forbidden as forbiddenField, statusCauses, type FieldError } from '@/lib/k8s/field-errors';
import { STREAMED, type Reply } from '../reply';
import { ApiError, badRequest } from '../status';
import { isPlainObject, type KubeObject } from '../types';
import { formatNanos, type ContainerLog, type LogLine } from './log-buffer';
import type { PodWorker } from './pod-worker';

/** PodLogOptions as the query carries them. */
export interface LogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: Date;
  limitBytes?: number;
}

/** Parses and validates the query as the API server does (400 for bad syntax, 422 for bad values). */
export function parseLogOptions(query: URLSearchParams, podName: string): LogOptions {
  const options: LogOptions = {
    container: query.get('container') || undefined,
    follow: bool(query, 'follow'),
    previous: bool(query, 'previous'),
    timestamps: bool(query, 'timestamps'),
    tailLines: int(query, 'tailLines'),
    sinceSeconds: int(query, 'sinceSeconds'),
    limitBytes: int(query, 'limitBytes'),
  };
  const sinceTime = query.get('sinceTime');
  if (sinceTime) {
    const parsed = new Date(sinceTime);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(sinceTime) || Number.isNaN(parsed.getTime())) {
      throw badRequest(`parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    }
    options.sinceTime = parsed;
  }
  // ValidatePodLogOptions (pkg/apis/core/validation).
  const errors: FieldError[] = [];
  if (options.tailLines !== undefined && options.tailLines < 0) errors.push(invalidField('tailLines', options.tailLines, 'must be greater than or equal to 0'));
  if (options.limitBytes !== undefined && options.limitBytes < 1) errors.push(invalidField('limitBytes', options.limitBytes, 'must be greater than 0'));
  if (options.sinceSeconds !== undefined && options.sinceTime) {
    errors.push(forbiddenField('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  } else if (options.sinceSeconds !== undefined && options.sinceSeconds < 1) {
    errors.push(invalidField('sinceSeconds', options.sinceSeconds, 'must be greater than 0'));
  }
  if (errors.length > 0) {
    throw new ApiError(422, 'Invalid', invalidMessage('PodLogOptions', podName, errors), { name: podName, kind: 'PodLogOptions', causes: statusCauses(errors) });
  }
  return options;
}

/** The container a request is for: the named one, or the only one (pod LogLocation). */
export function chooseContainer(pod: KubeObject, requested: string | undefined): string {
  const spec = isPlainObject(pod.spec) ? pod.spec : {};
  const names = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isPlainObject).map((c) => String(c.name)) : []);
  const containers = names('containers');
  const all = [...containers, ...names('initContainers'), ...names('ephemeralContainers')];
  const podName = pod.metadata.name ?? '';
  if (requested) {
    if (!all.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${podName}`);
    return requested;
  }
  if (containers.length === 1) return containers[0] as string;
  if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${podName}`);
  const init = names('initContainers');
  let message = `a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]`;
  if (init.length > 0) message += ` or one of the init containers: [${init.join(' ')}]`;
  throw badRequest(message);
}

/**
 * The kubelet's `validateContainerLogStatus`: which container instance's log to read, or the error
 * the kubelet answers (a 400 whose body the API server passes on as the message).
 */
export function logSource(worker: PodWorker, podName: string, container: string, previous: boolean): ContainerLog {
  const runner = worker.runner(container);
  if (!runner) throw badRequest(`container "${container}" in pod "${podName}" is not available`);
  const last = isPlainObject(runner.lastState.terminated) ? runner.lastState.terminated : undefined;
  const terminated = isPlainObject(runner.state.terminated) ? runner.state.terminated : undefined;
  const waiting = isPlainObject(runner.state.waiting) ? runner.state.waiting : undefined;
  let id: string | undefined;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    id = String(last.containerID);
  } else if (runner.state.running) id = runner.containerID;
  else if (terminated) id = String(terminated.containerID ?? '') || (last?.containerID as string | undefined);
  else if (last) id = String(last.containerID ?? '');
  else if (waiting) {
    const reason = String(waiting.reason ?? '');
    if (reason === 'ErrImagePull') throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  const instance = runner.instance(id);
  if (!instance) {
    if (terminated || last) throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
  }
  return instance.log;
}

/** Writes the selected lines (and, with `follow`, the lines to come) as the kubelet streams them. */
export function streamLog(options: { log: ContainerLog; opts: LogOptions; req: IncomingMessage; res: ServerResponse; podGone: AbortSignal }): typeof STREAMED {
  const { log, opts, req, res, podGone } = options;
  let lines = log.snapshot();
  if (opts.tailLines !== undefined) lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
  const since = opts.sinceTime ?? (opts.sinceSeconds !== undefined ? new Date(Date.now() - opts.sinceSeconds * 1000) : undefined);
  if (since) {
    const sinceNs = BigInt(since.getTime()) * 1_000_000n;
    lines = lines.filter((line) => line.time >= sinceNs);
  }
  let budget = opts.limitBytes ?? Infinity;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  // Returns false once limitBytes is used up (LimitWriter cuts mid-line, as the kubelet's does).
  const write = (batch: LogLine[]): boolean => {
    if (batch.length === 0) return budget > 0;
    const text = batch.map((line) => (opts.timestamps ? `${formatNanos(line.time)} ${line.text}\n` : `${line.text}\n`)).join('');
    const bytes = Buffer.from(text);
    if (bytes.length >= budget) {
      res.write(bytes.subarray(0, budget));
      budget = 0;
      return false;
    }
    budget -= bytes.length;
    res.write(text);
    return true;
  };
  if (!write(lines) || !opts.follow || log.closed || podGone.aborted) {
    res.end();
    return STREAMED;
  }
  // Lines arriving in one turn of the event loop go out as one chunk.
  let pending: LogLine[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (!write(batch)) finish();
  };
  const finish = () => {
    unsubscribe();
    podGone.removeEventListener('abort', finish);
    if (pending.length > 0) write(pending);
    pending = [];
    if (!res.writableEnded) res.end();
  };
  const unsubscribe = log.follow(
    (line) => {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    () => setImmediate(finish),
  );
  podGone.addEventListener('abort', finish, { once: true });
  req.on('close', finish);
  res.on('close', finish);
  return STREAMED;
}

/** Builds the Reply for a pod not bound to a node yet: the API server has no kubelet to ask (204). */
export function noHostReply(): Reply {
  return { status: 204, body: '', contentType: 'text/plain' };
}

// strconv.ParseBool, as query parameters are converted.
function bool(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === '') return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
}

function int(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number(value);
}
