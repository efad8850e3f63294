import { translateTimestampSince } from '@/lib/k8s/duration';
import { taintText, type NodeListRow, type NodeRowSortKey } from '@/lib/k8s/node-list-row';
import type { StatusTone } from '@/lib/k8s/pod-list-row';
import type { ResourceColumn } from '@/components/resources/resource-table';
import { StatusBadge } from '@/components/pods/status-badge';
import { NoneText } from '@/components/resources/none-text';
import { AllocationBar } from './allocation-bar';

type Column = ResourceColumn<NodeListRow, NodeRowSortKey>;

/** A node's STATUS colour: not ready is an error, cordoned a warning. */
export function nodeTone(status: string): StatusTone {
  if (status.startsWith('NotReady') || status.startsWith('Unknown')) return 'error';
  return status.includes('SchedulingDisabled') ? 'warning' : 'ok';
}

const muted = 'text-slate-600 dark:text-slate-400';
/** kubectl prints `<none>` for an empty cell; it shows in the list's one muted style. */
const orNone = (text: string) => (text === '<none>' ? <NoneText /> : text);

/** `kubectl get nodes` after NAME. */
const BASE: Column[] = [
  { label: 'Status', sortKey: 'status', cell: (row) => <StatusBadge status={row.status} tone={nodeTone(row.status)} /> },
  { label: 'Roles', sortKey: 'roles', className: muted, cell: (row) => orNone(row.roles) },
  { label: 'Age', sortKey: 'age', className: 'tabular-nums', cell: (row, now) => translateTimestampSince(row.created, now) },
  { label: 'Version', sortKey: 'version', className: muted, cell: (row) => row.version },
];

/** The columns `-o wide` adds. */
const WIDE: Column[] = [
  { label: 'Internal-IP', className: `font-mono text-xs ${muted}`, cell: (row) => orNone(row.internalIP) },
  { label: 'External-IP', className: `font-mono text-xs ${muted}`, cell: (row) => orNone(row.externalIP) },
  { label: 'OS-Image', className: muted, cell: (row) => row.osImage },
  { label: 'Kernel-Version', className: muted, cell: (row) => row.kernelVersion },
  { label: 'Container-Runtime', className: muted, cell: (row) => row.containerRuntime },
];

/** What placement depends on: taints, and requests against allocatable. */
const PLACEMENT: Column[] = [
  {
    label: 'Taints',
    cell: (row) =>
      row.taints.length ? (
        <span className="flex gap-1">{row.taints.map(taintText).map((t) => <code key={t} className="rounded bg-amber-50 px-1 font-mono text-[11px] text-amber-900 dark:bg-amber-950 dark:text-amber-200">{t}</code>)}</span>
      ) : (
        <NoneText />
      ),
  },
  { label: 'CPU requested', sortKey: 'cpu', cell: (row) => <AllocationBar resource="cpu" allocation={row.cpu} /> },
  { label: 'Memory requested', sortKey: 'memory', cell: (row) => <AllocationBar resource="memory" allocation={row.memory} /> },
  { label: 'Pods', sortKey: 'pods', cell: (row) => <AllocationBar resource="pods" allocation={row.pods} /> },
];

export function nodeColumns(wide: boolean): Column[] {
  return [...BASE, ...(wide ? WIDE : []), ...PLACEMENT];
}
