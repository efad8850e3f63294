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

const RBAC_COMMON: Pick<KindSpec, 'group' | 'version' | 'nameRule' | 'subresources'> = { group: RBAC_GROUP, version: 'v1', nameRule: 'path', subresources: [] };

function review(group: string, kind: string, create: KindSpec['create'], namespaced = false): KindSpec {
  return {
    group,
    version: 'v1',
    kind,
    resource: `${kind.toLowerCase()}s`,
    singular: '',
    namespaced,
    nameRule: 'subdomain',
    subresources: [],
    verbs: ['create'],
    create,
  };
}

export const AUTH_KINDS: KindSpec[] = [
  {
    ...RBAC_COMMON,
    kind: 'ClusterRoleBinding',
    resource: 'clusterrolebindings',
    authorizeWrite: authorizeRbacWrite({ kind: 'ClusterRoleBinding', resource: 'clusterrolebindings' }),
    singular: 'clusterrolebinding',
    namespaced: false,
    validateCreate: (obj) => validateBinding(obj, false),
    validateUpdate: (next, old) => validateBindingUpdate(next, old, false),
  },
  {
    ...RBAC_COMMON,
    kind: 'ClusterRole',
    resource: 'clusterroles',
    authorizeWrite: authorizeRbacWrite({ kind: 'ClusterRole', resource: 'clusterroles' }),
    singular: 'clusterrole',
    namespaced: false,
    validateCreate: (obj) => validateRules(obj, false),
    validateUpdate: (obj) => validateRules(obj, false),
  },
  {
    ...RBAC_COMMON,
    kind: 'RoleBinding',
    resource: 'rolebindings',
    authorizeWrite: authorizeRbacWrite({ kind: 'RoleBinding', resource: 'rolebindings' }),
    singular: 'rolebinding',
    namespaced: true,
    validateCreate: (obj) => validateBinding(obj, true),
    validateUpdate: (next, old) => validateBindingUpdate(next, old, true),
  },
  {
    ...RBAC_COMMON,
    kind: 'Role',
    resource: 'roles',
    authorizeWrite: authorizeRbacWrite({ kind: 'Role', resource: 'roles' }),
    singular: 'role',
    namespaced: true,
    validateCreate: (obj) => validateRules(obj, true),
    validateUpdate: (obj) => validateRules(obj, true),
  },
  review('authentication.k8s.io', 'SelfSubjectReview', selfSubjectReview),
  review('authentication.k8s.io', 'TokenReview', tokenReview),
  review('authorization.k8s.io', 'LocalSubjectAccessReview', localSubjectAccessReview, true),
  review('authorization.k8s.io', 'SelfSubjectAccessReview', selfSubjectAccessReview),
  review('authorization.k8s.io', 'SelfSubjectRulesReview', selfSubjectRulesReview),
  review('authorization.k8s.io', 'SubjectAccessReview', subjectAccessReview),
];
