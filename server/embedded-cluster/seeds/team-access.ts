/**
 * The demo seed's users at work: a `team-a` namespace where the `developers` group (alice) may edit and
 * bob may view, through RoleBindings to the default `edit` and `view` ClusterRoles. Elsewhere they may
 * do nothing but learn about themselves, as on a real cluster.
 */
import { RBAC_GROUP } from '../auth/rbac/rule-resolver';
import { findKind, resourceKey, type KindSpec } from '../kinds';
import type { Registry } from '../registry';
import { backdate } from './workloads';

/** The namespace the demo seed's team works in. */
export const TEAM_NAMESPACE = 'team-a';

/** Where the team members work: the default namespace of their kubeconfig contexts. */
export const TEAM_USERS = { alice: TEAM_NAMESPACE, bob: TEAM_NAMESPACE };

export function seedTeamAccess(registry: Registry, createdAt: Date): void {
  const namespaces = findKind('', 'v1', 'namespaces') as KindSpec;
  const namespace = registry.create(namespaces, '', { metadata: { name: TEAM_NAMESPACE } });
  registry.store.put(resourceKey(namespaces), backdate(namespace, createdAt));
  const roleBindings = findKind(RBAC_GROUP, 'v1', 'rolebindings') as KindSpec;
  const bind = (name: string, role: string, subject: { kind: string; name: string }) =>
    registry.create(roleBindings, TEAM_NAMESPACE, {
      metadata: { name, namespace: TEAM_NAMESPACE },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
      subjects: [{ apiGroup: RBAC_GROUP, ...subject }],
    });
  bind('developers-edit', 'edit', { kind: 'Group', name: 'developers' });
  bind('bob-view', 'view', { kind: 'User', name: 'bob' });
}
