import { syncAggregatedRoles } from './auth/rbac/aggregation';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from './auth/rbac/bootstrap-policy';
import { RBAC_GROUP } from './auth/rbac/rule-resolver';
import { findKind, type KindSpec } from './kinds';
import type { Registry } from './registry';
import { resourceKey } from './kinds';

/** The namespaces every cluster starts with. */
export const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * What a fresh kube-apiserver and its controllers create on their own: the four system namespaces,
 * each with its `default` ServiceAccount, the `kubernetes` Service in `default`, and the default RBAC
 * policy (ClusterRoles with their aggregated rules, and their ClusterRoleBindings).
 */
export function bootstrap(registry: Registry): void {
  const namespaces = findKind('', 'v1', 'namespaces') as KindSpec;
  for (const name of INITIAL_NAMESPACES) {
    if (!registry.store.get(resourceKey(namespaces), '', name)) registry.create(namespaces, '', { metadata: { name } });
  }
  const services = findKind('', 'v1', 'services') as KindSpec;
  registry.create(services, 'default', kubernetesService());
  const clusterRoles = findKind(RBAC_GROUP, 'v1', 'clusterroles') as KindSpec;
  for (const role of bootstrapClusterRoles()) registry.create(clusterRoles, '', role);
  const clusterRoleBindings = findKind(RBAC_GROUP, 'v1', 'clusterrolebindings') as KindSpec;
  for (const binding of bootstrapClusterRoleBindings()) registry.create(clusterRoleBindings, '', binding);
  syncAggregatedRoles(registry);
}

/** The `kubernetes` Service body the API server keeps in `default` (its bootstrap controller recreates it). */
export function kubernetesService(): { metadata: Record<string, unknown>; spec: Record<string, unknown> } {
  return {
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
}
