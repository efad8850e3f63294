import { cutPage, orderedAt, searchKeys, type OrderedObjects, type Page, type PageRequest } from './list-page';
import { deepCopy, type KubeObject, type WatchEventType } from './types';

/** One change recorded by the store, kept in the watch history ring. */
export interface StoreEvent {
  type: Exclude<WatchEventType, 'BOOKMARK' | 'ERROR'>;
  /** The resource key (`pods`, `deployments.apps`) the object belongs to. */
  resourceKey: string;
  object: KubeObject;
  /**
   * The object before a MODIFIED or DELETED change, so filtered watches can tell entering from leaving and
   * a paged list can read an older revision.
   */
  previous?: KubeObject;
  /** Numeric form of the object's resourceVersion; internal ordering only, clients get the string. */
  revision: number;
}

/** A live watch registered with the store. */
export interface StoreWatcher {
  resourceKey: string;
  namespace?: string;
  /**
   * The watcher only reads what it gets (an informer's cache): it is handed the stored objects themselves
   * instead of copies, so 50,000 pods are not held twice.
   */
  readOnly?: boolean;
  onEvent(event: StoreEvent): void;
}

/** Thrown by `eventsSince` when the requested revision has left the history ring. */
export class RevisionCompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compacted: number,
  ) {
    super(`revision ${requested} compacted at ${compacted}`);
  }
}

/**
 * The object store: one map of every object of every kind, one global revision counter (etcd's), and a
 * bounded history ring of changes so watches can resume. It knows nothing about Kubernetes semantics;
 * `registry.ts` applies those before calling in.
 */
