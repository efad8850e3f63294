/**
 * The pure heart of a live list: a snapshot plus watch events in, the new list out. Objects are matched by
 * `metadata.uid`, never by name (a deleted and recreated pod of the same name is a different object), and
 * resourceVersion is kept only as an opaque token: Kubernetes promises nothing about its ordering, so it is
 * never compared except for equality.
 */

/** The slice of an object the reducer reads. */
export interface ListItem {
  metadata?: { uid?: string; resourceVersion?: string } | null;
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

const uidOf = (item: ListItem): string | undefined => item.metadata?.uid ?? undefined;

/** uid -> position in one items array, and the newest array it describes (see `positionsOf`). */
interface Positions {
  at: Map<string, number>;
  latest: readonly ListItem[];
}

const positions = new WeakMap<readonly ListItem[], Positions>();

/**
 * Where each uid sits in `items`, remembered so that a batch that replaces or appends does not walk a list of
 * 50,000 items again. A batch of that kind keeps every position, so the next array shares the map and adds
 * its appended uids; the map is trusted only for the newest array it was handed to, and any other (a list
 * reduced twice) gets a map of its own.
 */
function positionsOf(items: readonly ListItem[]): Positions {
  const known = positions.get(items);
  if (known && known.latest === items) return known;
  const at = new Map<string, number>();
  items.forEach((item, i) => {
    const uid = uidOf(item);
    if (uid) at.set(uid, i);
  });
  const fresh = { at, latest: items };
  positions.set(items, fresh);
  return fresh;
}

/** Replaces and appends (no DELETED): every item keeps its position, so no walk of the whole list. */
function replaceOrAppend<T extends ListItem>(items: T[], events: readonly WatchEvent<T>[]): T[] {
  const known = positionsOf(items);
  let next: T[] | undefined;
  for (const event of events) {
    const uid = uidOf(event.object);
    if (!uid || event.type === 'BOOKMARK') continue;
    const current = next ?? items;
    const at = known.at.get(uid);
    if (at !== undefined) {
      if (current[at] === event.object) continue;
      next ??= [...items];
      next[at] = event.object;
    } else {
      next ??= [...items];
      known.at.set(uid, next.length);
      next.push(event.object);
    }
  }
  if (!next) return items;
  known.latest = next;
  positions.set(next, known);
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
  if (!events.some((event) => event.type === 'DELETED')) {
    const items = replaceOrAppend(list.items, events);
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
