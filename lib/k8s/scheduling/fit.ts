/**
 * Whether a pod fits a node, decided by kube-scheduler 1.32's default filter plugins in their
 * default-profile order. Like the framework's RunFilterPlugins, the first plugin that rejects the node
 * ends the evaluation, so a node reports the reasons of one plugin only (NodeResourcesFit may list
 * several shortfalls). The embedded cluster's scheduler and the console's scheduling preview both call
 * this, so what the console predicts is what the cluster does.
 */

import { nodeNamesFromAffinity, podMatchesNodeAffinity } from '@/lib/k8s/scheduling/node-affinity';
import { hostPortsFree } from '@/lib/k8s/scheduling/node-ports';
import { insufficientResources } from '@/lib/k8s/scheduling/node-resources';
import { runningPods } from '@/lib/k8s/scheduling/pods-by-node';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '@/lib/k8s/scheduling/tolerations';
import type { Node, Pod } from '@/lib/k8s/types';

/** The reason strings of the 1.32 plugins, verbatim. */
export const REASONS = {
  nodeUnschedulable: 'node(s) were unschedulable',
  nodeName: "node(s) didn't match the requested node name",
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  nodePorts: "node(s) didn't have free ports for the requested pod ports",
  /** Nodes left out by NodeAffinity's PreFilter (`matchFields` on `metadata.name`). */
  nodeAffinityPreFilter: "node(s) didn't satisfy plugin(s) [NodeAffinity]",
  /** NodeAffinity's PreFilter when every term pins disjoint node names. */
  nodeAffinityConflict: 'pod affinity terms conflict',
} as const;

/** `node(s) had untolerated taint {key: value}`, as TaintToleration formats it. */
export function untoleratedTaintReason(taint: { key: string; value?: string }): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

/**
 * `Unschedulable` rejections might be cured by preempting pods; `UnschedulableAndUnresolvable` ones
 * cannot (labels, taints and names do not change by evicting pods).
 */
export type FitStatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** What the DefaultPreemption PostFilter would conclude for this node. */
export type PreemptionOutcome =
  | { kind: 'ineligible'; message: string }
  | { kind: 'not-helpful' }
  | { kind: 'no-victims' }
  | { kind: 'still-unschedulable'; reasons: string[] }
  | { kind: 'candidate'; victims: Pod[] };

export type FitResult =
  | { fits: true }
  | {
      fits: false;
      reasons: string[];
      /** The plugin that rejected the node, e.g. `TaintToleration`. */
      plugin: string;
      code: FitStatusCode;
      /** `PreFilter` when the pod was rejected before any node was looked at. */
      stage: 'PreFilter' | 'Filter';
      preemption: PreemptionOutcome;
    };

export interface FitOptions {
  /** Pods bound to this node (`spec.nodeName`); Succeeded and Failed ones are ignored here. */
  podsOnNode: readonly Pod[];
}

interface Rejection {
  reasons: string[];
  plugin: string;
  code: FitStatusCode;
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Runs the filter plugins in default-profile order and returns the first rejection. */
function runFilters(pod: Pod, node: Node, podsOnNode: readonly Pod[]): Rejection | undefined {
  const unresolvable = (plugin: string, reason: string): Rejection => ({ reasons: [reason], plugin, code: 'UnschedulableAndUnresolvable' });

  // A pod tolerating the unschedulable taint also ignores spec.unschedulable (cordon).
  if (node.spec?.unschedulable && !tolerationsTolerateTaint(pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) {
    return unresolvable('NodeUnschedulable', REASONS.nodeUnschedulable);
  }
  const wantedNode = pod.spec?.nodeName;
  if (wantedNode && wantedNode !== node.metadata?.name) return unresolvable('NodeName', REASONS.nodeName);

  const taint = findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations);
  if (taint) return unresolvable('TaintToleration', untoleratedTaintReason(taint));

  if (!podMatchesNodeAffinity(pod, node)) return unresolvable('NodeAffinity', REASONS.nodeAffinity);

  if (!hostPortsFree(pod, podsOnNode)) return { reasons: [REASONS.nodePorts], plugin: 'NodePorts', code: 'Unschedulable' };

  const shortages = insufficientResources(pod, node, podsOnNode);
  if (shortages.length > 0) return { reasons: shortages.map((s) => s.reason), plugin: 'NodeResourcesFit', code: 'Unschedulable' };
  return undefined;
}

/**
 * DefaultPreemption's view of a node the pod was rejected from: only `Unschedulable` nodes are tried;
 * there, every pod of lower priority is a potential victim, and the node is a candidate if the pod
 * fits once they are all gone (PodDisruptionBudgets are not modelled).
 */
function preemptionOutcome(pod: Pod, node: Node, rejection: Rejection, podsOnNode: readonly Pod[]): PreemptionOutcome {
  if (pod.spec?.preemptionPolicy === 'Never') return { kind: 'ineligible', message: 'not eligible due to preemptionPolicy=Never.' };
  if (rejection.code === 'UnschedulableAndUnresolvable') return { kind: 'not-helpful' };
  const priority = pod.spec?.priority ?? 0;
  const victims = podsOnNode.filter((p) => (p.spec?.priority ?? 0) < priority);
  if (victims.length === 0) return { kind: 'no-victims' };
  const remaining = podsOnNode.filter((p) => !victims.includes(p));
  const after = runFilters(pod, node, remaining);
  return after ? { kind: 'still-unschedulable', reasons: after.reasons } : { kind: 'candidate', victims };
}

/**
 * Whether `pod` can be scheduled onto `node` next to `podsOnNode`, with the kube-scheduler reason
 * strings when it cannot.
 */
export function fitsNode(pod: Pod, node: Node, { podsOnNode }: FitOptions): FitResult {
  // The list `groupPodsByNode` made is what node-usage remembers: copied only when something is dropped.
  const running = runningPods(podsOnNode);

  // NodeAffinity's PreFilter narrows the candidate nodes before any filter runs.
  const allowedNames = nodeNamesFromAffinity(pod);
  if (allowedNames && allowedNames.size === 0) {
    const reasons = [REASONS.nodeAffinityConflict];
    return { fits: false, reasons, plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', stage: 'PreFilter', preemption: preFilterPreemption(pod) };
  }
  if (allowedNames && !allowedNames.has(node.metadata?.name ?? '')) {
    const reasons = [REASONS.nodeAffinityPreFilter];
    return { fits: false, reasons, plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', stage: 'Filter', preemption: preFilterPreemption(pod) };
  }

  const rejection = runFilters(pod, node, running);
  if (!rejection) return { fits: true };
  return { fits: false, ...rejection, stage: 'Filter', preemption: preemptionOutcome(pod, node, rejection, running) };
}

function preFilterPreemption(pod: Pod): PreemptionOutcome {
  return pod.spec?.preemptionPolicy === 'Never'
    ? { kind: 'ineligible', message: 'not eligible due to preemptionPolicy=Never.' }
    : { kind: 'not-helpful' };
}
