import { invalid, required, type FieldError } from '@/lib/k8s/field-errors';
import { isDNS1035Label, validateAnnotations, validateLabels, validateObjectMetaName } from '@/lib/k8s/validation';
import type { ObjectMeta } from '../types';

/**
 * ValidateObjectMeta for every kind: a name (or generateName) in the kind's format, then label keys and
 * values, then annotations, in the order apimachinery reports them.
 */
export function validateObjectMeta(meta: ObjectMeta, nameRule: 'subdomain' | 'label' | 'dns1035' | 'path'): FieldError[] {
  const errors: FieldError[] = [];
  if (!meta.name && !meta.generateName) {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (meta.name && nameRule === 'dns1035') {
    // ValidateServiceName: service names become DNS labels that must not start with a digit.
    errors.push(...isDNS1035Label(meta.name).map((msg) => invalid('metadata.name', meta.name, msg)));
  } else if (meta.name) {
    const name = meta.name;
    if (nameRule === 'path') errors.push(...pathSegmentNameErrors(name).map((msg) => invalid('metadata.name', name, msg)));
    else errors.push(...validateObjectMetaName(name, nameRule, 'metadata.name'));
  }
  errors.push(...validateLabels(meta.labels ?? {}, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations ?? {}, 'metadata.annotations'));
  return errors;
}

// path.IsValidPathSegmentName, the only rule RBAC names follow (`system:discovery` is a valid name).
function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}
