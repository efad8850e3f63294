/** The RBAC kinds' validation (pkg/apis/rbac/validation), reduced to what a client can get wrong. */
import { invalid, notSupported, required, type FieldError } from '@/lib/k8s/field-errors';
import { isPlainObject, jsonEqual, type KubeObject } from '../../types';
import { RBAC_GROUP } from './rule-resolver';

/** Rules of a Role (`namespaced`) or ClusterRole. */
export function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  const rules = Array.isArray(obj.rules) ? obj.rules : [];
  return rules.flatMap((value, i): FieldError[] => {
    const path = `rules[${i}]`;
    if (!isPlainObject(value)) return [required(path)];
    const errors: FieldError[] = [];
    const list = (key: string) => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []);
    if (list('verbs').length === 0) errors.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
    if (list('nonResourceURLs').length > 0) {
      if (namespaced) errors.push(invalid(`${path}.nonResourceURLs`, list('nonResourceURLs'), 'namespaced rules cannot apply to non-resource URLs'));
      if (list('apiGroups').length > 0 || list('resources').length > 0 || list('resourceNames').length > 0) {
        errors.push(invalid(`${path}.nonResourceURLs`, list('nonResourceURLs'), 'rules cannot apply to both regular resources and non-resource URLs'));
      }
    } else {
      if (list('apiGroups').length === 0) errors.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
      if (list('resources').length === 0) errors.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
    }
    return errors;
  });
}

/** roleRef and subjects of a RoleBinding (`namespaced`) or ClusterRoleBinding. */
export function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const ref = isPlainObject(obj.roleRef) ? obj.roleRef : {};
  if (ref.apiGroup !== RBAC_GROUP) errors.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(String(ref.kind ?? ''))) errors.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errors.push(required('roleRef.name'));
  const subjects = Array.isArray(obj.subjects) ? obj.subjects : [];
  subjects.forEach((subject, i) => {
    const s = isPlainObject(subject) ? subject : {};
    const path = `subjects[${i}]`;
    if (!s.name) errors.push(required(`${path}.name`));
    if (!['ServiceAccount', 'User', 'Group'].includes(String(s.kind ?? ''))) errors.push(notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    if (s.kind === 'ServiceAccount' && !namespaced && !s.namespace) errors.push(required(`${path}.namespace`));
  });
  return errors;
}

/** A binding's roleRef cannot change once created. */
export function validateBindingUpdate(next: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  const errors = validateBinding(next, namespaced);
  if (!jsonEqual(next.roleRef, old.roleRef)) errors.push(invalid('roleRef', next.roleRef, 'cannot change roleRef'));
  return errors;
}
