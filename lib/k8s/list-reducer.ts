/**
 * The pure heart of a live list: a snapshot plus watch events in, the new list out. Objects are matched by
 * `metadata.uid`, never by name (a deleted and recreated pod of the same name is a different object), and
 * resourceVersion is kept only as an opaque token: Kubernetes promises nothing about its ordering, so it is
 * never compared except for equality.
 */
import { ChunkedList, type ChunkedListDraft } from './chunked-list';

/** The slice of an object the reducer reads; a list row (lib/contract/row-view.ts) carries its uid at the top. */
export interface ListItem {
  metadata?: { uid?: string; resourceVersion?: string } | null;
  uid?: string;
}

/** One watch event as the API server sends it (`BOOKMARK` carries no object change). */
export interface WatchEvent<T extends ListItem = ListItem> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: T;
}

/**
 * A list as the console keeps it: the items and the resourceVersion they are current at. The items are a
 * persistent list, so a batch of events costs the chunks it touches, not a copy of every item (50,000 pods).
 */
export interface WatchedList<T extends ListItem = ListItem> {
  items: ChunkedList<T>;
  resourceVersion: string;
}

/** A snapshot: `items` in their order at `resourceVersion`. */
export function watchedList<T extends ListItem>(items: Iterable<T>, resourceVersion: string): WatchedList<T> {
  return { items: ChunkedList.from(items), resourceVersion };
}

const uidOf = (item: ListItem | undefined): string | undefined => item?.metadata?.uid ?? item?.uid ?? undefined;

/** What one event did to the item of `uid`: replaced `before` by `after`, added it (no `before`) or removed it (no `after`). */
export interface ListEdit<T> {
  uid: string;
  before?: T;
  after?: T;
}

/** How an items list was made from the one before it, for consumers that follow a list in time proportional to the changes. */
export interface ListChange<T> {
  from: ChunkedList<T>;
  edits: readonly ListEdit<T>[];
}

// Keyed by the new items list: the edits travel with the list through the query cache without being part
// of what the cache (or anyone comparing lists) sees.
const changes = new WeakMap<ChunkedList<unknown>, ListChange<unknown>>();

/** How `items` was made from an earlier list by `reduceList`, in order; `undefined` for a snapshot (then take the whole list). */
export function listChange<T>(items: ChunkedList<T>): ListChange<T> | undefined {
  return changes.get(items) as ListChange<T> | undefined;
}

// Where an item sits: each has the number of its arrival (a replacement keeps it, a new item takes the next),
// so a list is in the order of these numbers and an item is found by binary search. One table serves a line
// of versions, handed from a list to the one reduced from it (`head`); reducing any other version numbers
// that one again. Items without a uid (only a snapshot can hold one) are numbered by identity.
interface Arrivals {
  numbers: Map<unknown, number>;
  next: number;
  head: ChunkedList<ListItem>;
}
const arrivals = new WeakMap<ChunkedList<ListItem>, Arrivals>();

function arrivalsOf(items: ChunkedList<ListItem>): Arrivals {
  const known = arrivals.get(items);
  if (known?.head === items) return known;
  const numbered: Arrivals = { numbers: new Map(), next: 0, head: items };
  for (const item of items) numbered.numbers.set(uidOf(item) ?? item, numbered.next++);
  arrivals.set(items, numbered);
  return numbered;
}

function positionOf(draft: ChunkedListDraft<ListItem>, { numbers }: Arrivals, uid: string): number {
  const number = numbers.get(uid);
  if (number === undefined) return -1;
  const at = draft.bound((item) => (numbers.get(uidOf(item) ?? item) ?? NaN) - number);
  if (uidOf(draft.at(at)) === uid) return at;
  // A uid twice in a snapshot leaves the numbers out of order: look item by item.
  let i = 0;
  for (const item of draft) {
    if (uidOf(item) === uid) return i;
    i++;
  }
  return -1;
}

/**
 * Applies events in order. `ADDED` and `MODIFIED` replace the object with the same uid in place or append it
 * (a watch may repeat an ADDED after a relist); `DELETED` removes it; events without a uid are ignored since
 * they cannot be placed. Each event costs O(log n) and a chunk copy at most once per batch, and what it did
 * is recorded (`listChange`). Returns the same list object when nothing changed, so React can skip a render.
 */
export function reduceList<T extends ListItem>(list: WatchedList<T>, events: readonly WatchEvent<T>[], resourceVersion?: string): WatchedList<T> {
  const nextVersion = resourceVersion ?? list.resourceVersion;
  const numbered = arrivalsOf(list.items);
  const draft = list.items.edit();
  const edits: ListEdit<T>[] = [];
  for (const event of events) {
    const uid = uidOf(event.object);
    if (!uid || event.type === 'BOOKMARK') continue;
    const at = positionOf(draft, numbered, uid);
    const before = at >= 0 ? draft.at(at) : undefined;
    if (event.type === 'DELETED') {
      if (at < 0) continue;
      draft.remove(at);
      numbered.numbers.delete(uid);
      edits.push({ uid, before });
    } else if (at >= 0) {
      if (before === event.object) continue;
      draft.set(at, event.object);
      edits.push({ uid, before, after: event.object });
    } else {
      draft.push(event.object);
      numbered.numbers.set(uid, numbered.next++);
      edits.push({ uid, after: event.object });
    }
  }
  const items = draft.finish();
  if (items === list.items) return nextVersion === list.resourceVersion ? list : { items, resourceVersion: nextVersion };
  numbered.head = items;
  arrivals.set(items, numbered);
  changes.set(items, { from: list.items, edits });
  return { items, resourceVersion: nextVersion };
}
