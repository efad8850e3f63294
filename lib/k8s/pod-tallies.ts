/**
 * Figures a list page adds up over every pod by a key (what the pods bound to each node request, how many
 * pods each namespace holds), kept from the pods watch in time proportional to its events rather than to
 * the cluster: an event takes what the pod added out of its key's totals and adds what it adds now. The
 * amounts are whole numbers (millicores, bytes, counts: quantities round up), so the running totals stay
 * exactly the sums over the pods, however many events came and went.
 */
import type { WatchEvent } from './list-reducer';

/** Named whole-number amounts (`{ cpu, memory, pods }`). */
export type Figures = Readonly<Record<string, number>>;

/** What one pod adds, and where. */
export interface PodTally<T, F extends Figures> {
  /** The key it counts under (its node, its namespace); undefined: it counts nowhere. */
  keyOf(pod: T): string | undefined;
  /** What it adds there; the same names for every pod. */
  figuresOf(pod: T): F;
}

interface Counted<F> {
  key: string;
  figures: F;
}

const sameFigures = (a: Figures, b: Figures) => Object.keys(a).every((name) => a[name] === b[name]);

/**
 * The totals of a `PodTally` over a live list of pods (rows or objects with a top-level `uid`, as the
 * BFF's rows have), from a whole list (`reset`) and then watch events (`apply`), matched by uid as the list
 * reducer matches them. A key whose figures change gets a new totals object, every other keeps its own;
 * a key no pod counts under any more has none, as if summed from scratch.
 */
export class PodTallies<T extends { uid: string }, F extends Figures> {
  /** uid -> where the pod counts and what it adds there. */
  private readonly counted = new Map<string, Counted<F>>();
  private readonly totals = new Map<string, { members: number; figures: F }>();

  constructor(
    private readonly tally: PodTally<T, F>,
    pods: Iterable<T> = [],
  ) {
    this.reset(pods);
  }

  /** Starts again from a whole list (a watch's snapshot, after a relist). */
  reset(pods: Iterable<T>): void {
    this.counted.clear();
    this.totals.clear();
    for (const pod of pods) {
      const key = this.tally.keyOf(pod);
      if (key === undefined || !pod.uid) continue;
      const figures = this.tally.figuresOf(pod);
      this.counted.set(pod.uid, { key, figures });
      const total = this.totals.get(key);
      // Summed in place: nothing has been handed out yet.
      if (!total) this.totals.set(key, { members: 1, figures: { ...figures } });
      else {
        total.members += 1;
        const sums = total.figures as Record<string, number>;
        for (const name in figures) sums[name] += figures[name];
      }
    }
  }

  /** Applies watch events in order; returns the keys whose totals changed. */
  apply(events: Iterable<WatchEvent<T>>): Set<string> {
    const changed = new Set<string>();
    for (const { type, object } of events) {
      const uid = object.uid;
      if (!uid || type === 'BOOKMARK') continue;
      const before = this.counted.get(uid);
      const key = type === 'DELETED' ? undefined : this.tally.keyOf(object);
      const figures = key === undefined ? undefined : this.tally.figuresOf(object);
      if (before && key === before.key && sameFigures(before.figures, figures!)) continue;
      if (before) {
        this.add(before.key, before.figures, -1);
        this.counted.delete(uid);
        changed.add(before.key);
      }
      if (key !== undefined) {
        this.add(key, figures!, 1);
        this.counted.set(uid, { key, figures: figures! });
        changed.add(key);
      }
    }
    return changed;
  }

  /** The totals under `key` now (undefined when no pod counts there); the same object until they change. */
  get(key: string): F | undefined {
    return this.totals.get(key)?.figures;
  }

  /** Every key some pod counts under. */
  keys(): IterableIterator<string> {
    return this.totals.keys();
  }

  private add(key: string, figures: F, sign: 1 | -1): void {
    const total = this.totals.get(key);
    const members = (total?.members ?? 0) + sign;
    if (members === 0) {
      this.totals.delete(key);
      return;
    }
    // A new object: the one handed out before stays as it was.
    const sums: Record<string, number> = { ...total?.figures };
    for (const name in figures) sums[name] = (sums[name] ?? 0) + sign * figures[name];
    this.totals.set(key, { members, figures: sums as F });
  }
}
