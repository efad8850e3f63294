import Link from 'next/link';
import { translateTimestampSince } from '@/lib/k8s/duration';
import { podStatusDetailText } from '@/lib/k8s/pod-status-detail';
import { schedulingHref } from '@/components/nodes/node-links';
import { NoneText } from '@/components/resources/none-text';
import type { PodListRow, PodRowSortKey } from '@/lib/k8s/pod-list-row';
import type { ResourceColumn } from '@/components/resources/resource-table';
import { StatusBadge } from './status-badge';

function restartsText(row: PodListRow, now: Date): string {
  if (row.restarts === 0 || !row.lastRestart) return String(row.restarts);
  return `${row.restarts} (${translateTimestampSince(row.lastRestart, now)} ago)`;
}

/**
 * STATUS, and under it why the pod is not running (the scheduler's or the kubelet's reason, which kubectl
 * shows only in `describe`). The reason is text in the cell, so it is read with the row; a pod the
 * scheduler has not placed links to the scheduling preview, described by that reason.
 */
function StatusCell({ row, context }: { row: PodListRow; context?: string }) {
  const detail = row.statusDetail ? podStatusDetailText(row.statusDetail) : undefined;
  const detailId = `status-detail-${row.uid}`;
  const badge = <StatusBadge status={row.status} />;
  return (
    <div className="py-1">
      {row.unscheduled ? (
        <span className="inline-flex items-center gap-2">
          {badge}
          <Link
            href={schedulingHref({ context, namespace: row.namespace, pod: row.name })}
            prefetch={false}
            aria-label={`Why pending? ${row.name}`}
            aria-describedby={detail ? detailId : undefined}
            className="text-xs text-sky-700 hover:underline dark:text-sky-300"
          >
            Why pending?
          </Link>
        </span>
      ) : (
        badge
      )}
      {detail ? (
        // A fixed width keeps a narrow window from squeezing it into a tall column; past three lines it is
        // clipped on screen only (screen readers get it all, and the pointer the title).
        <p id={detailId} title={detail} className="mt-0.5 line-clamp-3 w-80 whitespace-normal break-words text-xs text-slate-700 dark:text-slate-300">
          {detail}
        </p>
      ) : null}
    </div>
  );
}

/** The columns of `kubectl get pods -o wide` the list shows after NAME. */
export const podColumns = (context?: string): ResourceColumn<PodListRow & { namespace: string }, PodRowSortKey>[] => [
  { label: 'Ready', sortKey: 'ready', className: 'tabular-nums', cell: (row) => row.ready },
  { label: 'Status', sortKey: 'status', cell: (row) => <StatusCell row={row} context={context} /> },
  { label: 'Restarts', sortKey: 'restarts', className: 'tabular-nums', cell: restartsText },
  { label: 'Age', sortKey: 'age', className: 'tabular-nums', cell: (row, now) => translateTimestampSince(row.created, now) },
  { label: 'Node', sortKey: 'node', className: 'text-slate-600 dark:text-slate-400', cell: (row) => row.node || <NoneText /> },
  { label: 'IP', sortKey: 'ip', className: 'font-mono text-xs text-slate-600 dark:text-slate-400', cell: (row) => row.ip || <NoneText /> },
];
