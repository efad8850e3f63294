import { translateTimestampSince } from '@/lib/k8s/duration';
import type { PodListRow, PodRowSortKey } from '@/lib/k8s/pod-list-row';
import type { ResourceColumn } from '@/components/resources/resource-table';
import { StatusBadge } from './status-badge';

function restartsText(row: PodListRow, now: Date): string {
  if (row.restarts === 0 || !row.lastRestart) return String(row.restarts);
  return `${row.restarts} (${translateTimestampSince(row.lastRestart, now)} ago)`;
}

/** The columns of `kubectl get pods -o wide` the list shows after NAME. */
export const POD_COLUMNS: ResourceColumn<PodListRow & { namespace: string }, PodRowSortKey>[] = [
  { label: 'Ready', sortKey: 'ready', className: 'tabular-nums', cell: (row) => row.ready },
  { label: 'Status', sortKey: 'status', cell: (row) => <StatusBadge status={row.status} /> },
  { label: 'Restarts', sortKey: 'restarts', className: 'tabular-nums', cell: restartsText },
  { label: 'Age', sortKey: 'age', className: 'tabular-nums', cell: (row, now) => translateTimestampSince(row.created, now) },
  { label: 'Node', sortKey: 'node', className: 'text-slate-600 dark:text-slate-400', cell: (row) => row.node || '<none>' },
  { label: 'IP', sortKey: 'ip', className: 'font-mono text-xs text-slate-600 dark:text-slate-400', cell: (row) => row.ip || '<none>' },
];
