/**
 * The DefaultRuleResolver of pkg/registry/rbac/validation/rule.go: the rules a user holds in a namespace
 * come from every ClusterRoleBinding whose subjects include them and, in a namespace, every RoleBinding
 * there. It reads the store on every call, so a new Role or binding takes effect at once.
 */
import type { ObjectStore } from '../../store';
import type { KubeObject } from '../../types';
import { serviceAccountUsername, type UserInfo } from '../user-info';
import { rulesOf, type PolicyRule } from './policy-rule';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const ROLES = `roles.${RBAC_GROUP}`;
export const CLUSTER_ROLES = `clusterroles.${RBAC_GROUP}`;
export const ROLE_BINDINGS = `rolebindings.${RBAC_GROUP}`;
export const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC_GROUP}`;

/** rbacv1.Subject. */
export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

interface RoleRef {
  kind: string;
  name: string;
}

/**
 * Called with each rule and where it came from (`ClusterRoleBinding "x" of ClusterRole "y" to User "z"`),
 * or with an error of resolution; returning false stops the walk.
 */
export type RuleVisitor = (visit: { source?: string; rule?: PolicyRule; error?: string }) => boolean;

/** Walks the rules `user` holds in `namespace` ('' for cluster scope), cluster bindings first. */
export function visitRulesFor(store: ObjectStore, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  for (const binding of store.listShared(CLUSTER_ROLE_BINDINGS)) {
    if (!visitBinding({ store, user, binding, namespace: '', visitor })) return;
  }
  if (!namespace) return;
  for (const binding of store.listShared(ROLE_BINDINGS, namespace)) {
    if (!visitBinding({ store, user, binding, namespace, visitor })) return;
  }
}

/** Every rule `user` holds in `namespace`, and the resolution errors met (RulesFor). */
export function rulesFor(store: ObjectStore, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(store, user, namespace, ({ rule, error }) => {
    if (rule) rules.push(rule);
    if (error) errors.push(error);
    return true;
  });
  return { rules, errors };
}

/** The rules of the role a binding in `namespace` ('' for a ClusterRoleBinding) refers to. */
export function roleReferenceRules(store: ObjectStore, roleRef: RoleRef, namespace: string): { rules: PolicyRule[]; error?: string } {
  if (roleRef.kind === 'Role') {
    const role = store.get(ROLES, namespace, roleRef.name);
    // The listers' NotFound wording: singular resource, qualified by group.
    return role ? { rules: rulesOf(role) } : { rules: [], error: `role.${RBAC_GROUP} "${roleRef.name}" not found` };
  }
  if (roleRef.kind === 'ClusterRole') {
    const role = store.get(CLUSTER_ROLES, '', roleRef.name);
    return role ? { rules: rulesOf(role) } : { rules: [], error: `clusterrole.${RBAC_GROUP} "${roleRef.name}" not found` };
  }
  return { rules: [], error: `unsupported role reference kind: "${roleRef.kind}"` };
}

function visitBinding(options: { store: ObjectStore; user: UserInfo; binding: KubeObject; namespace: string; visitor: RuleVisitor }): boolean {
  const { store, user, binding, namespace, visitor } = options;
  const subjects = Array.isArray(binding.subjects) ? (binding.subjects as Subject[]) : [];
  const subject = subjects.find((s) => appliesTo(user, s, namespace));
  if (!subject) return true;
  const roleRef = (binding.roleRef ?? { kind: '', name: '' }) as RoleRef;
  const { rules, error } = roleReferenceRules(store, roleRef, namespace);
  if (error && !visitor({ error })) return false;
  const source = describeBinding(binding, roleRef, subject, namespace);
  return rules.every((rule) => visitor({ source, rule }));
}

/** appliesToUser: User by name, Group by membership, ServiceAccount by its username. */
export function appliesTo(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return namespace !== '' && user.name === serviceAccountUsername(namespace, subject.name);
    }
    default:
      return false;
  }
}

// The describers of rule.go; note RoleBinding "name/namespace" and ServiceAccount "name/namespace".
function describeBinding(binding: KubeObject, roleRef: RoleRef, subject: Subject, namespace: string): string {
  const who =
    subject.kind === 'ServiceAccount' ? `${subject.kind} "${subject.name}/${subject.namespace || namespace}"` : `${subject.kind} "${subject.name}"`;
  const name = namespace ? `RoleBinding "${binding.metadata.name ?? ''}/${namespace}"` : `ClusterRoleBinding "${binding.metadata.name ?? ''}"`;
  return `${name} of ${roleRef.kind} "${roleRef.name}" to ${who}`;
}
