import { translateTimestampSince } from '@/lib/k8s/duration';
import type { NamespaceRowWithPods, NamespaceSortKey, PodCount } from '@/lib/k8s/namespace-row';
import type { ResourceColumn } from '@/components/resources/resource-table';
import { StatusBadge } from '@/components/pods/status-badge';

function PodsCell({ count }: { count?: PodCount }) {
  if (!count) return <span className="text-slate-600 dark:text-slate-400">0</span>;
  return (
    <span className="tabular-nums">
      {count.total}
      {count.notRunning ? <span className="ml-1 text-amber-800 dark:text-amber-300">({count.notRunning} not running)</span> : null}
    </span>
  );
}

/** `kubectl get namespaces` (STATUS, AGE), with the pods each holds beside them. */
export const namespaceColumns: ResourceColumn<NamespaceRowWithPods, NamespaceSortKey>[] = [
  { label: 'Status', sortKey: 'status', cell: (row) => <StatusBadge status={row.status} /> },
  { label: 'Pods', sortKey: 'pods', cell: (row) => <PodsCell count={row.pods} /> },
  { label: 'Age', sortKey: 'age', className: 'tabular-nums', cell: (row, now) => translateTimestampSince(row.created, now) },
];
