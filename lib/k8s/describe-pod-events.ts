/**
 * The Events table of `kubectl describe` (`DescribeEvents`): `Type Reason Age From Message`, oldest first,
 * a repeated event aged as `2m (x3 over 10m)`.
 */

import { parseTimestamp, translateTimestampSince } from '@/lib/k8s/duration';
import type { DescribeEvent } from '@/lib/k8s/describe-pod-model';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';

/**
 * The instant kubectl sorts by (`pkg/util/event` `eventTime`): the series' last observation, else
 * `lastTimestamp`, else the events.k8s.io `eventTime`.
 */
function sortTime(event: CoreEvent): number {
  const date = parseTimestamp(event.series?.lastObservedTime) ?? parseTimestamp(event.lastTimestamp) ?? parseTimestamp(event.eventTime);
  return date?.getTime() ?? 0;
}

/**
 * The Age cell. events.k8s.io writers set `eventTime` and a `series`; core/v1 writers set
 * first/lastTimestamp and `count`. A missing time prints `<unknown>`, as `translateTimestampSince` does.
 */
export function eventAge(event: CoreEvent, now: Date): string {
  const first = event.eventTime ? translateTimestampSince(event.eventTime, now) : translateTimestampSince(event.firstTimestamp, now);
  if (event.series) return `${translateTimestampSince(event.series.lastObservedTime, now)} (x${event.series.count} over ${first})`;
  if ((event.count ?? 0) > 1) return `${translateTimestampSince(event.lastTimestamp, now)} (x${event.count} over ${first})`;
  return first;
}

/** The rows of the Events table, sorted oldest first (a stable sort keeps the server's order on ties). */
export function describeEvents(events: readonly CoreEvent[], now: Date): DescribeEvent[] {
  return [...events]
    .sort((a, b) => sortTime(a) - sortTime(b))
    .map((event, index) => ({
      key: event.metadata?.uid ?? event.metadata?.name ?? String(index),
      type: event.type ?? '',
      reason: event.reason ?? '',
      age: eventAge(event, now),
      from: event.source?.component || event.reportingComponent || '',
      message: (event.message ?? '').trim(),
    }));
}
