/**
 * The Containers / Init Containers blocks of `kubectl describe pod` (`describeContainers` and the
 * functions it calls): identity, ports, command, state, resources, probes, environment and mounts.
 */

import { environmentRows } from '@/lib/k8s/describe-pod-env';
import { byteCompare, formatRfc1123z, printBool, type TimeFormat } from '@/lib/k8s/describe-pod-format';
import type { DescribeContainer, DescribeRow } from '@/lib/k8s/describe-pod-model';
import type { DescribableContainer, DescribablePod, Probe } from '@/lib/k8s/describe-pod-types';
import type { ContainerPort, ContainerState, ContainerStatus, ResourceList } from '@/lib/k8s/types';

/** `describeContainerPorts`: `8080/TCP`; the API server defaults the protocol to TCP. */
function portsText(ports: ContainerPort[], pick: (p: ContainerPort) => number): string {
  return ports.map((p) => `${pick(p)}/${p.protocol ?? 'TCP'}`).join(', ');
}

/** `Port` for one, `Ports` when the joined text has a comma, `<none>` when empty. */
function portRow(singular: string, plural: string, text: string): DescribeRow {
  return text.includes(',') ? { label: plural, value: text } : { label: singular, value: text || '<none>' };
}

/** `describeStatus`: the state name, then its details one level down. */
function stateRow(label: string, state: ContainerState | undefined, time: TimeFormat): DescribeRow {
  if (state?.running) {
    return { label, value: 'Running', children: [{ label: 'Started', value: formatRfc1123z(state.running.startedAt, time) }] };
  }
  if (state?.waiting) {
    return { label, value: 'Waiting', children: state.waiting.reason ? [{ label: 'Reason', value: state.waiting.reason }] : [] };
  }
  if (state?.terminated) {
    const t = state.terminated;
    const children: DescribeRow[] = [];
    if (t.reason) children.push({ label: 'Reason', value: t.reason });
    if (t.message) children.push({ label: 'Message', value: t.message });
    children.push({ label: 'Exit Code', value: String(t.exitCode) });
    if (t.signal && t.signal > 0) children.push({ label: 'Signal', value: String(t.signal) });
    children.push({ label: 'Started', value: formatRfc1123z(t.startedAt, time) });
    children.push({ label: 'Finished', value: formatRfc1123z(t.finishedAt, time) });
    return { label, value: 'Terminated', children };
  }
  // An empty state reads as Waiting, as kubectl's default case prints it.
  return { label, value: 'Waiting' };
}

/** `describeResources`: Limits then Requests, resource names sorted. */
function resourceRows(limits: ResourceList | undefined, requests: ResourceList | undefined): DescribeRow[] {
  const rows: DescribeRow[] = [];
  for (const [label, list] of [['Limits', limits], ['Requests', requests]] as const) {
    const names = Object.keys(list ?? {}).sort(byteCompare);
    if (names.length) rows.push({ label, value: '', children: names.map((name) => ({ label: name, value: list![name] })) });
  }
  return rows;
}

/** `DescribeProbe`: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s ` +
    `#success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const { scheme = 'HTTP', host = '', port, path = '' } = probe.httpGet;
    const hostPort = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    return `http-get ${scheme.toLowerCase()}://${hostPort}${path} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** `describeContainerVolumes`: `/path from volume (ro,path="sub")`, sorted by mount path. */
function mountRow(container: DescribableContainer): DescribeRow {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => byteCompare(a.mountPath, b.mountPath));
  if (mounts.length === 0) return { label: 'Mounts', value: '<none>' };
  return {
    label: 'Mounts',
    value: mounts.map((m) => {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      return `${m.mountPath} from ${m.name} (${flags.join(',')})`;
    }),
  };
}

function stateOf(state: ContainerState | undefined): Pick<DescribeContainer, 'state' | 'reason'> {
  if (state?.running) return { state: 'Running' };
  if (state?.terminated) return { state: 'Terminated', reason: state.terminated.reason };
  return { state: 'Waiting', reason: state?.waiting?.reason };
}

/** One container block: the rows kubectl prints under `  name:`, in its order. */
export function describeContainer(options: {
  pod: DescribablePod;
  container: DescribableContainer;
  status: ContainerStatus | undefined;
  time: TimeFormat;
}): DescribeContainer {
  const { pod, container, status, time } = options;
  const rows: DescribeRow[] = [];
  if (status) rows.push({ label: 'Container ID', value: status.containerID ?? '' });
  rows.push({ label: 'Image', value: container.image ?? '' });
  if (status) rows.push({ label: 'Image ID', value: status.imageID ?? '' });
  const ports = container.ports ?? [];
  rows.push(portRow('Port', 'Ports', portsText(ports, (p) => p.containerPort)));
  rows.push(portRow('Host Port', 'Host Ports', portsText(ports, (p) => p.hostPort ?? 0)));
  if (container.command?.length) rows.push({ label: 'Command', value: container.command.flatMap((c) => c.split('\n')) });
  if (container.args?.length) rows.push({ label: 'Args', value: container.args.flatMap((a) => a.split('\n')) });
  if (status) {
    rows.push(stateRow('State', status.state, time));
    // Last State only when the previous run terminated: that is the crash a reader is looking for.
    if (status.lastState?.terminated) rows.push(stateRow('Last State', status.lastState, time));
    rows.push({ label: 'Ready', value: printBool(status.ready) });
    rows.push({ label: 'Restart Count', value: String(status.restartCount ?? 0) });
  }
  rows.push(...resourceRows(container.resources?.limits, container.resources?.requests));
  for (const [label, probe] of [['Liveness', container.livenessProbe], ['Readiness', container.readinessProbe], ['Startup', container.startupProbe]] as const) {
    if (probe) rows.push({ label, value: describeProbe(probe) });
  }
  rows.push(...environmentRows(pod, container));
  rows.push(mountRow(container));
  return {
    name: container.name,
    ...(status ? { ...stateOf(status.state), ready: status.ready, restartCount: status.restartCount ?? 0 } : {}),
    rows,
  };
}

/** Every container of a kind, matched to its status by name. */
export function describeContainers(options: {
  pod: DescribablePod;
  containers: DescribableContainer[] | undefined;
  statuses: ContainerStatus[] | undefined;
  time: TimeFormat;
}): DescribeContainer[] {
  const byName = new Map((options.statuses ?? []).map((s) => [s.name, s]));
  return (options.containers ?? []).map((container) =>
    describeContainer({ pod: options.pod, container, status: byName.get(container.name), time: options.time }),
  );
}
