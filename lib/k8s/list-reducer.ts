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

// Up to this many events, one scan of the list per event (no allocation but the copy) beats building a
// map of every item: a watch usually sends a few events at a time, and the list may hold 50,000.
const SCAN_UP_TO = 32;

/** A small batch applied with a scan per event; the same array when nothing changed. */
function applyByScan<T extends ListItem>(items: T[], events: readonly WatchEvent<T>[]): T[] {
  let next: T[] | undefined;
  for (const event of events) {
    const uid = uidOf(event.object);
    if (!uid || event.type === 'BOOKMARK') continue;
    const current = next ?? items;
    const at = current.findIndex((item) => uidOf(item) === uid);
    if (event.type === 'DELETED') {
      if (at < 0) continue;
      next ??= [...items];
      next.splice(at, 1);
    } else if (at >= 0) {
      if (current[at] === event.object) continue;
      next ??= [...items];
      next[at] = event.object;
    } else {
      next ??= [...items];
      next.push(event.object);
    }
  }
  return next ?? items;
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
  if (events.length <= SCAN_UP_TO) {
    const items = applyByScan(list.items, events);
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
