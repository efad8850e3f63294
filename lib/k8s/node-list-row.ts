/**
 * What the nodes list shows of one node: the columns of `kubectl get nodes -o wide`, its taints, and what
 * the pods bound to it request against its allocatable (the "Allocated resources" of describe node). The
 * BFF sends `nodeRow`s; the page adds the requests from the pods' rows (`nodeRequestsTally`).
 */

import { compareTimestamps, timestampText } from '@/lib/k8s/duration';
import type { PodListRow } from '@/lib/k8s/pod-list-row';
import type { PodTally } from '@/lib/k8s/pod-tallies';
import { nodeAllocatable } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, Taint } from '@/lib/k8s/types';

/** One resource on one node: requested by its pods, and allocatable. */
export interface NodeAllocation {
  requested: number;
  allocatable: number;
}

/**
 * What the BFF sends of a node for the nodes list (its rows view, lib/contract/row-view.ts): the columns
 * of `kubectl get nodes -o wide`, its taints and cordon for the row actions, and its allocatable. Plain JSON.
 */
export interface NodeRow {
  uid: string;
  /** Opaque: what a write guards with. */
  resourceVersion: string;
  name: string;
  labels: Record<string, string>;
  /** `Ready`, `NotReady`, `Unknown`, with `,SchedulingDisabled` when cordoned, as kubectl prints it. */
  status: string;
  roles: string;
  /** `metadata.creationTimestamp`, the AGE column's source. */
  created?: string;
  version: string;
  internalIP: string;
  externalIP: string;
  osImage: string;
  kernelVersion: string;
  containerRuntime: string;
  taints: Taint[];
  /** `spec.unschedulable`: cordoned. */
  unschedulable: boolean;
  /** `status.allocatable` of cpu (millicores), memory (bytes) and pods. */
  allocatable: { cpu: number; memory: number; pods: number };
}

/** A node's row with what the pods bound to it request: the nodes list's row. */
export interface NodeListRow extends NodeRow {
  cpu: NodeAllocation;
  memory: NodeAllocation;
  pods: NodeAllocation;
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

const rows = new WeakMap<Node, NodeRow>();

/** The row of a node, cached by object identity: the one place that says what the nodes list shows of it. */
export function nodeRow(node: Node): NodeRow {
  const known = rows.get(node);
  if (known) return known;
  const meta = node.metadata;
  const labels = meta?.labels ?? {};
  const info = node.status?.nodeInfo ?? {};
  const allocatable = nodeAllocatable(node.status?.allocatable);
  const row: NodeRow = {
    uid: meta?.uid ?? meta?.name ?? '',
    resourceVersion: meta?.resourceVersion ?? '',
    name: meta?.name ?? '',
    labels,
    status: nodeStatus(node),
    roles: nodeRoles(labels),
    ...(meta?.creationTimestamp ? { created: timestampText(meta.creationTimestamp) } : {}),
    version: info.kubeletVersion ?? '',
    internalIP: address(node, 'InternalIP'),
    externalIP: address(node, 'ExternalIP'),
    osImage: info.osImage ?? '',
    kernelVersion: info.kernelVersion ?? '',
    containerRuntime: info.containerRuntimeVersion ?? '',
    taints: node.spec?.taints ?? [],
    unschedulable: Boolean(node.spec?.unschedulable),
    allocatable: { cpu: allocatable.cpu ?? 0, memory: allocatable.memory ?? 0, pods: allocatable.pods ?? 0 },
  };
  rows.set(node, row);
  return row;
}

/** What the pods bound to one node request in total, and how many they are. */
export interface NodeRequests extends Record<string, number> {
  cpu: number;
  memory: number;
  pods: number;
}

/**
 * What a pod's row adds to its node's requests, as `nodeUsage` adds up the pods: a pod counts on the node
 * its `spec.nodeName` names unless it has finished (`nodeHolding`'s rule: the scheduler's cache never holds
 * Succeeded or Failed pods; terminating ones still hold their resources).
 */
export const nodeRequestsTally: PodTally<PodListRow, NodeRequests> = {
  keyOf: (pod) => (pod.node && pod.phase !== 'Succeeded' && pod.phase !== 'Failed' ? pod.node : undefined),
  figuresOf: (pod) => ({ cpu: pod.requests?.cpu ?? 0, memory: pod.requests?.memory ?? 0, pods: 1 }),
};

const NOTHING: NodeRequests = { cpu: 0, memory: 0, pods: 0 };
const sameRequests = (a: NodeRequests, b: NodeRequests) => a.cpu === b.cpu && a.memory === b.memory && a.pods === b.pods;
const listRows = new WeakMap<NodeRow, { requested: NodeRequests; row: NodeListRow }>();

/**
 * The list's row of a node: its row and what its pods request against its allocatable (the "Allocated
 * resources" of describe node). The same object while neither the row nor the sums change, so a pod event
 * elsewhere re-renders no node.
 */
export function nodeListRow(node: NodeRow, requested: NodeRequests = NOTHING): NodeListRow {
  const known = listRows.get(node);
  if (known && sameRequests(known.requested, requested)) return known.row;
  const row: NodeListRow = {
    ...node,
    cpu: { requested: requested.cpu, allocatable: node.allocatable.cpu },
    memory: { requested: requested.memory, allocatable: node.allocatable.memory },
    pods: { requested: requested.pods, allocatable: node.allocatable.pods },
  };
  listRows.set(node, { requested, row });
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
  age: (a, b) => compareTimestamps(b.created, a.created),
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
