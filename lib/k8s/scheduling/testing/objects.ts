/**
 * Small builders of nodes and pods for the scheduling tests, in the spirit of kube-scheduler's
 * `st.MakeNode()` / `st.MakePod()`: only what a case sets is there.
 */

import type { Container, Node, Pod, Taint, Toleration } from '@/lib/k8s/types';

/** A node with `allocatable` (and the same capacity), labels, taints, images. */
export function node(
  name: string,
  extra: { allocatable?: Record<string, string>; labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; images?: { names: string[]; sizeBytes: number }[] } = {},
): Node {
  const allocatable = extra.allocatable ?? { cpu: '2', memory: '4Gi', pods: '110' };
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: allocatable, allocatable, ...(extra.images ? { images: extra.images } : {}) },
  };
}

let containers = 0;

/** A container asking for `requests` (st.MakePod().Req(...) adds one such container each time). */
export function container(requests?: Record<string, string>, extra: Partial<Container> = {}): Container {
  return { name: `c${++containers}`, ...(requests ? { resources: { requests } } : {}), ...extra };
}

/** A pod with the given containers (none by default, like st.MakePod()), bound to `nodeName` if given. */
export function pod(options: { name?: string; containers?: Container[]; nodeName?: string; tolerations?: Toleration[]; spec?: Pod['spec']; phase?: string } = {}): Pod {
  return {
    metadata: { name: options.name ?? 'p', namespace: 'default' },
    spec: {
      containers: options.containers ?? [],
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      ...(options.tolerations ? { tolerations: options.tolerations } : {}),
      ...options.spec,
    },
    ...(options.phase ? { status: { phase: options.phase } } : {}),
  };
}

/** `taint('k', 'v', 'NoSchedule')`. */
export function taint(key: string, value: string | undefined, effect: string): Taint {
  return { key, ...(value !== undefined ? { value } : {}), effect };
}
