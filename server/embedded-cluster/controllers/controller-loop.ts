/**
 * The two pieces every in-process control loop is built from, as client-go provides them: shared
 * informers (one store subscription per resource, an in-memory cache controllers read instead of
 * listing the store on every sync) and a work queue of keys (deduplicated while waiting, one sync per
 * key at a time, failed syncs retried with back-off).
 */
import type { ObjectStore, StoreEvent } from '../store';
import { ApiError } from '../status';
import type { KubeObject } from '../types';

/** A read-only cache of one resource, kept current from the store's change feed. */
export interface Informer {
  /** Cached objects in one namespace (or all); callers must not mutate them. */
  list(namespace?: string): KubeObject[];
  get(namespace: string, name: string): KubeObject | undefined;
  /** Calls `handler` after every change the cache applies; returns the unsubscribe function. */
  onChange(handler: (event: StoreEvent) => void): () => void;
}

/**
 * One informer per resource key, shared by every controller (SharedInformerFactory). Changes arrive
 * synchronously inside the store's write, so a controller reading its cache right after a write of
 * its own sees that write: no "expectations" bookkeeping is needed as in kube-controller-manager.
 */
export class SharedInformers {
  private readonly informers = new Map<string, CacheInformer>();

  constructor(private readonly store: ObjectStore) {}

  /** The informer of `resourceKey` (`pods`, `replicasets.apps`), created on first use. */
  for(resourceKey: string): Informer {
    let informer = this.informers.get(resourceKey);
    if (!informer) {
      informer = new CacheInformer(this.store, resourceKey);
      this.informers.set(resourceKey, informer);
    }
    return informer;
  }

  /** Unsubscribes every informer from the store. */
  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
    this.informers.clear();
  }
}

class CacheInformer implements Informer {
  private readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  private readonly handlers = new Set<(event: StoreEvent) => void>();
  private readonly unsubscribe: () => void;

  constructor(store: ObjectStore, resourceKey: string) {
    // The stored objects themselves, never copies: nothing reads an informer's objects to change them.
    for (const obj of store.listShared(resourceKey)) this.put(obj);
    this.unsubscribe = store.subscribe({ resourceKey, readOnly: true, onEvent: (event) => this.apply(event) });
  }

  list(namespace?: string): KubeObject[] {
    if (namespace !== undefined) return [...(this.byNamespace.get(namespace)?.values() ?? [])];
    return [...this.byNamespace.values()].flatMap((objects) => [...objects.values()]);
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.byNamespace.get(namespace)?.get(name);
  }

  onChange(handler: (event: StoreEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  stop(): void {
    this.unsubscribe();
    this.handlers.clear();
  }

  private apply(event: StoreEvent): void {
    if (event.type === 'DELETED') {
      const namespace = event.object.metadata.namespace ?? '';
      const objects = this.byNamespace.get(namespace);
      objects?.delete(event.object.metadata.name ?? '');
      if (objects?.size === 0) this.byNamespace.delete(namespace);
    } else this.put(event.object);
    for (const handler of [...this.handlers]) handler(event);
  }

  private put(obj: KubeObject): void {
    const namespace = obj.metadata.namespace ?? '';
    let objects = this.byNamespace.get(namespace);
    if (!objects) {
      objects = new Map();
      this.byNamespace.set(namespace, objects);
    }
    objects.set(obj.metadata.name ?? '', obj);
  }
}

/** A running work queue. */
export interface ControllerLoop {
  /** Queues a key for a sync soon; a key already waiting is not queued twice. */
  enqueue(key: string): void;
  /** Queues a key after `ms` real milliseconds (AddAfter: time-based conditions like minReadySeconds). */
  enqueueAfter(key: string, ms: number): void;
  stop(): void;
}

/** How a work queue syncs its keys. */
export interface ControllerLoopOptions {
  /** For log lines: `replicaset-controller`. */
  name: string;
  /** Brings the world in line for one key. A thrown error retries the key with back-off. */
  sync(key: string): void | Promise<void>;
  /** First retry delay in real ms (default 5); doubles per failure up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  /** Default 1000. */
  maxRetryDelayMs?: number;
}

/**
 * Starts a work queue. Keys are synced from a macrotask, never inside the store write that queued
 * them, so a sync may write freely. A key queued while its own sync runs is synced again afterwards
 * (the workqueue's dirty/processing sets). A 409 Conflict is the normal outcome of racing another
 * writer and is retried quietly; other errors are logged, as controllers log `utilruntime.HandleError`.
 */
export function startControllerLoop(options: ControllerLoopOptions): ControllerLoop {
  const { name, sync } = options;
  const baseDelay = options.retryDelayMs ?? 5;
  const maxDelay = options.maxRetryDelayMs ?? 1000;
  const dirty = new Set<string>();
  const processing = new Set<string>();
  const failures = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let scheduled = false;
  let stopped = false;

  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void drain();
    });
  };

  const enqueue = (key: string) => {
    if (stopped) return;
    dirty.add(key);
    schedule();
  };

  const enqueueAfter = (key: string, ms: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      enqueue(key);
    }, Math.max(0, ms));
    timer.unref();
    timers.add(timer);
  };

  async function drain(): Promise<void> {
    for (const key of [...dirty]) {
      if (stopped) return;
      if (processing.has(key)) continue;
      dirty.delete(key);
      processing.add(key);
      try {
        await sync(key);
        failures.delete(key);
      } catch (err) {
        const attempts = (failures.get(key) ?? 0) + 1;
        failures.set(key, attempts);
        if (!(err instanceof ApiError && (err.code === 409 || err.code === 404))) {
          console.error(`[${name}] sync of ${key} failed (attempt ${attempts}):`, err instanceof Error ? err.message : err);
        }
        enqueueAfter(key, Math.min(maxDelay, baseDelay * 2 ** (attempts - 1)));
      } finally {
        processing.delete(key);
        if (dirty.has(key)) schedule();
      }
    }
    if ([...dirty].some((key) => !processing.has(key))) schedule();
  }

  return {
    enqueue,
    enqueueAfter,
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      dirty.clear();
    },
  };
}

/** `namespace/name`, the key controllers queue (cache.MetaNamespaceKeyFunc). */
export function keyOf(obj: KubeObject): string {
  const { namespace, name = '' } = obj.metadata;
  return namespace ? `${namespace}/${name}` : name;
}

/** Splits a `namespace/name` key (cache.SplitMetaNamespaceKey); cluster-scoped keys have no slash. */
export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash === -1 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
