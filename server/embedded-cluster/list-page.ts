import type { KubeObject } from './types';

/** One resource's stored objects in list (key) order: two parallel arrays. */
export interface OrderedObjects {
  keys: readonly string[];
  objects: readonly KubeObject[];
}

/** What a list page asks of the ordered objects. */
export interface PageRequest {
  /** Keys that belong to the list start with this (`pods|` or `pods|default|`). */
  prefix: string;
  /** Only keys after this one (exclusive): where a continue token left off. */
  afterKey?: string;
  limit?: number;
  matches(obj: KubeObject): boolean;
}

/** A page, whether keys follow it (etcd's `hasMore`), and how many keys follow it, matching or not. */
export interface Page {
  items: KubeObject[];
  more: boolean;
  remaining: number;
}

/** The first index whose key is >= `key` (or > `key` with `after`), by binary search. */
export function searchKeys(keys: readonly string[], key: string, after = false): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const probe = keys[mid] as string;
    if (probe < key || (after && probe === key)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Cuts a page as etcd3's GetList does: starts after the continue key, takes keys in order while the page
 * has fewer than `limit` matching objects, and says there is more when a key (matching or not) is left in
 * the range. Binary search finds the start, so each page of a 50,000-pod list costs its own size, not the
 * whole list.
 */
export function cutPage(ordered: OrderedObjects, request: PageRequest): Page {
  const { keys, objects } = ordered;
  const { prefix, afterKey, limit, matches } = request;
  let index = searchKeys(keys, prefix);
  if (afterKey !== undefined && afterKey >= prefix) index = Math.max(index, searchKeys(keys, afterKey, true));
  const end = searchKeys(keys, `${prefix}\uffff`);
  const items: KubeObject[] = [];
  for (; index < end; index++) {
    if (limit !== undefined && items.length >= limit) break;
    const obj = objects[index] as KubeObject;
    if (matches(obj)) items.push(obj);
  }
  return { items, more: index < end, remaining: end - index };
}

/**
 * The ordered objects as they stood before the changes in `before` (key -> the object then, or undefined
 * where it did not exist yet): an MVCC read of an older revision, rebuilt from the history ring. One merge
 * of the (few) changed keys into the ordered ones, not a sort of all of them: every page of a paged list
 * read while writes go on pays this, and sorting 50,000 keys per page stalled the server.
 */
export function orderedAt(current: OrderedObjects, before: ReadonlyMap<string, KubeObject | undefined>): OrderedObjects {
  if (before.size === 0) return current;
  const changed = [...before].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const keys: string[] = [];
  const objects: KubeObject[] = [];
  const keep = (key: string, obj: KubeObject | undefined) => {
    if (!obj) return;
    keys.push(key);
    objects.push(obj);
  };
  let i = 0;
  for (const [key, then] of changed) {
    // Unchanged keys before this one stay as they are.
    for (; i < current.keys.length && (current.keys[i] as string) < key; i++) keep(current.keys[i] as string, current.objects[i]);
    // Changed since: the object as it was then (none if it was added since); deleted since: back in its place.
    if (current.keys[i] === key) i++;
    keep(key, then);
  }
  for (; i < current.keys.length; i++) keep(current.keys[i] as string, current.objects[i]);
  return { keys, objects };
}
