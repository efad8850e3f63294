/**
 * `kubectl describe node` as data (printers `describeNode`): the header rows, conditions, addresses,
 * capacity and allocatable, system info, the non-terminated pods with their requests and limits as a share
 * of allocatable, the allocated resources in total, and the events. Every value is plain text.
 */

import { translateTimestampSince } from '@/lib/k8s/duration';
import type { DescribeEvent } from '@/lib/k8s/describe-pod-model';
import { describeEvents } from '@/lib/k8s/describe-pod-events';
import type { CoreEvent } from '@/lib/k8s/describe-pod-types';
import { nodeRoles, taintText } from '@/lib/k8s/node-list-row';
import { resourceAmount } from '@/lib/k8s/quantity';
import { formatResourceAmount, percentOf } from '@/lib/k8s/resource-amount-format';
import { nodeAllocatable, podRequests, type ResourceAmounts } from '@/lib/k8s/scheduling/pod-requests';
import type { Node, NodeSystemInfo, Pod, ResourceList } from '@/lib/k8s/types';

/** `cpu 100m (5%)`: an amount and its share of the node's allocatable. */
export interface AllocatedAmount {
  amount: number;
  text: string;
  percent: number;
}

export interface NodePodRow {
  namespace: string;
  name: string;
  cpuRequests: AllocatedAmount;
  cpuLimits: AllocatedAmount;
  memoryRequests: AllocatedAmount;
  memoryLimits: AllocatedAmount;
  age: string;
}

export interface NodeDescription {
  name: string;
  roles: string;
  labels: [string, string][];
  annotations: [string, string][];
  created: string;
  taints: string[];
  unschedulable: boolean;
  conditions: { type: string; status: string; lastHeartbeat: string; lastTransition: string; reason: string; message: string }[];
  addresses: { type: string; address: string }[];
  capacity: [string, string][];
  allocatable: [string, string][];
  systemInfo: [string, string][];
  podCIDRs: string[];
  providerID: string;
  pods: NodePodRow[];
  /** Allocated resources: requests and limits per resource, over the pods above. */
  allocated: { resource: string; requests: AllocatedAmount; limits: AllocatedAmount }[];
  events: DescribeEvent[];
}

const SYSTEM_INFO: [keyof NodeSystemInfo, string][] = [
  ['machineID', 'Machine ID'], ['systemUUID', 'System UUID'], ['bootID', 'Boot ID'], ['kernelVersion', 'Kernel Version'],
  ['osImage', 'OS Image'], ['operatingSystem', 'Operating System'], ['architecture', 'Architecture'],
  ['containerRuntimeVersion', 'Container Runtime Version'], ['kubeletVersion', 'Kubelet Version'], ['kubeProxyVersion', 'Kube-Proxy Version'],
];

const sorted = (map: Record<string, string> | undefined): [string, string][] => Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function amounts(list: ResourceList | undefined): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const [name, text] of Object.entries(list ?? {})) out[name] = resourceAmount(name, text);
  return out;
}

/**
 * A pod's limits as kubectl's `PodRequestsAndLimits` adds them: app containers summed, then the largest
 * init container where it is larger, then the overhead.
 */
export function podLimits(pod: Pod): ResourceAmounts {
  const total: ResourceAmounts = {};
  for (const container of pod.spec?.containers ?? []) for (const [name, amount] of Object.entries(amounts(container.resources?.limits))) total[name] = (total[name] ?? 0) + amount;
  for (const container of pod.spec?.initContainers ?? []) for (const [name, amount] of Object.entries(amounts(container.resources?.limits))) total[name] = Math.max(total[name] ?? 0, amount);
  for (const [name, amount] of Object.entries(amounts(pod.spec?.overhead))) if (name in total) total[name] += amount;
  return total;
}

function allocatedAmount(resource: string, amount: number, allocatable: ResourceAmounts): AllocatedAmount {
  return { amount, text: formatResourceAmount(resource, amount), percent: percentOf(amount, allocatable[resource] ?? 0) };
}

/** Describes `node` with the non-terminated pods bound to it and the events about it. */
export function describeNode(options: { node: Node; pods: readonly Pod[]; events: readonly CoreEvent[]; now: Date }): NodeDescription {
  const { node, pods, events, now } = options;
  const allocatable = nodeAllocatable(node.status?.allocatable);
  const totals = { requests: {} as ResourceAmounts, limits: {} as ResourceAmounts };
  const podRows = pods.map((pod): NodePodRow => {
    const requests = podRequests(pod);
    const limits = podLimits(pod);
    for (const [name, amount] of Object.entries(requests)) totals.requests[name] = (totals.requests[name] ?? 0) + amount;
    for (const [name, amount] of Object.entries(limits)) totals.limits[name] = (totals.limits[name] ?? 0) + amount;
    return {
      namespace: pod.metadata?.namespace ?? '',
      name: pod.metadata?.name ?? '',
      cpuRequests: allocatedAmount('cpu', requests.cpu ?? 0, allocatable),
      cpuLimits: allocatedAmount('cpu', limits.cpu ?? 0, allocatable),
      memoryRequests: allocatedAmount('memory', requests.memory ?? 0, allocatable),
      memoryLimits: allocatedAmount('memory', limits.memory ?? 0, allocatable),
      age: translateTimestampSince(pod.metadata?.creationTimestamp, now),
    };
  });
  // cpu and memory always, then ephemeral-storage and any extended resource a pod asks for, as kubectl lists them.
  const extra = [...new Set([...Object.keys(totals.requests), ...Object.keys(totals.limits)])].filter((r) => r !== 'cpu' && r !== 'memory').sort();
  const allocated = ['cpu', 'memory', ...extra].map((resource) => ({
    resource,
    requests: allocatedAmount(resource, totals.requests[resource] ?? 0, allocatable),
    limits: allocatedAmount(resource, totals.limits[resource] ?? 0, allocatable),
  }));
  const info = node.status?.nodeInfo ?? {};
  return {
    name: node.metadata?.name ?? '',
    roles: nodeRoles(node.metadata?.labels ?? {}),
    labels: sorted(node.metadata?.labels),
    annotations: sorted(node.metadata?.annotations),
    created: node.metadata?.creationTimestamp ?? '',
    taints: (node.spec?.taints ?? []).map(taintText),
    unschedulable: Boolean(node.spec?.unschedulable),
    conditions: (node.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      lastHeartbeat: c.lastHeartbeatTime ?? '',
      lastTransition: c.lastTransitionTime ?? '',
      reason: c.reason ?? '',
      message: c.message ?? '',
    })),
    addresses: node.status?.addresses ?? [],
    capacity: sorted(node.status?.capacity),
    allocatable: sorted(node.status?.allocatable),
    systemInfo: SYSTEM_INFO.map(([key, label]): [string, string] => [label, info[key] ?? '']),
    podCIDRs: node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []),
    providerID: node.spec?.providerID ?? '',
    pods: podRows,
    allocated,
    events: describeEvents(events, now),
  };
}
