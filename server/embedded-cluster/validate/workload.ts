import { invalid, required, type FieldError } from '@/lib/k8s/field-errors';
import { isPlainObject } from '../types';
import { validatePodSpec } from './pod';

/**
 * ValidateDeploymentSpec / ValidateReplicaSetSpec: a non-empty selector that matches the template's
 * labels, a non-negative replica count, and a valid pod template.
 */
export function validateWorkloadSpec(spec: unknown): FieldError[] {
  if (!isPlainObject(spec)) return [required('spec')];
  const errors: FieldError[] = [];
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errors.push(invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0'));
  }
  const selector = isPlainObject(spec.selector) ? spec.selector : undefined;
  const matchLabels = isPlainObject(selector?.matchLabels) ? (selector.matchLabels as Record<string, string>) : {};
  const hasExpressions = Array.isArray(selector?.matchExpressions) && selector.matchExpressions.length > 0;
  if (!selector || (Object.keys(matchLabels).length === 0 && !hasExpressions)) {
    errors.push(required('spec.selector'));
  }
  const template = isPlainObject(spec.template) ? spec.template : {};
  const metadata = isPlainObject(template.metadata) ? template.metadata : {};
  const labels = (isPlainObject(metadata.labels) ? metadata.labels : {}) as Record<string, string>;
  if (selector && Object.entries(matchLabels).some(([k, v]) => labels[k] !== v)) {
    errors.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  errors.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  return errors;
}