export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  // Per-resource views of `objects` and, in list order, their keys and objects (re-sorted only after an
  // add or a remove), so listing one resource neither scans nor sorts every object of every kind.
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  private readonly sorted = new Map<string, { keys: string[]; objects: KubeObject[] }>();
  private readonly history: StoreEvent[] = [];
  private readonly watchers = new Set<StoreWatcher>();
  private revision = 0;
  /** The newest revision no longer in the history ring (etcd's compacted revision). */
  private compactedRevision = 0;

  constructor(private readonly historySize = 1000) {}

  /** The current global revision as the decimal string clients see. */
  currentResourceVersion(): string {
    return String(this.revision);
  }

  /** The newest revision that can no longer be resumed from, or 0. */
  compactedResourceVersion(): number {
    return this.compactedRevision;
  }

  /** A copy of one stored object. */
  get(resourceKey: string, namespace: string, name: string): KubeObject | undefined {
    const found = this.objects.get(objectKey(resourceKey, namespace, name));
    return found && deepCopy(found);
  }

  /** Copies of every object of a resource (in one namespace, or all), sorted by namespace then name. */
  list(resourceKey: string, namespace?: string): KubeObject[] {
    return this.listShared(resourceKey, namespace).map((obj) => deepCopy(obj));
  }

  /**
   * The stored objects themselves, in list order, without copying: for read-only scans over large
   * resources (a list page filters thousands of pods and copies only the page it returns). Callers
   * must not mutate what they get.
   */
  listShared(resourceKey: string, namespace?: string): readonly KubeObject[] {
    const prefix = namespace === undefined ? `${resourceKey}|` : `${resourceKey}|${namespace}|`;
    return cutPage(this.ordered(resourceKey), { prefix, matches: () => true }).items;
  }

  /**
   * One page of a list as the resource stood at `revision`: etcd serves every page of a paged list from the
   * revision of its first page, so objects changed meanwhile appear as they were. Read-only, like
   * `listShared`. Throws RevisionCompactedError when changes since `revision` have left the history ring.
   */
  listPage(options: { resourceKey: string; namespace?: string; revision: number; after?: string } & Omit<PageRequest, 'prefix' | 'afterKey'>): Page {
    const { resourceKey, namespace, revision, after } = options;
    const prefix = namespace === undefined ? `${resourceKey}|` : `${resourceKey}|${namespace}|`;
    const ordered = orderedAt(this.ordered(resourceKey), this.statesBefore(resourceKey, revision));
    return cutPage(ordered, { prefix, afterKey: after === undefined ? undefined : `${resourceKey}|${after}`, limit: options.limit, matches: options.matches });
  }

  private ordered(resourceKey: string): OrderedObjects {
    let sorted = this.sorted.get(resourceKey);
    if (!sorted) {
      const objects = this.byResource.get(resourceKey) ?? new Map<string, KubeObject>();
      const keys = [...objects.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      sorted = { keys, objects: keys.map((key) => objects.get(key) as KubeObject) };
      this.sorted.set(resourceKey, sorted);
    }
    return sorted;
  }

  /** Each object of a resource changed after `revision`, as it was at `revision` (undefined: not there yet). */
  private statesBefore(resourceKey: string, revision: number): Map<string, KubeObject | undefined> {
    if (revision < this.compactedRevision) throw new RevisionCompactedError(revision, this.compactedRevision);
    const before = new Map<string, KubeObject | undefined>();
    // Newest first, so the state before the oldest change after `revision` is the one that stays.
    for (let i = this.history.length - 1; i >= 0; i--) {
      const event = this.history[i] as StoreEvent;
      if (event.revision <= revision) break;
      if (event.resourceKey !== resourceKey) continue;
      const key = objectKey(resourceKey, event.object.metadata.namespace ?? '', event.object.metadata.name ?? '');
      before.set(key, event.type === 'ADDED' ? undefined : event.previous);
    }
    return before;
  }

  /** Stores a new or changed object, stamping the next resourceVersion, and notifies watchers. */
  put(resourceKey: string, object: KubeObject): KubeObject {
    const key = objectKey(resourceKey, object.metadata.namespace ?? '', object.metadata.name ?? '');
    const previous = this.objects.get(key);
    const stored = deepCopy(object);
    stored.metadata.resourceVersion = String(++this.revision);
    this.objects.set(key, stored);
    this.indexPut(resourceKey, key, stored, !previous);
    const type = previous ? 'MODIFIED' : 'ADDED';
    this.record({ type, resourceKey, object: stored, previous, revision: this.revision });
    return deepCopy(stored);
  }

  /** Removes an object; the DELETED event carries a fresh resourceVersion, as etcd's delete revision. */
  remove(resourceKey: string, namespace: string, name: string): KubeObject | undefined {
    const key = objectKey(resourceKey, namespace, name);
    const existing = this.objects.get(key);
    if (!existing) return undefined;
    this.objects.delete(key);
    this.byResource.get(resourceKey)?.delete(key);
    this.sorted.delete(resourceKey);
    const gone = deepCopy(existing);
    gone.metadata.resourceVersion = String(++this.revision);
    this.record({ type: 'DELETED', resourceKey, object: gone, previous: existing, revision: this.revision });
    return deepCopy(gone);
  }

  /**
   * Changes after `since` for one resource, oldest first. Throws RevisionCompactedError when `since`
   * is older than the ring keeps, which the watch handler turns into 410 Expired.
   */
  eventsSince(since: number, resourceKey: string, namespace?: string): StoreEvent[] {
    if (since < this.compactedRevision) throw new RevisionCompactedError(since, this.compactedRevision);
    return this.history.filter(
      (e) => e.revision > since && e.resourceKey === resourceKey && matchesNamespace(e, namespace),
    );
  }

  /** Registers a live watcher; returns the function that stops it. */
  subscribe(watcher: StoreWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private indexPut(resourceKey: string, key: string, stored: KubeObject, added: boolean): void {
    let objects = this.byResource.get(resourceKey);
    if (!objects) {
      objects = new Map();
      this.byResource.set(resourceKey, objects);
    }
    objects.set(key, stored);
    const sorted = this.sorted.get(resourceKey);
    if (!sorted) return;
    if (added) this.sorted.delete(resourceKey);
    else sorted.objects[searchKeys(sorted.keys, key)] = stored;
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    while (this.history.length > this.historySize) {
      const dropped = this.history.shift();
      if (dropped) this.compactedRevision = dropped.revision;
    }
    for (const watcher of [...this.watchers]) {
      if (watcher.resourceKey === event.resourceKey && matchesNamespace(event, watcher.namespace)) {
        watcher.onEvent(watcher.readOnly ? event : { ...event, object: deepCopy(event.object), previous: event.previous && deepCopy(event.previous) });
      }
    }
  }
}

function matchesNamespace(event: StoreEvent, namespace?: string): boolean {
  return namespace === undefined || (event.object.metadata.namespace ?? '') === namespace;
}

function objectKey(resourceKey: string, namespace: string, name: string): string {
  return `${resourceKey}|${namespace}|${name}`;
}

/** The sort key a continue token remembers: `namespace|name`. */
export function listPosition(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}|${object.metadata.name ?? ''}`;
}
