import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, resourceKey, type KindSpec } from './kinds';
import type { ListOptions } from './list-options';
import type { Representation } from './negotiate';
import { renderObject } from './render';
import { writeSliced } from './sliced-writer';
import { RevisionCompactedError, type ObjectStore, type StoreEvent } from './store';
import { badRequest, tooOldResourceVersion } from './status';
import { deepCopy, type KubeObject, type WatchEventType } from './types';

/** Counters of in-flight long-running requests, like `apiserver_longrunning_requests{verb,resource}`. */
export type LongRunningMetric = Map<string, number>;

/** Everything one watch request needs. */
export interface WatchRequest {
  req: IncomingMessage;
  res: ServerResponse;
  store: ObjectStore;
  kind: KindSpec;
  /** Undefined watches every namespace. */
  namespace?: string;
  /** Set by the legacy `/watch/.../name` paths. */
  name?: string;
  options: ListOptions;
  representation: Representation;
  metrics: LongRunningMetric;
  bookmarkIntervalMs: number;
}

// The real server picks a random timeout in [minRequestTimeout, 2*minRequestTimeout); 1800s is the floor.
const DEFAULT_TIMEOUT_SECONDS = 1800;

/**
 * Serves `?watch=true`: newline-delimited JSON watch events over a chunked 200 response. Without a
 * resourceVersion (or with "0") the current state is sent first as synthetic ADDED events (a slice at a
 * time, as fast as the client reads them: the watch cache's initial events); with one,
 * the changes after it are replayed from the history ring, or a 410 Expired ERROR event ends the watch
 * when that version was compacted. Selectors apply: an object that stops matching is DELETED for this
 * watcher and one that starts matching is ADDED, as the watch cache does.
 */
export function serveWatch(w: WatchRequest): void {
  const { req, res, store, kind, options } = w;
  const key = resourceKey(kind);
  const matches = (obj: KubeObject) => (w.name === undefined || obj.metadata.name === w.name) && options.matches(obj);
  const rv = options.resourceVersion ?? '';
  let backlog: StoreEvent[] = [];
  let compactedError: RevisionCompactedError | undefined;
  const initial = rv === '' || rv === '0' || options.sendInitialEvents === true;
  if (!initial) {
    if (!/^\d+$/.test(rv)) throw badRequest(`resourceVersion: Invalid value: "${rv}": strconv.ParseUint: parsing "${rv}": invalid syntax`);
    try {
      backlog = store.eventsSince(Number(rv), key, w.namespace);
    } catch (err) {
      if (!(err instanceof RevisionCompactedError)) throw err;
      compactedError = err;
    }
  }

  const metricKey = `watch/${kind.resource}`;
  w.metrics.set(metricKey, (w.metrics.get(metricKey) ?? 0) + 1);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();

  let queue = Promise.resolve();
  const send = (type: WatchEventType, object: object | KubeObject) => {
    queue = queue.then(async () => {
      if (res.writableEnded) return;
      const rendered = type === 'ERROR' || type === 'BOOKMARK' ? object : await renderObject(w.representation, kind, object as KubeObject);
      res.write(`${JSON.stringify({ type, object: rendered })}\n`);
    });
  };

  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};
  const finish = () => {
    unsubscribe();
    timers.forEach(clearTimeout);
    timers.forEach(clearInterval);
    if (finished) return;
    finished = true;
    w.metrics.set(metricKey, Math.max(0, (w.metrics.get(metricKey) ?? 1) - 1));
    void queue.then(() => res.end());
  };
  let finished = false;
  req.on('close', finish);

  if (compactedError) {
    send('ERROR', tooOldResourceVersion(rv, String(compactedError.compacted)).toStatus());
    finish();
    return;
  }

  const deliver = (event: StoreEvent) => {
    const now = matches(event.object);
    const before = event.previous ? matches(event.previous) : false;
    if (event.type === 'ADDED' && now) send('ADDED', event.object);
    else if (event.type === 'DELETED' && now) send('DELETED', event.object);
    else if (event.type === 'MODIFIED') {
      if (now && before) send('MODIFIED', event.object);
      else if (now) send('ADDED', event.object);
      else if (before) send('DELETED', event.object);
    }
  };

  if (initial) {
    // The current state as it stands now (before subscribing, so no change is missed or sent twice), sent
    // a slice at a time: 50,000 synthetic ADDED events must not hold the event loop in one burst.
    const current = store.listShared(key, w.namespace).filter(matches);
    queue = queue.then(async () => {
      if (w.representation.as === 'object') {
        await writeSliced(res, { count: current.length, encode: (i) => `${JSON.stringify({ type: 'ADDED', object: current[i] })}\n` });
        return;
      }
      // Tables and partial metadata are rendered from copies, as the list does, giving other requests a turn
      // every few hundred objects (awaiting a resolved render alone never leaves the microtask queue).
      for (const [i, obj] of current.entries()) {
        if (res.writableEnded || res.destroyed) return;
        res.write(`${JSON.stringify({ type: 'ADDED', object: await renderObject(w.representation, kind, deepCopy(obj)) })}\n`);
        if (i % 200 === 199) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    });
    if (options.sendInitialEvents) {
      send('BOOKMARK', bookmark(kind, store.currentResourceVersion(), { 'k8s.io/initial-events-end': 'true' }));
    }
  }
  backlog.forEach(deliver);
  unsubscribe = store.subscribe({ resourceKey: key, namespace: w.namespace, onEvent: deliver });

  const timeout = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  timers.push(setTimeout(finish, timeout * 1000));
  if (options.allowWatchBookmarks) {
    timers.push(setInterval(() => send('BOOKMARK', bookmark(kind, store.currentResourceVersion())), w.bookmarkIntervalMs));
  }
}

// A bookmark carries only the kind and the resourceVersion the watcher has caught up to.
function bookmark(kind: KindSpec, resourceVersion: string, annotations?: Record<string, string>): object {
  return {
    kind: kind.kind,
    apiVersion: apiVersionOf(kind),
    metadata: { resourceVersion, ...(annotations ? { annotations } : {}) },
  };
}
