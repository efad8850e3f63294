import Link from 'next/link';
import { translateTimestampSince } from '@/lib/k8s/duration';
import { isUnscheduled } from '@/lib/k8s/scheduling/preview-subject';
import { schedulingHref } from '@/components/nodes/node-links';
import type { PodListRow, PodRowSortKey } from '@/lib/k8s/pod-list-row';
import type { ResourceColumn } from '@/components/resources/resource-table';
import { StatusBadge } from './status-badge';

function restartsText(row: PodListRow, now: Date): string {
  if (row.restarts === 0 || !row.lastRestart) return String(row.restarts);
  return `${row.restarts} (${translateTimestampSince(row.lastRestart, now)} ago)`;
}

/** A pod the scheduler has not placed links to the scheduling preview, which says why. */
function StatusCell({ row, context }: { row: PodListRow; context?: string }) {
  if (!isUnscheduled(row.pod)) return <StatusBadge status={row.status} />;
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge status={row.status} />
      <Link href={schedulingHref({ context, namespace: row.namespace, pod: row.name })} prefetch={false} aria-label={`Why pending? ${row.name}`} className="text-xs text-sky-700 hover:underline dark:text-sky-300">
        Why pending?
      </Link>
    </span>
  );
}

/** The columns of `kubectl get pods -o wide` the list shows after NAME. */
export const podColumns = (context?: string): ResourceColumn<PodListRow & { namespace: string }, PodRowSortKey>[] => [
  { label: 'Ready', sortKey: 'ready', className: 'tabular-nums', cell: (row) => row.ready },
  { label: 'Status', sortKey: 'status', cell: (row) => <StatusCell row={row} context={context} /> },
  { label: 'Restarts', sortKey: 'restarts', className: 'tabular-nums', cell: restartsText },
  { label: 'Age', sortKey: 'age', className: 'tabular-nums', cell: (row, now) => translateTimestampSince(row.created, now) },
  { label: 'Node', sortKey: 'node', className: 'text-slate-600 dark:text-slate-400', cell: (row) => row.node || '<none>' },
  { label: 'IP', sortKey: 'ip', className: 'font-mono text-xs text-slate-600 dark:text-slate-400', cell: (row) => row.ip || '<none>' },
];
