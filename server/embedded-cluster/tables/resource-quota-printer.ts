import { translateTimestampSince } from '@/lib/k8s/duration';
import { ageColumn, at, column, nameColumn, record, str, type Printer } from './printer';

/**
 * printers.go printResourceQuota: REQUEST and LIMIT list `resource: used/hard` for every resource in
 * status.hard, sorted by name, with `limits.*` resources in LIMIT and the rest in REQUEST. status is
 * what the resource-quota controller writes; until something does, both cells are empty.
 * (LimitRanges have no printer of their own here: printers.go's NAME / CREATED AT is the default table.)
 */
export const resourcequotas: Printer = {
  columns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  row(obj, now) {
    const hard = record(at(obj, 'status', 'hard'));
    const used = record(at(obj, 'status', 'used'));
    const request: string[] = [];
    const limit: string[] = [];
    for (const resource of Object.keys(hard).sort()) {
      const pieces = resource.split('.');
      const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
      // A missing used quantity prints as Go's zero Quantity, "0".
      target.push(`${resource}: ${str(used[resource]) || '0'}/${str(hard[resource])}`);
    }
    const age = translateTimestampSince(str(at(obj, 'metadata', 'creationTimestamp')), now);
    return { cells: [str(at(obj, 'metadata', 'name')), age, request.join(', '), limit.join(', ')] };
  },
};
