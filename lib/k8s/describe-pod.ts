/**
 * `kubectl describe pod` as data: the same fields, in the same order, with the same texts as kubectl's
 * `pkg/describe/describe.go` `describePod`, computed from the pod and its events. The page lays the
 * sections out; every value stays plain text.
 */

import { translateTimestampSince } from '@/lib/k8s/duration';
import { describeContainers } from '@/lib/k8s/describe-pod-containers';
import { describeEvents } from '@/lib/k8s/describe-pod-events';
import { annotationLines, formatRfc1123z, labelLines, tolerationLines, type TimeFormat } from '@/lib/k8s/describe-pod-format';
import type { DescribeRow, PodDescription } from '@/lib/k8s/describe-pod-model';
import type { CoreEvent, DescribableContainer, DescribablePod } from '@/lib/k8s/describe-pod-types';
import { describeVolumes } from '@/lib/k8s/describe-pod-volumes';
import { tryParseQuantity, quantityToMilli } from '@/lib/k8s/quantity';

export type { PodDescription } from '@/lib/k8s/describe-pod-model';

/** Only cpu and memory decide the QoS class (`qos.isSupportedQoSComputeResource`). */
const QOS_RESOURCES = ['cpu', 'memory'] as const;

function positiveMilli(quantity: string | undefined): number {
  const parsed = quantity ? tryParseQuantity(quantity) : undefined;
  const milli = parsed ? quantityToMilli(parsed) : 0;
  return milli > 0 ? milli : 0;
}

/**
 * `status.qosClass` as the API server set it, else computed as `qos.ComputePodQOS`: BestEffort without
 * any cpu/memory request or limit; Guaranteed when every container limits both and requests equal limits
 * (the API server defaults missing requests to limits); Burstable otherwise.
 */
export function podQosClass(pod: DescribablePod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: DescribableContainer[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const container of containers) {
    for (const name of QOS_RESOURCES) {
      const request = positiveMilli(container.resources?.requests?.[name]);
      if (request) requests.set(name, (requests.get(name) ?? 0) + request);
      const limit = positiveMilli(container.resources?.limits?.[name]);
      if (limit) limits.set(name, (limits.get(name) ?? 0) + limit);
      else guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && [...requests].every(([name, value]) => limits.get(name) === value) && requests.size === limits.size) return 'Guaranteed';
  return 'Burstable';
}

function controlledBy(pod: DescribablePod): string | undefined {
  const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

function headerRows(pod: DescribablePod, now: Date, time: TimeFormat): DescribeRow[] {
  const { metadata = {}, spec = {}, status = {} } = pod;
  const rows: DescribeRow[] = [
    { label: 'Name', value: metadata.name ?? '' },
    { label: 'Namespace', value: metadata.namespace ?? '' },
  ];
  if (spec.priority != null) rows.push({ label: 'Priority', value: String(spec.priority) });
  if (spec.priorityClassName) rows.push({ label: 'Priority Class Name', value: spec.priorityClassName });
  if (spec.runtimeClassName) rows.push({ label: 'Runtime Class Name', value: spec.runtimeClassName });
  if (spec.serviceAccountName) rows.push({ label: 'Service Account', value: spec.serviceAccountName });
  // kubectl joins node and host IP with a slash even while the host IP is still unknown.
  rows.push({ label: 'Node', value: spec.nodeName ? `${spec.nodeName}/${status.hostIP ?? ''}` : '<none>' });
  if (status.startTime) rows.push({ label: 'Start Time', value: formatRfc1123z(status.startTime, time) });
  rows.push({ label: 'Labels', value: labelLines(metadata.labels) });
  rows.push({ label: 'Annotations', value: annotationLines(metadata.annotations) });
  if (metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    rows.push({ label: 'Status', value: `Terminating (lasts ${translateTimestampSince(metadata.deletionTimestamp, now)})` });
    rows.push({ label: 'Termination Grace Period', value: `${metadata.deletionGracePeriodSeconds ?? 0}s` });
  } else {
    rows.push({ label: 'Status', value: status.phase ?? '' });
  }
  if (status.reason) rows.push({ label: 'Reason', value: status.reason });
  if (status.message) rows.push({ label: 'Message', value: status.message });
  rows.push({ label: 'IP', value: status.podIP ?? '' });
  const ips = status.podIPs ?? [];
  rows.push(ips.length ? { label: 'IPs', value: '', children: ips.map((ip) => ({ label: 'IP', value: ip.ip })) } : { label: 'IPs', value: '<none>' });
  const controller = controlledBy(pod);
  if (controller) rows.push({ label: 'Controlled By', value: controller });
  if (status.nominatedNodeName) rows.push({ label: 'NominatedNodeName', value: status.nominatedNodeName });
  return rows;
}

/** Options of {@link describePod}. */
export interface DescribePodOptions {
  pod: DescribablePod;
  /** Events whose involvedObject is this pod, in any order. */
  events?: readonly CoreEvent[];
  /** The clock for ages; pass a ticking `now` so ages stay current. */
  now: Date;
  time?: TimeFormat;
}

/** Computes the description of a pod and its events, section by section. */
export function describePod({ pod, events = [], now, time = {} }: DescribePodOptions): PodDescription {
  const { spec = {}, status = {} } = pod;
  const conditions = status.conditions ?? [];
  return {
    header: headerRows(pod, now, time),
    initContainers: describeContainers({ pod, containers: spec.initContainers, statuses: status.initContainerStatuses, time }),
    containers: describeContainers({ pod, containers: spec.containers, statuses: status.containerStatuses, time }),
    ephemeralContainers: describeContainers({ pod, containers: spec.ephemeralContainers, statuses: status.ephemeralContainerStatuses, time }),
    readinessGates: (spec.readinessGates ?? []).map((gate) => ({
      type: gate.conditionType,
      status: conditions.find((c) => c.type === gate.conditionType)?.status ?? '<none>',
    })),
    conditions: conditions.map((c) => ({
      type: c.type,
      status: c.status,
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(c.lastTransitionTime ? { lastTransition: translateTimestampSince(c.lastTransitionTime, now) } : {}),
    })),
    volumes: describeVolumes(spec.volumes),
    footer: [
      { label: 'QoS Class', value: podQosClass(pod) },
      { label: 'Node-Selectors', value: labelLines(spec.nodeSelector) },
      { label: 'Tolerations', value: tolerationLines(spec.tolerations) },
    ],
    events: describeEvents(events, now),
  };
}
