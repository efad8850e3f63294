import { matchesFields, parseFieldSelector } from '@/lib/k8s/field-selector';
import type { ListItem, WatchEvent } from '@/lib/k8s/list-reducer';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import { failureStatus, type K8sStatus } from '@/lib/contract/status';
import { selectableFields, unsupportedFieldError } from '@/lib/k8s/selectable-fields';

type Obj = ListItem & { metadata?: { labels?: Record<string, string> } | null };

/** Whether one object is in a subscriber's view. */
export type ObjectFilter = ((obj: Obj) => boolean) & { matchesAll?: boolean };

const badRequest = (message: string): K8sStatus => failureStatus({ code: 400, reason: 'BadRequest', message });

/**
 * Builds a subscriber's filter from its selectors with the same parsers and matchers the API server's
 * semantics are ported into, so a selector reads the same in the BFF as in `kubectl get -l/--field-selector`.
 * A bad selector is the 400 Status the API server would answer.
 */
export function makeObjectFilter(options: {
  resource: string;
  labelSelector?: string;
  fieldSelector?: string;
}): { ok: true; filter: ObjectFilter } | { ok: false; status: K8sStatus } {
  const labels = parseLabelSelector(options.labelSelector ?? '');
  if (!labels.ok) return { ok: false, status: badRequest(labels.apiMessage) };
  const fields = parseFieldSelector(options.fieldSelector ?? '');
  if (!fields.ok) return { ok: false, status: badRequest(fields.message) };
  const unsupported = unsupportedFieldError(options.resource, fields.selector.map((r) => r.field));
  if (unsupported) return { ok: false, status: badRequest(unsupported) };
  const labelSelector = labels.selector;
  const fieldSelector = fields.selector;
  const filter: ObjectFilter = (obj) =>
    matchesLabels(labelSelector, obj.metadata?.labels) &&
    (fieldSelector.length === 0 || matchesFields(fieldSelector, selectableFields(options.resource, obj)));
  filter.matchesAll = labelSelector.length === 0 && fieldSelector.length === 0;
  return { ok: true, filter };
}

/** An upstream change with the object as it was before, which a selector's view needs. */
export interface SourceEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: Obj;
  previous?: Obj;
}

/**
 * The events one subscriber sees. A change that moves an object into the selector's view is an ADDED for
 * it and one that moves it out is a DELETED, as the API server's filtered watches do
 * (`watch.Filter` with the old object, in the watch cache's `cacheWatcher.convertToWatchEvent`).
 */
export function viewEvents(events: readonly SourceEvent[], filter: ObjectFilter): WatchEvent[] {
  if (filter.matchesAll) return events.map(({ type, object }) => ({ type, object }));
  const out: WatchEvent[] = [];
  for (const { type, object, previous } of events) {
    const now = type !== 'DELETED' && filter(object);
    const before = previous !== undefined && filter(previous);
    if (type === 'DELETED') {
      if (filter(previous ?? object)) out.push({ type, object });
    } else if (now && before) out.push({ type: 'MODIFIED', object });
    else if (now) out.push({ type: 'ADDED', object });
    else if (before) out.push({ type: 'DELETED', object });
  }
  return out;
}
