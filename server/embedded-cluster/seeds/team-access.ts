/**
 * The demo seed's users at work: a `team-a` namespace where the `developers` group (alice) may edit and
 * bob may view, through RoleBindings to the default `edit` and `view` ClusterRoles. Elsewhere they may
 * do nothing but learn about themselves, as on a real cluster.
 */
import { RBAC_GROUP } from '../auth/rbac/rule-resolver';
import { findKind, type KindSpec } from '../kinds';
import type { Registry } from '../registry';

/** The namespace the demo seed's team works in. */
export const TEAM_NAMESPACE = 'team-a';

export function seedTeamAccess(registry: Registry): void {
  registry.create(findKind('', 'v1', 'namespaces') as KindSpec, '', { metadata: { name: TEAM_NAMESPACE } });
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
