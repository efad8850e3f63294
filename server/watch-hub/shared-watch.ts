import { ListWatch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import type { K8sStatus } from '@/lib/contract/status';
import { BffError, isBffError, isKubeStatusError, toStatus } from '@/lib/server/errors';
import { METADATA_ONLY_ACCEPT, redactSecret } from '@/lib/server/secrets/redact-secrets';
import { countedLists, countEventsFannedOut } from '../metrics/metrics';
import { backoffDelay } from './backoff';
import { leanObject, StringInterner, SubtreeSharer } from './lean-object';
import { pagedList, type ListPage } from './paged-list';
import { StoppableWatch, withAccept } from './stoppable-watch';
import { viewEvents, type ObjectFilter, type SourceEvent } from './subscriber-filter';

/** Where one subscriber's messages go (a socket, in practice); `T`: objects, or the rows projected from them. */
export interface WatchSink<T extends ListItem = KubernetesObject> {
  filter: ObjectFilter;
  /** `partial`: the first pages of the initial list; the rest follows as ADDED events, then status `live`. */
  snapshot(items: T[], resourceVersion: string, partial: boolean): void;
  events(events: WatchEvent[], resourceVersion: string): void;
  status(state: 'live' | 'reconnecting' | 'error', extra: { status?: K8sStatus; retryInMs?: number }): void;
}

export interface SharedWatchOptions {
  kubeConfig: KubeConfig;
  /** List path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  /** How long changes gather before they go out as one batch. */
  batchMs: number;
  /** How long the upstream watch stays open after its last subscriber left. */
  idleMs: number;
  backoff: { initialMs: number; maxMs: number };
  /**
   * Secrets: list and watch metadata only, and redact every object before it is kept, so no value is
   * ever cached or sent (lib/server/secrets/redact-secrets.ts).
   */
  metadataOnly?: boolean;
  /** Called when the watch has closed for good (idle, or a permanent failure); the hub forgets it. */
  onClosed: () => void;
  log?: Pick<Console, 'warn'>;
}

type Obj = KubernetesObject;
const uidOf = (obj: Obj) => obj.metadata?.uid ?? `${obj.metadata?.namespace}/${obj.metadata?.name}`;
/** A batch this large goes out at once rather than waiting for the timer. */
const MAX_BATCH = 1000;
/** One for every shared watch of the process: pods, their nodes and namespaces repeat the same strings. */
const sharedValues = new StringInterner();
const sharedSubtrees = new SubtreeSharer();

/** Failures retrying cannot fix: the credentials, the permission or the resource itself. */
function isPermanent(error: unknown): boolean {
  const code = isKubeStatusError(error) ? error.status.code : (error as { statusCode?: number })?.statusCode;
  return code === 400 || code === 401 || code === 403 || code === 404 || code === 405;
}

/**
 * ONE upstream list+watch (client-node's `ListWatch`) for a context, resource and namespace, shared by
 * every subscriber whatever its selectors. Keeps the current objects by uid, lean (lean-object.ts), so each
 * change can be judged against the object as it was; sends each subscriber a snapshot from that cache and
 * then its filtered view of batched changes in upstream order. The initial list is paged (paged-list.ts):
 * when it has more than one page, subscribers get the first page as a partial snapshot, the next pages as
 * ADDED events, and `live` once the list is complete and its watch open; a list of one page is one whole
 * snapshot once the watch is open. As client-go's reflector, once listed a broken stream (the first
 * watch's too) is resumed from its resourceVersion once, and `ListWatch` relists by itself on 410 Gone (its
 * diff arrives as ordinary changes): no outage. A failure beyond that replaces the ListWatch after a
 * backoff, subscribers hear `reconnecting`, and each gets a fresh snapshot.
 */
export class SharedWatch {
  /** pending: waits for a snapshot; partial: has the pages so far; live: has the whole list and its changes. */
  private readonly subscribers = new Map<WatchSink, 'pending' | 'partial' | 'live'>();
  private readonly objects = new Map<string, Obj>();
  private queue: SourceEvent[] = [];
  private informer?: ListWatch<Obj>;
  private guard?: StoppableWatch;
  /** Aborts the current ListWatch's paged list (50,000 pods are 100 pages: none is read for nobody). */
  private lists?: AbortController;
  private live = false;
  /** The initial list has pages in the cache (and the resourceVersion they are at). */
  private paging?: { resourceVersion: string };
  /** The initial list is complete; ListWatch is opening its watch, whose changes already go out. */
  private listed = false;
  private closed = false;
  private attempt = 0;
  private failures = 0;
  /** A live watch whose stream broke may resume from its resourceVersion once before starting over. */
  private resumable = false;
  private flushTimer?: NodeJS.Timeout;
  private lastFlush = 0;
  private idleTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  /** Upstream (re)connections, for tests and the bench: 1 after the first list. */
  connections = 0;

  constructor(private readonly options: SharedWatchOptions) {
    void this.connect();
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(sink: WatchSink): void {
    clearTimeout(this.idleTimer);
    this.subscribers.set(sink, 'pending');
    if (this.live) this.sendSnapshots();
    else if (this.paging && !this.listed) this.sendPartial(sink, this.paging.resourceVersion);
  }

  remove(sink: WatchSink): void {
    if (!this.subscribers.delete(sink) || this.subscribers.size > 0 || this.closed) return;
    // A page switching namespaces and back should not pay for a new list; an abandoned one should not hold a watch.
    this.idleTimer = setTimeout(() => this.close(), this.options.idleMs);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    [this.flushTimer, this.idleTimer, this.retryTimer].forEach(clearTimeout);
    this.stopInformer();
    this.options.onClosed();
  }

  private async connect(): Promise<void> {
    const { kubeConfig, path, metadataOnly } = this.options;
    // Secrets: metadata only, redacted before anything is kept (lib/server/secrets/redact-secrets.ts).
    const transform = metadataOnly
      ? (object: unknown) => sharedValues.share(leanObject(redactSecret(object as Obj)))
      : (object: unknown) => sharedSubtrees.share(sharedValues.share(leanObject(object as Obj)));
    const lists = new AbortController();
    const listFn = async () => {
      const list = await pagedList({
        signal: lists.signal,
        kubeConfig,
        path,
        headers: metadataOnly ? { accept: METADATA_ONLY_ACCEPT.list } : undefined,
        transform,
        // Only the initial list streams its pages; a relist's diff arrives as ordinary changes.
        onPage: (page) => current() && !this.live && !this.listed && this.receivePage(page),
      });
      if (current() && !this.live) {
        this.listed = true;
        // Listed: the resourceVersion to resume from is known, so a failure of the watch that follows resumes.
        this.resumable = true;
      }
      return list;
    };
    const guard = new StoppableWatch(metadataOnly ? withAccept(kubeConfig, METADATA_ONLY_ACCEPT.watch) : kubeConfig, transform);
    const informer = new ListWatch<Obj>(path, guard, countedLists(this, listFn), false);
    this.informer = informer;
    this.guard = guard;
    this.lists = lists;
    this.live = false;
    this.paging = undefined;
    this.listed = false;
    this.objects.clear();
    this.queue = [];
    const failuresBefore = this.failures;
    // Callbacks of a replaced or stopped informer (its abort fires `error`) must not touch the current state.
    const current = () => this.informer === informer && !this.closed;
    informer.on('add', (obj) => current() && this.record('ADDED', obj));
    informer.on('update', (obj) => current() && this.record('MODIFIED', obj));
    informer.on('delete', (obj) => current() && this.record('DELETED', obj));
    informer.on('error', (error) => current() && this.fail(error));
    await informer.start();
    if (!current() || this.failures !== failuresBefore) return;
    this.goLive();
  }

  /** Listed and watching: every subscriber gets its snapshot (or, after partial ones, `live`). */
  private goLive(): void {
    this.connections++;
    this.attempt = 0;
    this.live = true;
    this.paging = undefined;
    this.listed = false;
    this.resumable = true;
    this.sendSnapshots();
  }

  /**
   * Re-watches from the last resourceVersion with the same ListWatch, as client-go's reflector does after
   * a broken stream: nothing is lost, and if the version has expired meanwhile (410 Gone) ListWatch relists
   * and its diff arrives as ordinary changes. Also when the first watch after the initial list broke before
   * it was open: the list stands, so subscribers see no outage.
   */
  private async resume(informer: ListWatch<Obj>): Promise<void> {
    const failuresBefore = this.failures;
    await informer.start();
    if (this.informer !== informer || this.closed || this.failures !== failuresBefore) return;
    if (this.live) this.resumable = true;
    else this.goLive();
  }

  private stopInformer(): void {
    this.lists?.abort();
    this.guard?.stop();
    void this.informer?.stop();
    this.informer = undefined;
    this.guard = undefined;
    this.lists = undefined;
  }

  private record(type: SourceEvent['type'], object: Obj): void {
    const uid = uidOf(object);
    const previous = this.objects.get(uid);
    // ListWatch hands back the objects of the pages already recorded: not a change.
    if (type !== 'DELETED' && previous === object) return;
    if (type === 'DELETED') this.objects.delete(uid);
    else this.objects.set(uid, object);
    // Before the list is complete, the snapshot (or the pages) that follow include it.
    if (!this.live && !this.listed) return;
    this.queue.push({ type, object, previous });
    if (this.queue.length >= MAX_BATCH) this.scheduleFlush(0);
    else this.scheduleFlush(this.options.batchMs);
  }

  private scheduleFlush(delayMs: number): void {
    if (this.flushTimer && delayMs > 0) return;
    clearTimeout(this.flushTimer);
    // Leading edge: a change after a quiet spell goes out on the next turn; changes that follow within the
    // window gather into one batch. Even "at once" waits a turn, because ListWatch records the
    // resourceVersion only after its callbacks return.
    const quiet = performance.now() - this.lastFlush >= this.options.batchMs;
    this.flushTimer = setTimeout(() => this.flush(), quiet ? 0 : delayMs);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const events = this.queue;
    if (events.length > 0) this.lastFlush = performance.now();
    this.queue = [];
    if (events.length === 0) return;
    const resourceVersion = this.informer?.latestResourceVersion() ?? '';
    // Subscribers without selectors share one view, so its encoding is shared too (shared-encoding.ts).
    let unfiltered: ReturnType<typeof viewEvents> | undefined;
    for (const [sink, state] of this.subscribers) {
      if (state === 'pending') continue;
      const view = sink.filter.matchesAll ? (unfiltered ??= viewEvents(events, sink.filter)) : viewEvents(events, sink.filter);
      if (view.length > 0) sink.events(view, resourceVersion);
      countEventsFannedOut(view.length);
    }
  }

  private sendSnapshots(): void {
    // Changes already queued go to live subscribers first; a new subscriber's snapshot already has them.
    this.flush();
    const resourceVersion = this.informer?.latestResourceVersion() ?? '';
    const all = [...this.objects.values()];
    for (const [sink, state] of this.subscribers) {
      if (state === 'live') continue;
      this.subscribers.set(sink, 'live');
      // A partial snapshot has had every page and every change since: the marker that it is whole.
      if (state === 'partial') sink.status('live', {});
      else sink.snapshot(sink.filter.matchesAll ? all : all.filter(sink.filter), resourceVersion, false);
    }
  }

  /** One page of the initial list: into the cache, and out to every subscriber waiting for it. */
  private receivePage({ items, resourceVersion, restart, more }: ListPage): void {
    // After a 410 the full list replaces the pages before it; so does the snapshot sent for it.
    if (restart) this.objects.clear();
    for (const item of items) this.objects.set(uidOf(item), item);
    // A list whole in its first page is no partial list: its snapshot waits for the watch, as it always did.
    if (!more && !this.paging) return;
    this.paging = { resourceVersion };
    for (const [sink, state] of this.subscribers) {
      if (state === 'pending' || restart) {
        this.sendPartial(sink, resourceVersion);
        continue;
      }
      const view = items.filter(sink.filter);
      if (view.length > 0) sink.events(view.map((object) => ({ type: 'ADDED', object })), resourceVersion);
    }
  }

  private sendPartial(sink: WatchSink, resourceVersion: string): void {
    this.subscribers.set(sink, 'partial');
    const all = [...this.objects.values()];
    sink.snapshot(sink.filter.matchesAll ? all : all.filter(sink.filter), resourceVersion, true);
  }

  private fail(error: unknown): void {
    this.failures++;
    if ((this.live || this.listed) && this.resumable && this.informer && !isPermanent(error)) {
      this.resumable = false;
      void this.resume(this.informer);
      return;
    }
    this.stopInformer();
    this.live = false;
    const status = toStatus(
      isBffError(error) || isKubeStatusError(error)
        ? error
        : new BffError('UpstreamUnreachable', `the watch of ${this.options.path} failed: ${(error as Error)?.message ?? String(error)}`),
    );
    if (isPermanent(error)) {
      for (const sink of this.subscribers.keys()) sink.status('error', { status });
      this.close();
      return;
    }
    const retryInMs = backoffDelay(this.attempt++, this.options.backoff);
    this.options.log?.warn(`watch ${this.options.path}: ${(error as Error)?.message ?? error}; retrying in ${retryInMs}ms`);
    // Everyone gets a fresh snapshot once the watch is back: changes made meanwhile may be lost upstream.
    for (const sink of this.subscribers.keys()) {
      this.subscribers.set(sink, 'pending');
      sink.status('reconnecting', { status, retryInMs });
    }
    this.retryTimer = setTimeout(() => void this.connect(), retryInMs);
  }
}
