/**
 * What the nodes list shows of one node: the columns of `kubectl get nodes -o wide`, its taints, and what
 * the pods bound to it request against its allocatable (the "Allocated resources" of describe node).
 */

import { parseTimestamp } from '@/lib/k8s/duration';
import { nodeUsage } from '@/lib/k8s/scheduling/node-usage';
import { nodeAllocatable } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, Pod, Taint } from '@/lib/k8s/types';

/** One resource on one node: requested by its pods, and allocatable. */
export interface NodeAllocation {
  requested: number;
  allocatable: number;
}

export interface NodeListRow {
  uid: string;
  name: string;
  labels: Record<string, string>;
  /** `Ready`, `NotReady`, `Unknown`, with `,SchedulingDisabled` when cordoned, as kubectl prints it. */
  status: string;
  roles: string;
  created?: Date;
  version: string;
  internalIP: string;
  externalIP: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  taints: string[];
  cpu: NodeAllocation;
  memory: NodeAllocation;
  pods: NodeAllocation;
  node: Node;
}

/** `key=value:Effect`, or `key:Effect` without a value, as kubectl taint writes it. */
export function taintText(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/**
 * kubectl's STATUS (printers `printNode`): the Ready condition's status, `Unknown` without one, then
 * `SchedulingDisabled` for a cordoned node.
 */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const states = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) states.push('SchedulingDisabled');
  return states.join(',');
}

/**
 * kubectl's ROLES: every `node-role.kubernetes.io/<role>` label key and the `kubernetes.io/role` label's
 * value, sorted, `<none>` when there are none.
 */
export function nodeRoles(labels: Record<string, string>): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels)) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

const address = (node: Node, type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';

const cache = new WeakMap<Node, { pods: readonly Pod[]; row: NodeListRow }>();

/**
 * The row of `node`, given the pods bound to it (`groupPodsByNode`'s list, terminal pods left out).
 * Remembered per node object and pod list, so a watch event recomputes one node's row.
 */
export function nodeListRow(node: Node, podsOnNode: readonly Pod[]): NodeListRow {
  const known = cache.get(node);
  if (known && known.pods === podsOnNode) return known.row;
  const labels = node.metadata?.labels ?? {};
  const info = node.status?.nodeInfo ?? {};
  const usage = nodeUsage(podsOnNode);
  const allocatable = nodeAllocatable(node.status?.allocatable);
  const row: NodeListRow = {
    uid: node.metadata?.uid ?? node.metadata?.name ?? '',
    name: node.metadata?.name ?? '',
    labels,
    status: nodeStatus(node),
    roles: nodeRoles(labels),
    created: parseTimestamp(node.metadata?.creationTimestamp),
    version: info.kubeletVersion ?? '',
    internalIP: address(node, 'InternalIP'),
    externalIP: address(node, 'ExternalIP'),
    osImage: info.osImage ?? '',
    kernelVersion: info.kernelVersion ?? '',
    containerRuntime: info.containerRuntimeVersion ?? '',
    taints: (node.spec?.taints ?? []).map(taintText),
    cpu: { requested: usage.requested.cpu ?? 0, allocatable: allocatable.cpu ?? 0 },
    memory: { requested: usage.requested.memory ?? 0, allocatable: allocatable.memory ?? 0 },
    pods: { requested: usage.podCount, allocatable: allocatable.pods ?? 0 },
    node,
  };
  cache.set(node, { pods: podsOnNode, row });
  return row;
}

export type NodeRowSortKey = 'name' | 'status' | 'roles' | 'age' | 'version' | 'cpu' | 'memory' | 'pods';

const text = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const share = (a: NodeAllocation) => (a.allocatable > 0 ? a.requested / a.allocatable : 0);

const COMPARE: Record<NodeRowSortKey, (a: NodeListRow, b: NodeListRow) => number> = {
  name: (a, b) => text(a.name, b.name),
  status: (a, b) => text(a.status, b.status),
  roles: (a, b) => text(a.roles, b.roles),
  // Youngest first, as for pods.
  age: (a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0),
  version: (a, b) => text(a.version, b.version),
  cpu: (a, b) => share(a.cpu) - share(b.cpu),
  memory: (a, b) => share(a.memory) - share(b.memory),
  pods: (a, b) => a.pods.requested - b.pods.requested,
};

/** Sorts rows by a column; ties fall back to the name so the order is stable across events. */
export function sortNodeRows(rows: NodeListRow[], key: NodeRowSortKey, descending: boolean): NodeListRow[] {
  const sign = descending ? -1 : 1;
  return rows.sort((a, b) => sign * COMPARE[key](a, b) || COMPARE.name(a, b));
}
