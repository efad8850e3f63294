/**
 * What-if: a node changed in memory (a label, a taint, cordon) and the preview run again, before
 * anything is applied. The changed node is a new object; the nodes passed in are left as they are,
 * so the preview of the cluster as it is and the preview of the change can sit side by side.
 */

import type { PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { previewScheduling, type SchedulingPreview } from '@/lib/k8s/scheduling/preview';
import type { Node, Pod, Taint } from '@/lib/k8s/types';

/** One change to one node, as `kubectl label`, `kubectl taint` and `kubectl cordon` make it. */
export type NodeChange =
  /** `kubectl label node N key=value --overwrite`, or `key-` when `value` is null. */
  | { kind: 'label'; key: string; value: string | null }
  /** `kubectl taint node N key=value:Effect`, or `key:Effect-` to remove (key and effect match). */
  | { kind: 'taint'; taint: Taint; remove?: boolean }
  /** `kubectl cordon N` (true) or `kubectl uncordon N` (false). */
  | { kind: 'cordon'; unschedulable: boolean };

/** The node as it would be after the change; `node` itself is not modified. */
export function applyNodeChange(node: Node, change: NodeChange): Node {
  const metadata = node.metadata ?? {};
  const spec = node.spec ?? {};
  switch (change.kind) {
    case 'label': {
      const { [change.key]: _old, ...others } = metadata.labels ?? {};
      const labels = change.value === null ? others : { ...others, [change.key]: change.value };
      return { ...node, metadata: { ...metadata, labels } };
    }
    case 'taint': {
      // A node holds one taint per key and effect: adding replaces it, removing drops it.
      const same = (t: Taint) => t.key === change.taint.key && t.effect === change.taint.effect;
      const kept = (spec.taints ?? []).filter((t) => !same(t));
      return { ...node, spec: { ...spec, taints: change.remove ? kept : [...kept, change.taint] } };
    }
    case 'cordon': {
      const { unschedulable: _old, ...rest } = spec;
      return { ...node, spec: change.unschedulable ? { ...rest, unschedulable: true } : rest };
    }
  }
}

/** The nodes with `nodeName` replaced by its changed copy; a new array, the others shared. */
export function withNodeChange(nodes: readonly Node[], nodeName: string, change: NodeChange): Node[] {
  return nodes.map((node) => (node.metadata?.name === nodeName ? applyNodeChange(node, change) : node));
}

/** The preview as it would be after `change` to the node `nodeName`. */
export function previewWhatIf(options: {
  pod: Pod;
  nodes: readonly Node[];
  podsByNode: PodsByNode;
  nodeName: string;
  change: NodeChange;
  random?: () => number;
}): SchedulingPreview {
  const { nodes, nodeName, change, ...rest } = options;
  return previewScheduling({ ...rest, nodes: withNodeChange(nodes, nodeName, change) });
}
