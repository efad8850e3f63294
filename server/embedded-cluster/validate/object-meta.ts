import { invalid, required, type FieldError } from '@/lib/k8s/field-errors';
import { isDNS1035Label, validateAnnotations, validateLabels, validateObjectMetaName } from '@/lib/k8s/validation';
import type { ObjectMeta } from '../types';

/**
 * ValidateObjectMeta for every kind: a name (or generateName) in the kind's format, then label keys and
 * values, then annotations, in the order apimachinery reports them.
 */
export function validateObjectMeta(meta: ObjectMeta, nameRule: 'subdomain' | 'label' | 'dns1035'): FieldError[] {
  const errors: FieldError[] = [];
  if (!meta.name && !meta.generateName) {
    errors.push(required('metadata.name', 'name or generateName is required'));
  } else if (meta.name && nameRule === 'dns1035') {
    // ValidateServiceName: service names become DNS labels that must not start with a digit.
    errors.push(...isDNS1035Label(meta.name).map((msg) => invalid('metadata.name', meta.name, msg)));
  } else if (meta.name) {
    errors.push(...validateObjectMetaName(meta.name, nameRule, 'metadata.name'));
  }
  errors.push(...validateLabels(meta.labels ?? {}, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations ?? {}, 'metadata.annotations'));
  return errors;
}
