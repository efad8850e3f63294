import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import type { WatchSink } from './shared-watch';

/** Where one subscriber's messages go once filtered: objects, or rows for a `rows` view. */
export type SubscriberSink = Omit<WatchSink<ListItem>, 'filter'>;

type Project = (object: unknown) => ListItem;

/** Projected lists by the list they project, per row function. */
const projectedItems = new WeakMap<Project, WeakMap<ListItem[], ListItem[]>>();
const projectedEvents = new WeakMap<Project, WeakMap<WatchEvent[], WatchEvent[]>>();

function memoized<T extends object>(memo: WeakMap<Project, WeakMap<T, T>>, project: Project, list: T, make: () => T): T {
  let lists = memo.get(project);
  if (!lists) memo.set(project, (lists = new WeakMap()));
  let projected = lists.get(list);
  if (!projected) lists.set(list, (projected = make()));
  return projected;
}

/**
 * A sink that sends rows: each object the shared watch hands over, already filtered by the subscriber's
 * selectors (which match the object, not its row), is projected with its kind's row function just before
 * it goes out. Row functions cache by object identity, so subscribers of one scope share the rows; and the
 * list of one batch (or snapshot) that the shared watch hands to every subscriber without selectors is
 * projected once into one list, so shared-encoding.ts encodes it once for all their sockets instead of
 * once per socket. A DELETED carries the row of the object as it was last seen, enough to find it by uid.
 */
export function projectingSink(out: SubscriberSink, project: Project): SubscriberSink {
  return {
    snapshot: (items, resourceVersion, partial) => out.snapshot(memoized(projectedItems, project, items, () => items.map(project)), resourceVersion, partial),
    events: (events, resourceVersion) =>
      out.events(
        memoized(projectedEvents, project, events, () => events.map(({ type, object }) => ({ type, object: project(object) }))),
        resourceVersion,
      ),
    status: (state, extra) => out.status(state, extra),
  };
}
