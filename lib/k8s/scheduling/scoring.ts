/**
 * The scoring phase of a scheduling cycle (framework RunScorePlugins, then selectHost): every plugin
 * that does not skip scores every feasible node, its scores are normalized across those nodes, then
 * multiplied by the plugin's weight; a node's total is the sum. The highest total wins, ties are
 * broken uniformly at random (selectHost's reservoir sampling).
 */

import { perNodeMemo } from '@/lib/k8s/scheduling/per-node-memo';
import type { PodsByNode } from '@/lib/k8s/scheduling/pods-by-node';
import { DEFAULT_SCORE_PLUGINS, imageStates, type ScorePlugin } from '@/lib/k8s/scheduling/score-plugins';
import type { Node, Pod } from '@/lib/k8s/types';

/** One plugin's contribution to one node. */
export interface PluginScore {
  plugin: string;
  weight: number;
  /** PreScore answered Skip: the plugin scored nothing, all fields are 0. */
  skipped: boolean;
  /** What Score returned. */
  raw: number;
  /** After NormalizeScore (the raw score for plugins that do not normalize). */
  normalized: number;
  /** `normalized * weight`, what the total adds. */
  weighted: number;
}

/** A feasible node with its scores. */
export interface NodeScore {
  node: Node;
  name: string;
  plugins: PluginScore[];
  total: number;
}

const NO_PODS: readonly Pod[] = [];

// Raw scores depend on the pod, the node, its pods and (ImageLocality) the cluster's images: remembered per
// plugin, so a pod event scores again only the node it changed.
const rawScoreMemos = new WeakMap<ScorePlugin, ReturnType<typeof perNodeMemo<number>>>();
function rawScores(plugin: ScorePlugin) {
  let memo = rawScoreMemos.get(plugin);
  if (!memo) rawScoreMemos.set(plugin, (memo = perNodeMemo<number>()));
  return memo;
}

// The images of every node, per list of nodes (a watched list keeps its array until a node changes).
const imagesOfNodes = new WeakMap<readonly Node[], ReturnType<typeof imageStates>>();
function rememberedImages(nodes: readonly Node[]) {
  let images = imagesOfNodes.get(nodes);
  if (!images) imagesOfNodes.set(nodes, (images = imageStates(nodes)));
  return images;
}

/**
 * Scores the feasible nodes for the pod, in their order. `allNodes` is every node of the cluster
 * (ImageLocality weighs an image by how many of them hold it).
 */
export function scoreNodes(options: {
  pod: Pod;
  feasible: readonly Node[];
  allNodes: readonly Node[];
  podsByNode: PodsByNode;
  plugins?: readonly ScorePlugin[];
}): NodeScore[] {
  const { pod, feasible, allNodes, podsByNode, plugins = DEFAULT_SCORE_PLUGINS } = options;
  const images = rememberedImages(allNodes);
  const columns = plugins.map((plugin): PluginScore[] => {
    if (plugin.skips?.(pod)) {
      return feasible.map(() => ({ plugin: plugin.name, weight: plugin.weight, skipped: true, raw: 0, normalized: 0, weighted: 0 }));
    }
    const memo = rawScores(plugin);
    const raw = feasible.map((node) => {
      const podsOnNode = podsByNode.get(node.metadata?.name ?? '') ?? NO_PODS;
      return memo({ pod, node, podsOnNode, extra: images }, () => plugin.score(pod, node, { podsOnNode, images, totalNodes: allNodes.length }));
    });
    const normalized = plugin.normalize ? plugin.normalize(raw) : raw;
    return raw.map((score, i) => ({ plugin: plugin.name, weight: plugin.weight, skipped: false, raw: score, normalized: normalized[i], weighted: normalized[i] * plugin.weight }));
  });
  return feasible.map((node, i) => {
    const scores = columns.map((column) => column[i]);
    return { node, name: node.metadata?.name ?? '', plugins: scores, total: scores.reduce((sum, s) => sum + s.weighted, 0) };
  });
}

/** Which node selectHost takes, and which others had the same top total. */
export interface HostSelection {
  name: string;
  /** Every node with the top total, the pick included; more than one means a random pick. */
  tied: string[];
}

/**
 * selectHost: the node with the highest total; among equal totals each is equally likely (`random`
 * is Math.random's contract, injectable for tests). Undefined when nothing is feasible.
 */
export function selectHost(scores: readonly NodeScore[], random: () => number = Math.random): HostSelection | undefined {
  if (scores.length === 0) return undefined;
  const best = Math.max(...scores.map((s) => s.total));
  const tied = scores.filter((s) => s.total === best).map((s) => s.name);
  return { name: tied[Math.min(tied.length - 1, Math.floor(random() * tied.length))], tied };
}
