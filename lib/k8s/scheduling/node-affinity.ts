/**
 * Required node affinity and `nodeSelector`, as component-helpers `scheduling/corev1/nodeaffinity`
 * `GetRequiredNodeAffinity(pod).Match(node)` evaluates them: the `nodeSelector` map AND the required
 * `nodeSelectorTerms`, where terms are ORed and the requirements inside a term are ANDed.
 */

import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from '@/lib/k8s/types';

/** The only field `matchFields` may select on. */
const NAME_FIELD = 'metadata.name';

type LabelMatcher = (labels: Record<string, string>) => boolean;

/** Go's strconv.ParseInt(s, 10, 64); `undefined` when it would fail. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}

/**
 * Compiles one label requirement the way `labels.NewRequirement` validates it; `undefined` when it is
 * invalid, which makes the whole term unusable (the scheduler ignores such terms).
 */
function compileLabelRequirement({ key, operator, values = [] }: NodeSelectorRequirement): LabelMatcher | undefined {
  switch (operator) {
    case 'In':
      if (values.length === 0) return undefined;
      return (labels) => key in labels && values.includes(labels[key]);
    case 'NotIn':
      // NotIn also matches nodes without the label, as apimachinery's selector does.
      if (values.length === 0) return undefined;
      return (labels) => !(key in labels) || !values.includes(labels[key]);
    case 'Exists':
      if (values.length !== 0) return undefined;
      return (labels) => key in labels;
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return (labels) => !(key in labels);
    case 'Gt':
    case 'Lt': {
      // Gt/Lt need exactly one integer; a missing or non-integer label value never matches.
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      if (bound === undefined) return undefined;
      return (labels) => {
        const actual = key in labels ? parseInt64(labels[key]) : undefined;
        if (actual === undefined) return false;
        return operator === 'Gt' ? actual > bound : actual < bound;
      };
    }
    default:
      return undefined;
  }
}

/** `matchFields` allow only `metadata.name` with `In`/`NotIn` and exactly one value. */
function compileFieldRequirement({ key, operator, values = [] }: NodeSelectorRequirement): ((name: string) => boolean) | undefined {
  if (key !== NAME_FIELD || values.length !== 1) return undefined;
  if (operator === 'In') return (name) => name === values[0];
  if (operator === 'NotIn') return (name) => name !== values[0];
  return undefined;
}

/** Whether one node selector term matches the node. An empty or invalid term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;

  const labelMatchers = expressions.map(compileLabelRequirement);
  const fieldMatchers = fields.map(compileFieldRequirement);
  if (labelMatchers.includes(undefined) || fieldMatchers.includes(undefined)) return false;

  const labels = node.metadata?.labels ?? {};
  if (!labelMatchers.every((match) => match!(labels))) return false;
  // Fields are only compared when the node has a name to compare (nodeaffinity's extractNodeFields).
  const name = node.metadata?.name ?? '';
  return name === '' || fieldMatchers.every((match) => match!(name));
}

/** Whether any of the terms matches the node (terms are ORed). */
export function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((term) => nodeSelectorTermMatches(term, node));
}

/** Whether the node satisfies the pod's `nodeSelector` map and its required node affinity. */
export function podMatchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const selector = pod.spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([key, value]) => key in labels && labels[key] === value)) return false;

  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return nodeSelectorTermsMatch(required.nodeSelectorTerms ?? [], node);
}

/**
 * The node names NodeAffinity's PreFilter narrows scheduling to: when every term pins
 * `metadata.name In [...]`, the union over terms of the intersection inside each term. `undefined`
 * means all nodes stay eligible; an empty set means the terms conflict and no node can match.
 */
export function nodeNamesFromAffinity(pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return undefined;
  let union: Set<string> | undefined;
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const req of term.matchFields ?? []) {
      if (req.key !== NAME_FIELD || req.operator !== 'In') continue;
      const names = new Set(req.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => names.has(n))) : names;
    }
    // A term without a name pin lets every node through, and terms are ORed.
    if (!termNames) return undefined;
    union = new Set([...(union ?? []), ...termNames]);
  }
  return union;
}
