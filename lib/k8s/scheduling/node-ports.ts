/**
 * The NodePorts filter: a pod's `hostPort`s must not collide with those of pods already on the node
 * (scheduler `HostPortInfo.CheckConflict`). Only app containers' ports count, as in 1.32.
 */

import type { ContainerPort, Pod } from '@/lib/k8s/types';

const BIND_ALL = '0.0.0.0';

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** Host ports a pod claims, with the scheduler's defaults: empty IP binds all, empty protocol is TCP. */
function hostPorts(pod: Pod): HostPort[] {
  const ports: ContainerPort[] = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  return ports
    .filter((p) => (p.hostPort ?? 0) > 0)
    .map((p) => ({ ip: p.hostIP || BIND_ALL, protocol: p.protocol || 'TCP', port: p.hostPort! }));
}

/**
 * Whether a wanted host port conflicts with used ones: `0.0.0.0` conflicts with the same
 * protocol/port on any IP; a specific IP conflicts with itself and with `0.0.0.0`.
 */
function conflicts(want: HostPort, used: readonly HostPort[]): boolean {
  return used.some(
    (u) => u.protocol === want.protocol && u.port === want.port && (want.ip === BIND_ALL || u.ip === BIND_ALL || u.ip === want.ip),
  );
}

/** Whether the pod's host ports are all free on a node running `podsOnNode`. */
export function hostPortsFree(pod: Pod, podsOnNode: readonly Pod[]): boolean {
  // Like the plugin's PreFilter, a pod without host ports skips the check (and the node's pods).
  const wanted = hostPorts(pod);
  if (wanted.length === 0) return true;
  const used = podsOnNode.flatMap(hostPorts);
  return wanted.every((want) => !conflicts(want, used));
}
