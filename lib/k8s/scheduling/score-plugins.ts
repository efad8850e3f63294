/**
 * The score plugins of kube-scheduler 1.32's default profile, in its order, with their weights
 * (pkg/scheduler/apis/config/v1 default_plugins.go). PodTopologySpread (2) and InterPodAffinity (2)
 * are not modelled: they skip pods that no Service or controller selects and that have no pod
 * (anti-)affinity, and the preview says when a pod is neither.
 */

import { nodeSelectorTermMatches } from '@/lib/k8s/scheduling/node-affinity';
import { balancedAllocationScore, leastAllocatedScore, MAX_NODE_SCORE } from '@/lib/k8s/scheduling/score-resources';
import { tolerationsTolerateTaint } from '@/lib/k8s/scheduling/tolerations';
import type { Node, Pod } from '@/lib/k8s/types';

/** Size and spread of one image name over the cluster's nodes (framework.ImageStateSummary). */
export interface ImageState {
  sizeBytes: number;
  numNodes: number;
}

/** What every plugin may read besides the pod and the node. */
export interface ScoreContext {
  podsOnNode: readonly Pod[];
  /** Image name, as nodes report it, -> state; over all nodes, not only feasible ones. */
  images: ReadonlyMap<string, ImageState>;
  totalNodes: number;
}

/** One score plugin: PreScore (`skips`), Score, NormalizeScore, and its weight. */
export interface ScorePlugin {
  name: string;
  weight: number;
  /** PreScore answers Skip: the plugin scores no node. */
  skips?: (pod: Pod) => boolean;
  score: (pod: Pod, node: Node, ctx: ScoreContext) => number;
  normalize?: (scores: number[]) => number[];
}

/**
 * helper.DefaultNormalizeScore: scales scores so the highest becomes 100 (integer division), or
 * reversed (`100 - scaled`) when fewer is better; all-zero scores stay 0, or all 100 when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((score) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * score) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/** TaintToleration: how many PreferNoSchedule taints of the node the pod does not tolerate. */
export function intolerablePreferNoScheduleTaints(pod: Pod, node: Node): number {
  // Only tolerations with an empty or PreferNoSchedule effect count; toleratesTaint checks that.
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(pod.spec?.tolerations, t)).length;
}

function preferredTerms(pod: Pod) {
  // Terms of weight 0 are dropped when the preferences are parsed.
  return (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).filter((t) => t.weight !== 0);
}

/** NodeAffinity: the sum of the weights of the preferred terms the node matches. */
export function preferredAffinityScore(pod: Pod, node: Node): number {
  return preferredTerms(pod).reduce((sum, term) => sum + (nodeSelectorTermMatches(term.preference, node) ? term.weight : 0), 0);
}

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** `image` or `image:latest`, as ImageLocality looks images up (no registry or digest rewriting). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/**
 * ImageLocality: the sizes of the pod's images already on the node, each scaled by the share of
 * nodes that have it (so one node holding a rare image does not attract everything), clamped to
 * 23 MB .. 1000 MB per container and mapped onto 0-100.
 */
export function imageLocalityScore(pod: Pod, node: Node, ctx: Pick<ScoreContext, 'images' | 'totalNodes'>): number {
  const onNode = new Set((node.status?.images ?? []).flatMap((image) => image.names ?? []));
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let sum = 0;
  for (const container of containers) {
    const name = normalizedImageName(container.image ?? '');
    const state = onNode.has(name) ? ctx.images.get(name) : undefined;
    if (state) sum += Math.trunc(state.sizeBytes * (state.numNodes / ctx.totalNodes));
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length;
  // calculatePriority raises a small sum to the floor, or else caps a large one (never both).
  const clamped = sum < MIN_THRESHOLD ? MIN_THRESHOLD : Math.min(sum, maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** Image name -> size and how many nodes report it, as the scheduler cache's imageStates. */
export function imageStates(nodes: readonly Node[]): Map<string, ImageState> {
  const states = new Map<string, ImageState>();
  for (const node of nodes) {
    const seen = new Set<string>();
    for (const image of node.status?.images ?? []) {
      for (const name of image.names ?? []) {
        if (seen.has(name)) continue;
        seen.add(name);
        const state = states.get(name);
        if (state) state.numNodes++;
        else states.set(name, { sizeBytes: image.sizeBytes ?? 0, numNodes: 1 });
      }
    }
  }
  return states;
}

/** The default profile's score plugins that are modelled, in their order. */
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [
  {
    name: 'TaintToleration',
    weight: 3,
    score: (pod, node) => intolerablePreferNoScheduleTaints(pod, node),
    normalize: (scores) => defaultNormalizeScore(scores, true),
  },
  {
    name: 'NodeAffinity',
    weight: 2,
    skips: (pod) => preferredTerms(pod).length === 0,
    score: (pod, node) => preferredAffinityScore(pod, node),
    normalize: (scores) => defaultNormalizeScore(scores, false),
  },
  { name: 'NodeResourcesFit', weight: 1, score: (pod, node, ctx) => leastAllocatedScore(pod, node, ctx.podsOnNode) },
  { name: 'NodeResourcesBalancedAllocation', weight: 1, score: (pod, node, ctx) => balancedAllocationScore(pod, node, ctx.podsOnNode) },
  { name: 'ImageLocality', weight: 1, score: (pod, node, ctx) => imageLocalityScore(pod, node, ctx) },
];
