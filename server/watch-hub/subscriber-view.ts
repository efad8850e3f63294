import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import type { K8sStatus } from '@/lib/contract/status';
import type { WatchStatus } from '@/lib/contract/watch';

/** Where one subscriber's messages go once filtered: objects, or rows for a `rows` view. */
export interface SubscriberSink {
  snapshot(items: ListItem[], resourceVersion: string, partial: boolean): void;
  events(events: WatchEvent[], resourceVersion: string): void;
  status(state: WatchStatus['state'], extra: { status?: K8sStatus; retryInMs?: number }): void;
}

/**
 * A sink that sends rows: each object the shared watch hands over, already filtered by the subscriber's
 * selectors (which match the object, not its row), is projected with its kind's row function just before
 * it goes out. Row functions cache by object identity, so subscribers of one scope share the rows. A
 * DELETED carries the row of the object as it was last seen, enough to find it by uid.
 */
export function projectingSink(out: SubscriberSink, project: (object: unknown) => ListItem): SubscriberSink {
  return {
    snapshot: (items, resourceVersion, partial) => out.snapshot(items.map(project), resourceVersion, partial),
    events: (events, resourceVersion) => out.events(events.map(({ type, object }) => ({ type, object: project(object) })), resourceVersion),
    status: (state, extra) => out.status(state, extra),
  };
}
