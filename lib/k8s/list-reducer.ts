/**
 * The pure heart of a live list: a snapshot plus watch events in, the new list out. Objects are matched by
 * `metadata.uid`, never by name (a deleted and recreated pod of the same name is a different object), and
 * resourceVersion is kept only as an opaque token: Kubernetes promises nothing about its ordering, so it is
 * never compared except for equality.
 */

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

/** A list as the console keeps it: the items and the resourceVersion they are current at. */
export interface WatchedList<T extends ListItem = ListItem> {
  items: T[];
  resourceVersion: string;
}

const uidOf = (item: ListItem): string | undefined => item.metadata?.uid ?? item.uid ?? undefined;

/**
 * One step of what a batch did to the items array, in the order applied: replace at `index`, append, or
 * remove at `index` (later steps see the positions the earlier ones left).
 */
export type ListEdit<T> = { kind: 'set'; index: number; item: T } | { kind: 'append'; item: T } | { kind: 'remove'; index: number };

/** How an items array was made from the one before it, for consumers that follow a list in time proportional to the changes. */
export interface ListChange<T> {
  from: readonly T[];
  edits: readonly ListEdit<T>[];
}

// Keyed by the new items array: the edits travel with the list through the query cache without being part
// of what the cache (or anyone comparing lists) sees.
const changes = new WeakMap<readonly unknown[], ListChange<unknown>>();

/**
 * How `items` was made from an earlier array by `reduceList`, when it was made by a batch small enough to be
 * described edit by edit, or by one without removals; `undefined` for a snapshot or a large batch with
 * removals (then start again from the whole list).
 */
export function listChange<T>(items: readonly T[]): ListChange<T> | undefined {
  return changes.get(items) as ListChange<T> | undefined;
}

// Where each uid sits in an items array, built on first use and handed on to the next array while the
// positions stay true (replacements and appends); a removal shifts them, so the next batch builds it again.
// Entries are only ever added or moved (by an append), never removed, so no entry means the uid is in no array
// sharing the index; an entry pointing at another item (two lists appended to from the same one) means look.
const positions = new WeakMap<readonly ListItem[], Map<string, number>>();

function positionIndex(items: readonly ListItem[]): Map<string, number> {
  let index = positions.get(items);
  if (!index) {
    index = new Map();
    for (let i = 0; i < items.length; i++) {
      const uid = uidOf(items[i]);
      if (uid) index.set(uid, i);
    }
    positions.set(items, index);
  }
  return index;
}

function positionOf(items: readonly ListItem[], index: Map<string, number>, uid: string): number {
  const at = index.get(uid);
  if (at === undefined) return -1;
  if (at < items.length && uidOf(items[at]) === uid) return at;
  return items.findIndex((item) => uidOf(item) === uid);
}

// Up to this many events, each is applied by position (one array copy for the batch, a splice per removal);
// past it, one pass through a Map of every item costs less than that many splices of a 50,000-item array.
// A batch without removals is applied by position whatever its size: a replacement or an append costs O(1)
// there, so the edits are recorded at no extra cost (the initial list's later pages arrive as 500 ADDED
// events each, and a table following them edit by edit need not start again from 50,000 rows per page).
const EDIT_UP_TO = 256;
const removes = (events: readonly WatchEvent[]) => events.some((event) => event.type === 'DELETED');

/** A batch applied by position, its edits recorded; the same array when nothing changed. */
function applyByPosition<T extends ListItem>(items: T[], events: readonly WatchEvent<T>[]): T[] {
  let next: T[] | undefined;
  let index = positionIndex(items);
  // Whether `index` is still true of `next` (a removal makes it stale, until rebuilt for `next`).
  let indexTrue = true;
  const edits: ListEdit<T>[] = [];
  for (const event of events) {
    const uid = uidOf(event.object);
    if (!uid || event.type === 'BOOKMARK') continue;
    const current = next ?? items;
    if (!indexTrue) {
      positions.delete(current);
      index = positionIndex(current);
      indexTrue = true;
    }
    const at = positionOf(current, index, uid);
    if (event.type === 'DELETED') {
      if (at < 0) continue;
      next ??= [...items];
      next.splice(at, 1);
      edits.push({ kind: 'remove', index: at });
      indexTrue = false;
    } else if (at >= 0) {
      if (current[at] === event.object) continue;
      next ??= [...items];
      next[at] = event.object;
      edits.push({ kind: 'set', index: at, item: event.object });
    } else {
      next ??= [...items];
      next.push(event.object);
      index.set(uid, next.length - 1);
      edits.push({ kind: 'append', item: event.object });
    }
  }
  if (!next) return items;
  if (indexTrue) positions.set(next, index);
  changes.set(next, { from: items, edits });
  return next;
}

/**
 * Applies events in order. `ADDED` and `MODIFIED` replace the object with the same uid in place or append it
 * (a watch may repeat an ADDED after a relist); `DELETED` removes it; events without a uid are ignored since
 * they cannot be placed. Returns the same list object when nothing changed, so React can skip a render.
 */
export function reduceList<T extends ListItem>(
  list: WatchedList<T>,
  events: readonly WatchEvent<T>[],
  resourceVersion?: string,
): WatchedList<T> {
  const nextVersion = resourceVersion ?? list.resourceVersion;
  if (events.length <= EDIT_UP_TO || !removes(events)) {
    const items = applyByPosition(list.items, events);
    if (items === list.items && nextVersion === list.resourceVersion) return list;
    return { items, resourceVersion: nextVersion };
  }
  // A Map keeps insertion order and keeps a key's position when its value is replaced: exactly "replace in
  // place, append new, remove deleted", in O(items + events). Built lazily, on the first real change.
  let byUid: Map<string, T> | undefined;
  const table = () => {
    if (!byUid) {
      byUid = new Map();
      list.items.forEach((item, i) => byUid!.set(uidOf(item) ?? `\u0000no-uid-${i}`, item));
    }
    return byUid;
  };
  let changed = false;

  for (const event of events) {
    const uid = uidOf(event.object);
    if (!uid || event.type === 'BOOKMARK') continue;
    const items = table();
    if (event.type === 'DELETED') {
      changed = items.delete(uid) || changed;
    } else if (items.get(uid) !== event.object) {
      items.set(uid, event.object);
      changed = true;
    }
  }
  if (!changed && nextVersion === list.resourceVersion) return list;
  return { items: changed && byUid ? [...byUid.values()] : list.items, resourceVersion: nextVersion };
}
