/**
 * A scheduling preview: one scheduling cycle of kube-scheduler 1.32's default profile, run in memory
 * and reported node by node. The embedded cluster's scheduler places pods with this very function, so
 * what the console predicts is what that cluster does (up to the random pick among tied nodes).
 */

import { fitsNode, type FitResult } from '@/lib/k8s/scheduling/fit';
import { perNodeMemo } from '@/lib/k8s/scheduling/per-node-memo';
import type { PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { scoreNodes, selectHost, type HostSelection, type NodeScore } from '@/lib/k8s/scheduling/scoring';
import { schedulingSummary } from '@/lib/k8s/scheduling/summary';
import type { Node, Pod } from '@/lib/k8s/types';

/** The scheduler the preview models; pods naming another one are not its to place. */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** What the preview models, to be said wherever it is shown. */
export const PREVIEW_MODEL = "kube-scheduler 1.32's default profile";

// Below this many nodes kube-scheduler evaluates them all (minFeasibleNodesToFind); from there on
// it stops after a share of feasible nodes (percentageOfNodesToScore), starting where it last stopped.
const SAMPLED_FROM_NODES = 100;
const NO_PODS: readonly Pod[] = [];
const rememberedFit = perNodeMemo<FitResult>();

/** One node in the preview: whether the pod fits and, if it does, its scores and rank. */
export interface NodePreview {
  name: string;
  node: Node;
  /** `fits`, or the plugin that rejected the node with its reasons in the scheduler's words. */
  fit: FitResult;
  /** Scores, for nodes that fit. */
  score?: NodeScore;
  /** 1 for the highest total; nodes with equal totals share a rank. Only for nodes that fit. */
  rank?: number;
}

/** Whether evicting lower-priority pods (DefaultPreemption) could make room when no node fits. */
export type PreemptionVerdict =
  | { kind: 'not-needed' }
  | { kind: 'would-help'; nodes: string[] }
  | { kind: 'would-not-help' }
  | { kind: 'ineligible' };

/** The whole preview. */
export interface SchedulingPreview {
  /** Fitting nodes by rank (then name), then the others in the order given. */
  nodes: NodePreview[];
  feasibleCount: number;
  /** The node the scheduler binds to, with the nodes it was tied with; undefined when none fits. */
  pick?: HostSelection;
  /** The FailedScheduling event message, word for word, when no node fits. */
  summary?: string;
  preemption: PreemptionVerdict;
  /** Where the real scheduler may differ from this preview, for this pod and cluster. */
  caveats: string[];
}

/**
 * Previews where `pod` would be scheduled among `nodes`, next to the pods already bound to them
 * (`podsByNode`, as `groupPodsByNode` builds it). Nothing passed in is modified. `random` breaks
 * ties, as Math.random does (inject one for a deterministic pick).
 */
export function previewScheduling(options: { pod: Pod; nodes: readonly Node[]; podsByNode: PodsByNode; random?: () => number }): SchedulingPreview {
  const { pod, nodes, podsByNode, random } = options;
  const fits = nodes.map((node) => {
    const podsOnNode = podsByNode.get(node.metadata?.name ?? '') ?? NO_PODS;
    return rememberedFit({ pod, node, podsOnNode }, () => fitsNode(pod, node, { podsOnNode }));
  });
  const feasible = nodes.filter((_, i) => fits[i].fits);
  const scores = new Map(scoreNodes({ pod, feasible, allNodes: nodes, podsByNode }).map((s) => [s.node, s]));
  const distinctTotals = [...new Set([...scores.values()].map((s) => s.total))].sort((a, b) => b - a);
  const rankOf = new Map(distinctTotals.map((total, i) => [total, i + 1]));

  const previews = nodes.map((node, i): NodePreview => {
    const score = scores.get(node);
    return { name: node.metadata?.name ?? '', node, fit: fits[i], ...(score ? { score, rank: rankOf.get(score.total) } : {}) };
  });
  const ranked = previews.filter((p) => p.score).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const pick = selectHost(ranked.map((p) => p.score as NodeScore), random);
  return {
    nodes: [...ranked, ...previews.filter((p) => !p.score)],
    feasibleCount: feasible.length,
    ...(pick ? { pick } : { summary: schedulingSummary(fits, nodes.length) }),
    preemption: pick ? { kind: 'not-needed' } : preemptionVerdict(previews),
    caveats: caveats(pod, nodes.length),
  };
}

function preemptionVerdict(previews: readonly NodePreview[]): PreemptionVerdict {
  const outcomes = previews.map((p) => (p.fit.fits ? undefined : p.fit.preemption));
  if (outcomes.some((o) => o?.kind === 'ineligible')) return { kind: 'ineligible' };
  const nodes = previews.filter((_, i) => outcomes[i]?.kind === 'candidate').map((p) => p.name);
  return nodes.length > 0 ? { kind: 'would-help', nodes } : { kind: 'would-not-help' };
}

function caveats(pod: Pod, nodeCount: number): string[] {
  const out: string[] = [];
  const schedulerName = pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME;
  if (schedulerName !== DEFAULT_SCHEDULER_NAME) {
    out.push(`This pod asks for the scheduler "${schedulerName}"; the preview models ${PREVIEW_MODEL}, which leaves it alone.`);
  }
  if ((pod.spec?.schedulingGates ?? []).length > 0) out.push('The pod has scheduling gates: the scheduler does not try it until they are removed.');
  const affinity = pod.spec?.affinity;
  if (affinity?.podAffinity || affinity?.podAntiAffinity) out.push('Pod affinity and anti-affinity (InterPodAffinity) are not modelled.');
  if ((pod.spec?.topologySpreadConstraints ?? []).length > 0 || (pod.metadata?.ownerReferences ?? []).some((o) => o.controller)) {
    out.push('PodTopologySpread is not modelled (it spreads the pods of a controller or Service across nodes and zones).');
  }
  if (nodeCount >= SAMPLED_FROM_NODES) out.push(`With ${nodeCount} nodes kube-scheduler scores only a share of the nodes that fit (percentageOfNodesToScore).`);
  return out;
}
