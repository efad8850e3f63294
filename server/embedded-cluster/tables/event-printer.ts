import { translateTimestampSince } from '@/lib/k8s/duration';
import { at, column, int, nameColumn, str, swaggerDoc, type Printer } from './printer';

/** printers.go formatEventSource: the legacy `source` when set, else the reporting controller and instance. */
function eventSource(obj: unknown): string {
  const [component, instance] = str(at(obj, 'source', 'component'))
    ? [str(at(obj, 'source', 'component')), str(at(obj, 'source', 'host'))]
    : [str(at(obj, 'reportingComponent')), str(at(obj, 'reportingInstance'))];
  return instance ? `${component}, ${instance}` : component;
}

/** The core/v1 Event Table of printers.go `printEvent`. */
export const events: Printer = {
  columns: [
    column('Last Seen', swaggerDoc('core:Event', 'lastTimestamp')),
    column('Type', swaggerDoc('core:Event', 'type')),
    column('Reason', swaggerDoc('core:Event', 'reason')),
    column('Object', swaggerDoc('core:Event', 'involvedObject')),
    column('Subobject', swaggerDoc('core:ObjectReference', 'fieldPath'), { priority: 1 }),
    column('Source', swaggerDoc('core:Event', 'source'), { priority: 1 }),
    column('Message', swaggerDoc('core:Event', 'message')),
    column('First Seen', swaggerDoc('core:Event', 'firstTimestamp'), { priority: 1 }),
    column('Count', swaggerDoc('core:Event', 'count'), { priority: 1 }),
    nameColumn(1),
  ],
  row(obj, now) {
    // A zero firstTimestamp falls back to eventTime, a zero lastTimestamp to the first; a series wins over both.
    const firstTimestamp = str(at(obj, 'firstTimestamp'))
      ? translateTimestampSince(str(at(obj, 'firstTimestamp')), now)
      : translateTimestampSince(str(at(obj, 'eventTime')), now);
    let lastTimestamp = str(at(obj, 'lastTimestamp')) ? translateTimestampSince(str(at(obj, 'lastTimestamp')), now) : firstTimestamp;
    let count = int(at(obj, 'count'));
    const series = at(obj, 'series');
    if (series && typeof series === 'object') {
      lastTimestamp = translateTimestampSince(str(at(series, 'lastObservedTime')), now);
      count = int(at(series, 'count'));
    } else if (count === 0) {
      count = 1;
    }
    const kind = str(at(obj, 'involvedObject', 'kind')).toLowerCase();
    const involvedName = str(at(obj, 'involvedObject', 'name'));
    return {
      cells: [
        lastTimestamp,
        str(at(obj, 'type')),
        str(at(obj, 'reason')),
        involvedName ? `${kind}/${involvedName}` : kind,
        str(at(obj, 'involvedObject', 'fieldPath')),
        eventSource(obj),
        str(at(obj, 'message')).trim(),
        firstTimestamp,
        count,
        str(at(obj, 'metadata', 'name')),
      ],
    };
  },
};
