/**
 * The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole with an
 * aggregationRule gets, as its rules, the rules of every ClusterRole its selectors match, in name order,
 * each distinct rule once.
 */
import { fromLabelSelectorObject, matchesLabels } from '@/lib/k8s/label-selector';
import type { ControllerContext, RunningController } from '../../controllers/context';
import { startControllerLoop } from '../../controllers/controller-loop';
import { findKind, type KindSpec } from '../../kinds';
import type { Registry } from '../../registry';
import { jsonEqual, type KubeObject } from '../../types';
import { rulesOf, type PolicyRule } from './policy-rule';
import { CLUSTER_ROLES, RBAC_GROUP } from './rule-resolver';

/** The rules an aggregated ClusterRole should have, or undefined when it has no aggregationRule. */
export function aggregatedRules(role: KubeObject, all: readonly KubeObject[]): PolicyRule[] | undefined {
  const rule = role.aggregationRule as { clusterRoleSelectors?: unknown[] } | undefined;
  if (!rule || !Array.isArray(rule.clusterRoleSelectors)) return undefined;
  const rules: PolicyRule[] = [];
  const sorted = [...all].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const selectorObject of rule.clusterRoleSelectors) {
    const parsed = fromLabelSelectorObject(selectorObject as never);
    if (!parsed.ok || parsed.matchesNothing) continue;
    for (const candidate of sorted) {
      if (candidate.metadata.name === role.metadata.name || !matchesLabels(parsed.selector, candidate.metadata.labels)) continue;
      for (const r of rulesOf(candidate)) if (!rules.some((have) => jsonEqual(have, r))) rules.push(r);
    }
  }
  return rules;
}

/**
 * Brings every aggregated ClusterRole's rules up to date. Aggregates of aggregates (`admin` takes `edit`,
 * which takes `view`) settle over a few passes, as the controller's requeues would.
 */
export function syncAggregatedRoles(registry: Registry): void {
  const kind = clusterRoleKind();
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    const all = registry.store.list(CLUSTER_ROLES);
    for (const role of all) {
      const rules = aggregatedRules(role, all);
      if (!rules || jsonEqual(rules, role.rules ?? [])) continue;
      registry.update({ kind, namespace: '', name: role.metadata.name ?? '', body: { ...role, rules } });
      changed = true;
    }
    if (!changed) return;
  }
}

/** Re-aggregates after every ClusterRole change. */
export function startClusterRoleAggregation(ctx: ControllerContext): RunningController {
  const loop = startControllerLoop({ name: 'clusterrole-aggregation-controller', sync: () => syncAggregatedRoles(ctx.registry) });
  const stop = ctx.informers.for(CLUSTER_ROLES).onChange(() => loop.enqueue('all'));
  return {
    stop() {
      stop();
      loop.stop();
    },
  };
}

function clusterRoleKind(): KindSpec {
  return findKind(RBAC_GROUP, 'v1', 'clusterroles') as KindSpec;
}
