/**
 * The kinds of rbac.authorization.k8s.io, authentication.k8s.io and authorization.k8s.io, as rows of the
 * served-kinds table (`../kinds.ts` appends them). The review kinds are create-only: a POST answers
 * with the body and its computed status, and nothing is stored.
 */
import type { KindSpec } from '../kinds';
import { authorizeRbacWrite } from './rbac/escalation';
import { RBAC_GROUP } from './rbac/rule-resolver';
import { validateBinding, validateBindingUpdate, validateRules } from './rbac/validate';
import { selfSubjectReview, tokenReview } from './reviews/authentication-reviews';
import { localSubjectAccessReview, selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from './reviews/access-reviews';

// The four RBAC kinds differ only in scope and in what they hold (rules, or a roleRef and subjects).
function rbacKind(kind: 'ClusterRoleBinding' | 'ClusterRole' | 'RoleBinding' | 'Role'): KindSpec {
  const resource = `${kind.toLowerCase()}s`;
  const namespaced = !kind.startsWith('Cluster');
  const binding = kind.endsWith('Binding');
  return {
    group: RBAC_GROUP,
    version: 'v1',
    kind,
    resource,
    singular: kind.toLowerCase(),
    namespaced,
    nameRule: 'path',
    subresources: [],
    authorizeWrite: authorizeRbacWrite({ kind, resource }),
    validateCreate: (obj) => (binding ? validateBinding(obj, namespaced) : validateRules(obj, namespaced)),
    validateUpdate: (next, old) => (binding ? validateBindingUpdate(next, old, namespaced) : validateRules(next, namespaced)),
  };
}

function review(group: string, kind: string, create: KindSpec['create'], namespaced = false): KindSpec {
  return {
    group,
    version: 'v1',
    kind,
    resource: `${kind.toLowerCase()}s`,
    singular: kind.toLowerCase(),
    namespaced,
    nameRule: 'subdomain',
    subresources: [],
    verbs: ['create'],
    create,
  };
}

export const AUTH_KINDS: KindSpec[] = [
  rbacKind('ClusterRoleBinding'),
  rbacKind('ClusterRole'),
  rbacKind('RoleBinding'),
  rbacKind('Role'),
  review('authentication.k8s.io', 'SelfSubjectReview', selfSubjectReview),
  review('authentication.k8s.io', 'TokenReview', tokenReview),
  review('authorization.k8s.io', 'LocalSubjectAccessReview', localSubjectAccessReview, true),
  review('authorization.k8s.io', 'SelfSubjectAccessReview', selfSubjectAccessReview),
  review('authorization.k8s.io', 'SelfSubjectRulesReview', selfSubjectRulesReview),
  review('authorization.k8s.io', 'SubjectAccessReview', subjectAccessReview),
];
